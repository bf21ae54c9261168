import Foundation
import Testing

@_spi(Fuzzing) @testable import SheetIO

/// The .xlsx reader's batches hold exactly the rows that `next()` gives, up to the same
/// failure, on every committed workbook, with batch boundaries in the middle of rows.
@Suite struct CellBatchFillTests {
  static let workbooks: [String] = {
    guard let walker = FileManager.default.enumerator(atPath: Fixtures.root.path) else { return [] }
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".xlsx") }.sorted()
  }()

  @Test func thereAreWorkbooksToCompare() { #expect(Self.workbooks.count > 50) }

  @Test(arguments: workbooks)
  func batchesHoldWhatRowsHold(relative: String) throws {
    guard let workbook = try? XLSXWorkbook(path: Fixtures.path(relative)) else { return }
    for sheet in workbook.sheets {
      guard let first = try? workbook.rowReader(of: sheet), let second = try? workbook.rowReader(of: sheet) else {
        continue
      }
      let rows = ReaderParts.rowTexts(first)
      let batched = ReaderParts.rowTexts(second, batchCells: 3)
      #expect(batched.rows == rows.rows, "\(relative) \(sheet.name)")
      #expect(batched.failure == rows.failure, "\(relative) \(sheet.name)")
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
    let (rows, failure) = ReaderParts.rowTexts(Self.reader(Self.failingSheet), batchCells: cells)
    #expect(rows == [#"1 1=text("một") 2=number(2.5) 3=text("x")"#, #"3 2=boolean(true) 4=text("")"#])
    #expect(failure?.code == "malformed-xml")
    #expect(failure?.location.cell == CellAddress("B4"))
    #expect(failure == ReaderParts.rowTexts(Self.reader(Self.failingSheet)).failure)
  }
}
