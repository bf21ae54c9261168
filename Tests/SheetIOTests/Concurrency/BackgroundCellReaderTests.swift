import Foundation
import Testing

@testable import SheetIO

/// The rows, notes and failures of a reader come through the second thread unchanged.
@Suite struct BackgroundCellReaderTests {
  /// Rows 1…count with one cell each; fails at row `failAt` when given.
  final class CountingReader: RowReading, @unchecked Sendable {
    let count: Int
    let failAt: Int?
    private let lock = NSLock()
    private var produced = 0
    var read: Int { lock.withLock { produced } }

    init(count: Int, failAt: Int? = nil) {
      self.count = count
      self.failAt = failAt
    }

    func next() throws(SheetReadError) -> Row? {
      let n = lock.withLock {
        produced += 1
        return produced
      }
      if n == failAt { throw .malformedXML(Location(file: "f.xlsx", sheet: "S"), reason: "row \(n)") }
      guard n <= count else { return nil }
      let text: CellValue = n.isMultiple(of: 3) ? .text("r\(n)") : .empty
      return Row(
        number: n,
        cells: [
          Cell(address: CellAddress(row: n, column: 1), value: .number(Double(n))),
          Cell(address: CellAddress(row: n, column: 3), value: text),
        ])
    }

    var mergedRanges: [CellRange] { [CellRange("A1:B2")!] }
    var notes: [ReadNote] {
      [ReadNote(code: "ambiguous-number", cell: CellAddress(row: 2, column: 1), detail: "1.348")]
    }
  }

  /// Every row of every batch, as (row number, [(column, value)]).
  static func rows(_ reader: BackgroundCellReader) throws -> [(Int, [(Int, CellValue)])] {
    var rows: [(Int, [(Int, CellValue)])] = []
    while let batch = try reader.next() {
      for r in 0..<batch.rowCount {
        let cells = batch.cells(ofRow: r).map {
          (batch.columns[$0], batch.value(at: $0, sharedStrings: reader.sharedStrings))
        }
        rows.append((batch.rowNumbers[r], cells))
      }
    }
    return rows
  }

  @Test(arguments: [0, 1, 4_095, 4_096, 4_097, 20_000])
  func everyRowInOrderThenTheNotes(count: Int) throws {
    let reader = BackgroundCellReader(CountingReader(count: count))
    let rows = try Self.rows(reader)
    #expect(rows.map(\.0) == Array(stride(from: 1, through: count, by: 1)))
    for (number, cells) in rows {
      #expect(cells.map(\.0) == [1, 3])
      #expect(cells[0].1 == .number(Double(number)))
      #expect(cells[1].1 == (number.isMultiple(of: 3) ? .text("r\(number)") : .empty))
    }
    #expect(try reader.next() == nil)
    #expect(reader.notes.map(\.detail) == ["1.348"])
    #expect(reader.mergedRanges == [CellRange("A1:B2")!])
  }

  @Test func aFailureArrivesAfterTheRowsBeforeIt() {
    let reader = BackgroundCellReader(CountingReader(count: 20_000, failAt: 10_000))
    var last = 0
    #expect(throws: SheetReadError.malformedXML(Location(file: "f.xlsx", sheet: "S"), reason: "row 10000")) {
      while let batch = try reader.next() { last = batch.rowNumbers.last ?? last }
    }
    #expect(last == 9_999)
  }

  @Test func droppingTheReaderEarlyStopsItsThread() throws {
    let source = CountingReader(count: 1_000_000)
    do {
      let reader = BackgroundCellReader(source, cellsPerBatch: 32, depth: 2)
      #expect(try reader.next()?.rowNumbers.first == 1)
      #expect(reader.notes.isEmpty)  // not before the end
    }
    // The thread has ended: at most the batches the queue holds were read.
    let read = source.read
    #expect(read < 1_000)
    Thread.sleep(forTimeInterval: 0.05)
    #expect(source.read == read)
  }
}
