import Testing

@testable import SheetIO

@Suite struct CellAddressTests {
  @Test func everyColumnRoundTrips() {
    for column in 1...CellAddress.maxColumn {
      let name = CellAddress.columnName(column)
      #expect(CellAddress(name + "1") == CellAddress(row: 1, column: column), "\(name)")
    }
    #expect(CellAddress.columnName(16_384) == "XFD")
    #expect(CellAddress.columnName(27) == "AA")
  }

  @Test(arguments: [("A1", 1, 1), ("B7", 7, 2), ("$C$3", 3, 3), ("xfd1048576", 1_048_576, 16_384), ("AZ10", 10, 52)])
  func parses(_ text: String, _ row: Int, _ column: Int) {
    #expect(CellAddress(text) == CellAddress(row: row, column: column))
  }

  @Test(arguments: ["", "A", "1", "A0", "XFE1", "A1048577", "AAAA1", "A1B", "1A", "A-1", "A 1"])
  func refuses(_ text: String) {
    #expect(CellAddress(text) == nil)
  }

  @Test func comparesAsIntegersNotLetters() {
    // "B1" < "AA1" by column number, though "AA" sorts before "B" as text.
    #expect(CellAddress("B1")! < CellAddress("AA1")!)
    #expect(CellAddress("Z9")! < CellAddress("A10")!)
  }

  @Test func rangesNormaliseAndGrow() {
    var range = CellRange("C3:A1")!
    #expect(range.description == "A1:C3")
    range.include(CellAddress("E2")!)
    #expect(range.description == "A1:E3")
    #expect(CellRange("B2")?.description == "B2")
    #expect(CellRange("A1:B2:C3") == nil)
  }
}
