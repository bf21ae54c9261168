import Foundation
import Testing

@testable import SheetIO

/// The rows, notes and failures of a reader come through the second thread unchanged.
@Suite struct BackgroundRowReaderTests {
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
      return Row(number: n, cells: [Cell(address: CellAddress(row: n, column: 1), value: .number(Double(n)))])
    }

    var mergedRanges: [CellRange] { [CellRange("A1:B2")!] }
    var notes: [ReadNote] {
      [ReadNote(code: "ambiguous-number", cell: CellAddress(row: 2, column: 1), detail: "1.348")]
    }
  }

  @Test(arguments: [0, 1, 511, 512, 513, 5_000])
  func everyRowInOrderThenTheNotes(count: Int) throws {
    let reader = BackgroundRowReader(CountingReader(count: count))
    var numbers: [Int] = []
    while let row = try reader.next() {
      #expect(row.cells.first?.value == .number(Double(row.number)))
      numbers.append(row.number)
    }
    #expect(numbers == Array(stride(from: 1, through: count, by: 1)))
    #expect(try reader.next() == nil)
    #expect(reader.notes.map(\.detail) == ["1.348"])
    #expect(reader.mergedRanges == [CellRange("A1:B2")!])
  }

  @Test func aFailureArrivesAfterTheRowsBeforeIt() {
    let reader = BackgroundRowReader(CountingReader(count: 2_000, failAt: 1_000))
    var last = 0
    #expect(throws: SheetReadError.malformedXML(Location(file: "f.xlsx", sheet: "S"), reason: "row 1000")) {
      while let row = try reader.next() { last = row.number }
    }
    #expect(last == 999)
  }

  @Test func droppingTheReaderEarlyStopsItsThread() throws {
    let source = CountingReader(count: 1_000_000)
    do {
      let reader = BackgroundRowReader(source, batchSize: 16, depth: 2)
      #expect(try reader.next()?.number == 1)
      #expect(reader.notes.isEmpty)  // not before the end
    }
    // The thread has ended: at most the batches the queue holds were read.
    let read = source.read
    #expect(read < 1_000)
    Thread.sleep(forTimeInterval: 0.05)
    #expect(source.read == read)
  }
}
