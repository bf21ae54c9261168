import Foundation
import Testing

@testable import SheetIO

/// The .xlsx reader's batches hold exactly the rows that `next()` gives, up to the same
/// failure, on every committed workbook, with batch boundaries in the middle of rows.
@Suite struct CellBatchFillTests {
  typealias Rows = [(number: Int, cells: [(Int, CellValue)])]

  static let workbooks: [String] = {
    guard let walker = FileManager.default.enumerator(atPath: Fixtures.root.path) else { return [] }
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".xlsx") }.sorted()
  }()

  static func byRows(_ reader: XLSXRowReader) -> (Rows, SheetReadError?) {
    var rows: Rows = []
    do {
      while let row = try reader.next() {
        rows.append((row.number, row.cells.map { ($0.address.column, $0.value) }))
      }
      return (rows, nil)
    } catch {
      return (rows, error)
    }
  }

  static func byBatches(_ reader: XLSXRowReader, cells: Int) -> (Rows, SheetReadError?) {
    var rows: Rows = []
    var more = true
    var failure: SheetReadError?
    while more, failure == nil {
      var batch = CellBatch()
      do {
        more = try reader.fill(&batch, cells: cells)
      } catch {
        failure = error
      }
      for r in 0..<batch.rowCount {
        let cells = batch.cells(ofRow: r).map {
          (batch.columns[$0], batch.value(at: $0, sharedStrings: reader.sharedStrings))
        }
        rows.append((batch.rowNumbers[r], cells))
      }
    }
    return (rows, failure)
  }

  @Test func thereAreWorkbooksToCompare() { #expect(Self.workbooks.count > 50) }

  @Test(arguments: workbooks)
  func batchesHoldWhatRowsHold(relative: String) throws {
    guard let workbook = try? XLSXWorkbook(path: Fixtures.path(relative)) else { return }
    for sheet in workbook.sheets {
      guard let first = try? workbook.rowReader(of: sheet), let second = try? workbook.rowReader(of: sheet) else {
        continue
      }
      let (rows, rowFailure) = Self.byRows(first)
      let (batched, batchFailure) = Self.byBatches(second, cells: 3)
      #expect(batched.count == rows.count, "\(relative) \(sheet.name)")
      for (a, b) in zip(rows, batched) {
        #expect(a.number == b.number && a.cells.map(\.0) == b.cells.map(\.0), "\(relative) \(sheet.name)")
        // Compared as written out: NaN, which some hostile files hold, equals nothing.
        #expect(a.cells.map { "\($0.1)" } == b.cells.map { "\($0.1)" }, "\(relative) \(sheet.name) row \(a.number)")
      }
      #expect(batchFailure == rowFailure, "\(relative) \(sheet.name)")
    }
  }

  /// Rows 1 and 3 whole; row 4 fails at its second cell (a shared string past the table).
  static let failingSheet = Array(
    """
    <worksheet><sheetData>\
    <row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>2.5</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c></row>\
    <row r="2"/>\
    <row r="3"><c r="B3" t="b"><v>1</v></c><c r="D3" t="s"><v>0</v></c></row>\
    <row r="4"><c r="A4"><v>7</v></c><c r="B4" t="s"><v>9</v></c></row>\
    </sheetData></worksheet>
    """.utf8)

  static func reader(_ xml: [UInt8]) -> XLSXRowReader {
    XLSXRowReader(
      source: MemoryByteSource(xml, chunkSize: 16), limits: .standard, sharedStrings: ["", "một"],
      styles: XLSXStyles(), uses1904: false, sheetName: "S")
  }

  @Test(arguments: [1, 2, 100])
  func aFailureKeepsTheWholeRowsBeforeItAndDropsItsOwn(cells: Int) {
    let (rows, failure) = Self.byBatches(Self.reader(Self.failingSheet), cells: cells)
    #expect(rows.map(\.number) == [1, 3])
    #expect(rows.map { $0.cells.map(\.0) } == [[1, 2, 3], [2, 4]])
    #expect(
      rows.map { $0.cells.map { "\($0.1)" } } == [
        [#"text("một")"#, "number(2.5)", #"text("x")"#], ["boolean(true)", #"text("")"#],
      ])
    #expect(failure?.code == "malformed-xml")
    #expect(failure?.location.cell == CellAddress("B4"))
    #expect(failure == Self.byRows(Self.reader(Self.failingSheet)).1)
  }
}
