import Foundation
import TestSupport
import Testing

@testable import SheetIO

/// What an .xls workbook tells beyond its cells: fonts, sheet states and kinds, date
/// system, version, and the same CSV as the .xlsx it was saved from.
@Suite struct XLSWorkbookTests {
  private func cells(_ workbook: XLSWorkbook, sheet: Int = 0) throws -> [CellAddress: Cell] {
    let reader = try workbook.rowReader(of: workbook.sheets[sheet])
    var found: [CellAddress: Cell] = [:]
    while let row = try reader.next() { for cell in row.cells { found[cell.address] = cell } }
    return found
  }

  @Test func fontNamesSkipFontIndexFour() throws {
    // odd-records.xls: fonts 0–3 Arial, then 5 `.VnTime` and 6 `.VnTimeH` (there is no
    // font 4); B9 uses XF 1 (font 5) and C9 XF 5 (font 6).
    let workbook = try XLSWorkbook(path: Fixtures.path("crafted/xls/odd-records.xls"))
    let found = try cells(workbook)
    let b9 = try #require(found[CellAddress(row: 9, column: 2)])
    let c9 = try #require(found[CellAddress(row: 9, column: 3)])
    #expect(workbook.fontName(styleIndex: b9.styleIndex) == ".VnTime")
    #expect(workbook.fontName(styleIndex: c9.styleIndex) == ".VnTimeH")
    #expect(workbook.fontName(styleIndex: 0) == "Arial")
    #expect(workbook.fontName(styleIndex: 99) == nil)
    // "Qu¶ng Nam" and "THµNH PHè": TCVN3 bytes read as Windows-1252.
    let legacy = try #require(LegacyText.encoding(forFont: ".VnTimeH"))
    #expect(
      c9.value.text.map { LegacyText.convert($0, from: legacy.encoding, capitals: legacy.capitals) } == "THÀNH PHỐ")
  }

  @Test func tcvn3CellsSavedByLibreOfficeKeepTheirFonts() throws {
    // tcvn3.xls: LibreOffice's save of a workbook typed in `.VnTime` and `.VnTimeH`.
    let workbook = try XLSWorkbook(path: Fixtures.path("producers/xls/tcvn3.xls"))
    let found = try cells(workbook)
    var unicode: [String] = []
    for address in ["A1", "A2", "A3", "B3"] {
      let key = try #require(CellAddress(address))
      let cell = try #require(found[key])
      let font = try #require(workbook.fontName(styleIndex: cell.styleIndex))
      let text = try #require(cell.value.text)
      if let legacy = LegacyText.encoding(forFont: font) {
        unicode.append(LegacyText.convert(text, from: legacy.encoding, capitals: legacy.capitals))
      } else {
        unicode.append(text)
      }
    }
    #expect(
      unicode == ["Báo cáo kết quả giảm nghèo", "TỈNH QUẢNG NAM", "Huyện Núi Thành, xã Tam Thanh", "Đã là Unicode"])
  }

  @Test func sheetStatesKindsAndVersion() throws {
    let crafted = try XLSWorkbook(path: Fixtures.path("crafted/xls/odd-records.xls"))
    #expect(crafted.sheets.map(\.name) == ["Số liệu", "Ẩn", "Ẩn sâu", "Biểu đồ"])
    #expect(crafted.sheets.map(\.state) == [.visible, .hidden, .veryHidden, .visible])
    #expect(crafted.biffVersion == 8)
    // The chart sheet's substream holds a NUMBER record: not a cell of any sheet.
    #expect(try cells(crafted, sheet: 3).isEmpty)
    let biff5 = try XLSWorkbook(path: Fixtures.path("crafted/xls/biff5-cp1258.xls"))
    #expect(biff5.biffVersion == 5)
    #expect(biff5.sheets.map(\.name) == ["Báo cáo"])
  }

  @Test func manySheetsKeepTheirOrderStatesAndMergedHeaders() throws {
    let workbook = try XLSWorkbook(path: Fixtures.path("producers/xls/many-sheets.xls"))
    #expect(workbook.sheets.count == 11)
    #expect(workbook.sheets.filter { $0.state == .hidden }.map(\.name) == ["Biểu 03", "Biểu 07", "Biểu 09"])
    let reader = try workbook.rowReader(of: workbook.sheets[5])
    while try reader.next() != nil {}
    #expect(reader.mergedRanges.map(\.description) == ["A1:A2", "B1:C1", "D1:D2"])
  }

  @Test func dateSystem1904() throws {
    #expect(try XLSWorkbook(path: Fixtures.path("producers/xls/date1904.xls")).uses1904)
    #expect(try !XLSWorkbook(path: Fixtures.path("producers/xls/cases.xls")).uses1904)
  }

  @Test func sampleSavedAsXLSGivesTheSampleCSV() throws {
    // bao-cao-mau.xls is LibreOffice's save of the sample; its CSV must be the sample's.
    let workbook = try Workbooks.open(path: Fixtures.path("producers/xls/bao-cao-mau.xls"))
    #expect(workbook is XLSWorkbook)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let output = try AtomicFile(destination: url)
    try SheetCSVExport.write(workbook, sheet: workbook.sheets[0], to: output)
    try output.commit()
    let expected = try String(contentsOfFile: Fixtures.path("sample/bao-cao-mau.csv"), encoding: .utf8)
    #expect(try String(contentsOf: url, encoding: .utf8) == expected)
  }

  @Test func openChoosesTheReaderByContent() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["bao-cao.xlsx", "bao-cao.csv", "bao-cao"] {
      let path = folder.appendingPathComponent(name).path
      try FileManager.default.copyItem(atPath: Fixtures.path("producers/xls/cases.xls"), toPath: path)
      #expect(try Workbooks.open(path: path) is XLSWorkbook, "\(name)")
    }
    let zip = folder.appendingPathComponent("that-bai.xls").path
    try FileManager.default.copyItem(atPath: Fixtures.path("producers/xlsxwriter/cases.xlsx"), toPath: zip)
    #expect(try Workbooks.open(path: zip) is XLSXWorkbook)
  }
}
