import Foundation
import Testing

@testable import SheetIO

/// Every fixture from every producer reads to exactly the values that were written into
/// it (the `.expected.txt` beside it comes from scripts/fixtures/spec.py, not from thidua).
@Suite struct ProducerFixtureTests {
  static let fixtures = Fixtures.withExpectations(in: [
    "producers/xlsxwriter", "producers/openpyxl", "producers/libreoffice", "crafted",
  ])

  @Test func everyProducerIsCovered() {
    for producer in ["xlsxwriter", "openpyxl", "libreoffice"] {
      #expect(Self.fixtures.contains("producers/\(producer)/cases.xlsx"))
      #expect(Self.fixtures.contains("producers/\(producer)/date1904.xlsx"))
    }
  }

  @Test(arguments: fixtures)
  func readsExpectedValues(_ fixture: String) throws {
    let workbook = try XLSXWorkbook(path: Fixtures.path(fixture))
    expectSameLines(try dump(workbook), try Fixtures.expected(for: fixture))
  }

  @Test func exposesFontNamesForLegacyEncodingEvidence() throws {
    // D9 of the handwritten fixture is styled with the TCVN3 font `.VnTime` (cellXfs 2).
    let workbook = try XLSXWorkbook(path: Fixtures.path("crafted/handwritten.xlsx"))
    let reader = try workbook.rows(of: workbook.sheets[0])
    var d9: Cell?
    while let row = try reader.next() { d9 = d9 ?? row.cells.first { $0.address == CellAddress("D9") } }
    #expect(d9.map { workbook.fontName(styleIndex: $0.styleIndex) } == ".VnTime")
    #expect(workbook.fontName(styleIndex: 0) == "Calibri")
  }

  @Test func sheetOrderComesFromTheWorkbookNotTheZip() throws {
    // The first tab is xl/worksheets/sheet2.xml; sheet1.xml is the hidden second tab.
    let workbook = try XLSXWorkbook(path: Fixtures.path("crafted/handwritten.xlsx"))
    #expect(workbook.sheets.map(\.name) == ["Thủ công", "Thứ tự"])
    #expect(workbook.sheets.map(\.partPath) == ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet1.xml"])
    #expect(workbook.sheets.map(\.state) == [.visible, .hidden])
  }

  @Test func loneCellAtTheLastAddressNeedsNoGrid() throws {
    let workbook = try XLSXWorkbook(path: Fixtures.path("crafted/lone-cell-xfd1048576.xlsx"))
    let summary = try SheetSummary(workbook: workbook, sheet: workbook.sheets[0])
    #expect(summary.usedRange?.description == "XFD1048576")
    #expect(summary.cellCounts["number"] == 1)
  }

  @Test func reports1904DateSystem() throws {
    #expect(try XLSXWorkbook(path: Fixtures.path("producers/xlsxwriter/date1904.xlsx")).uses1904)
    #expect(try !XLSXWorkbook(path: Fixtures.path("producers/xlsxwriter/cases.xlsx")).uses1904)
  }
}
