import Foundation
import Testing

@testable import SheetIO

/// What the hostile .ods files that must read (a billion empty columns or rows) read to,
/// and where the others stop; their codes are checked with every hostile file in
/// HostileFixtureTests.
@Suite struct ODSHostileFixtureTests {
  @Test func aBillionEmptyColumnsCostNothing() throws {
    // Row 1: A1 = 1, then one empty cell repeated 1,000,000,000 times; row 2: B2 = 2.
    let workbook = try ODSWorkbook(path: Fixtures.path("hostile/repeated-columns-empty.ods"))
    #expect(try dump(workbook) == "## S [visible] merged: -\nA1\tnumber\t1\nB2\tnumber\t2\n")
  }

  @Test func aBillionEmptyRowsCostNothing() throws {
    // Sheet S: A1 = 1, then an empty row repeated 1,000,000,000 times, each of a billion
    // empty cells; sheet T after it: A1 = "sau".
    let workbook = try ODSWorkbook(path: Fixtures.path("hostile/repeated-rows-empty.ods"))
    #expect(try dump(workbook) == "## S [visible] merged: -\nA1\tnumber\t1\n## T [visible] merged: -\nA1\ttext\tsau\n")
  }

  @Test func sheetsReadInOrderShareOnePassOverTheContent() throws {
    // 5,000 tables T1 … T5000, each with its number in A1. Each sheet read to its end
    // hands its place in content.xml to the next, so reading them all is one pass.
    let workbook = try ODSWorkbook(path: Fixtures.path("hostile/many-sheets.ods"))
    #expect(workbook.sheets.count == 5000)
    var previous: ODSRowReader?
    for sheet in workbook.sheets {
      let reader = try workbook.rowReader(of: sheet)
      if let previous { #expect(reader.reader === previous.reader) }
      #expect(try reader.next()?.cells.first?.value == .number(Double(sheet.index + 1)))
      #expect(try reader.next() == nil)
      previous = reader
    }
    // Out of order, a sheet is found by walking from the start.
    let again = try workbook.rowReader(of: workbook.sheets[2])
    #expect(again.reader !== previous?.reader)
    #expect(try again.next()?.cells.first?.value == .number(3))
  }

  @Test func repeatedValuesBeyondTheGridStopAtOnce() throws {
    for (file, what) in [
      ("repeated-columns-value", "column 1 repeated 1000000000 times in row 1"),
      ("repeated-rows-value", "row 1 repeated 1000000000 times"),
    ] {
      let workbook = try ODSWorkbook(path: Fixtures.path("hostile/\(file).ods"))
      let reader = try workbook.rowReader(of: workbook.sheets[0])
      #expect(throws: SheetReadError.beyondGrid(reader.locationForTests(sheet: "S", cell: "A1"), what: what)) {
        _ = try reader.next()
      }
    }
  }

  @Test func repeatsWithinTheGridStopAtTheBudget() throws {
    // 16,384 values in a row repeated a million times: the first row is returned, the
    // copies would pass ten million cells.
    var limits = ReadLimits()
    limits.maxRepeatedCells = 100_000
    let workbook = try ODSWorkbook(path: Fixtures.path("hostile/repeat-bomb.ods"), limits: limits)
    let reader = try workbook.rowReader(of: workbook.sheets[0])
    var rows = 0
    #expect(throws: SheetReadError.self) {
      while try reader.next() != nil { rows += 1 }
    }
    #expect(rows <= 7)
  }

  @Test func aValueAfterEmptyRunsPastTheGridIsRefused() throws {
    let workbook = try ODSWorkbook(path: Fixtures.path("crafted/ods-repeats.ods"))
    // Its last cell is XFD1048576; the grid has no row after it.
    let summary = try SheetSummary(workbook: workbook, sheet: workbook.sheets[0])
    #expect(summary.usedRange?.description == "A1:XFD1048576")
    #expect(summary.cellCounts["number"] == 10)
  }
}

extension ODSRowReader {
  /// The location an error of this reader carries at `cell`.
  fileprivate func locationForTests(sheet: String, cell: String) -> Location {
    var location = reader.location
    location.sheet = sheet
    location.cell = CellAddress(cell)
    return location
  }
}
