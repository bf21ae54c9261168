import Foundation
import Testing

@testable import SheetIO

/// The one-pass export (lines held, padded at the end) and the two-pass one (for sheets
/// whose lines pass the buffer) write the same bytes, on every sheet of the fixtures that
/// carry odd rows: rows and cells without `r`, a row out of order, styled blanks past the
/// last value, merged cells, the 1904 system.
@Suite struct SheetCSVExportTests {
  static let books = [
    "crafted/handwritten.xlsx", "producers/xlsxwriter/cases.xlsx", "producers/libreoffice/cases.xlsx",
    "producers/openpyxl/iso-date1904.xlsx", "producers/xls/cases.xls", "producers/ods/cases.ods",
    "sample/bao-cao-mau.xlsx", "encodings/bang-vni.csv",
  ]

  private func csv(_ workbook: any SheetSource, _ sheet: SheetInfo, bufferLimit: Int) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let output = try AtomicFile(destination: url)
    try SheetCSVExport.write(workbook, sheet: sheet, to: output, bufferLimit: bufferLimit)
    try output.commit(sync: false)
    return try String(contentsOf: url, encoding: .utf8)
  }

  @Test(arguments: books)
  func onePassAndTwoPassesWriteTheSame(_ book: String) throws {
    let workbook = try Workbooks.open(path: Fixtures.path(book))
    for sheet in workbook.sheets {
      let one = try csv(workbook, sheet, bufferLimit: SheetCSVExport.maxBufferedBytes)
      let two = try csv(workbook, sheet, bufferLimit: 0)
      #expect(one == two, "\(book) '\(sheet.name)'")
    }
  }

  @Test func rowsAndColumnsFollowTheSheet() throws {
    // Row 1 has a value in B only, row 2 nothing, row 4 in A and D: four columns, four
    // lines, the empty ones kept as commas.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(",x\n\n,,,\nA,,,\"d,1\"\n".utf8).write(to: url)
    let workbook = try CSVWorkbook(path: url.path)
    #expect(try csv(workbook, workbook.sheets[0], bufferLimit: 1 << 20) == ",x,,\n,,,\n,,,\nA,,,\"d,1\"\n")
    #expect(try csv(workbook, workbook.sheets[0], bufferLimit: 0) == ",x,,\n,,,\n,,,\nA,,,\"d,1\"\n")
  }
}
