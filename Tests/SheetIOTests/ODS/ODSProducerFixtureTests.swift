import Foundation
import Testing

@testable import SheetIO

/// The .ods files LibreOffice made from the XlsxWriter fixtures and the sample read to
/// the values of the originals, except where LibreOffice itself changed a value (listed
/// here and in docs/fixtures.md); the two workbooks made for LibreOffice read to the
/// dumps written from their data.
@Suite struct ODSProducerFixtureTests {
  /// What LibreOffice changes when it saves an .xlsx as .ods: (fixture, line of the
  /// original's dump, line read from the .ods instead). The reason is in docs/fixtures.md.
  static let libreOfficeChanges: [(String, String, String)] = [
    // LibreOffice has no very hidden state.
    ("cases", "## Ẩn sâu [veryHidden] merged: -", "## Ẩn sâu [hidden] merged: -"),
    // XML 1.0 cannot hold U+0001: LibreOffice drops the character.
    ("cases", "C5\ttext\tKý tự điều khiển\u{1}", "C5\ttext\tKý tự điều khiển"),
    // Serials below 61 count from LibreOffice's null date 1899-12-30 with no fictitious
    // 1900-02-29, so LibreOffice states each of these dates one day earlier.
    ("cases", "A3\tdate\t1900-02-28", "A3\tdate\t1900-02-27"),
    ("cases", "B3\tdate\t1900-02-29", "B3\tdate\t1900-02-28"),
    // Serial 1 becomes 1899-12-31, which no 1900-system serial names: serial 0, shown as
    // a time of day.
    ("cases", "D3\tdate\t1900-01-01", "D3\tdate\t00:00:00"),
  ]

  @Test(arguments: ["cases", "date1904"])
  func readsTheValuesOfTheOriginalXLSX(_ name: String) throws {
    var expected = try String(
      contentsOfFile: Fixtures.path("producers/xlsxwriter/\(name).expected.txt"), encoding: .utf8)
    for (fixture, original, changed) in Self.libreOfficeChanges where fixture == name {
      #expect(expected.contains(original + "\n"), "\(original)")
      expected = expected.replacingOccurrences(of: original + "\n", with: changed + "\n")
    }
    let workbook = try ODSWorkbook(path: Fixtures.path("producers/ods/\(name).ods"))
    expectSameLines(try dump(workbook), expected)
  }

  @Test func sampleReadsAsItsXLSX() throws {
    let ods = try ODSWorkbook(path: Fixtures.path("producers/ods/bao-cao-mau.ods"))
    let xlsx = try XLSXWorkbook(path: Fixtures.path("sample/bao-cao-mau.xlsx"))
    expectSameLines(try dump(ods), try dump(xlsx))
  }

  @Test(arguments: ["nhieu-trang", "tcvn3"])
  func readsWhatWasWritten(_ name: String) throws {
    let workbook = try ODSWorkbook(path: Fixtures.path("producers/ods/\(name).ods"))
    let expected = try String(contentsOfFile: Fixtures.path("producers/ods/\(name).expected.txt"), encoding: .utf8)
    expectSameLines(try dump(workbook), expected)
  }

  @Test func manySheetsKeepTheirOrderStatesAndTwoRowHeaders() throws {
    let workbook = try ODSWorkbook(path: Fixtures.path("producers/ods/nhieu-trang.ods"))
    #expect(workbook.sheets.map(\.name) == (1...8).map { "Biểu 0\($0)" } + ["Ghi chú"])
    #expect(workbook.sheets.filter { $0.state == .hidden }.map(\.name) == ["Biểu 03", "Biểu 06", "Ghi chú"])
    // Sheet 6 is read by skipping the five tables before it in content.xml.
    let reader = try workbook.rows(of: workbook.sheets[5])
    while try reader.next() != nil {}
    #expect(reader.mergedRanges.map(\.description) == ["A1:F1", "A3:A4", "B3:B4", "C3:E3", "F3:F4", "A10:B10"])
  }

  @Test func legacyTextIsFoundByItsFont() throws {
    // A2 holds "Qu¶ng Nam" in .VnTime, the Windows-1252 reading of TCVN3 bytes; A9 the
    // same in lower case in .VnTimeH, the capitals font; A1 Unicode in Times New Roman.
    let workbook = try ODSWorkbook(path: Fixtures.path("producers/ods/tcvn3.ods"))
    let reader = try workbook.rows(of: workbook.sheets[0])
    var cells: [String: Cell] = [:]
    while let row = try reader.next() { for cell in row.cells { cells[cell.address.description] = cell } }
    func unicode(_ address: String) -> String? {
      guard let cell = cells[address], case .text(let text) = cell.value else { return nil }
      guard let font = workbook.fontName(styleIndex: cell.styleIndex) else { return "no font" }
      guard let legacy = LegacyText.encoding(forFont: font) else { return text }
      return LegacyText.convert(text, from: legacy.encoding, capitals: legacy.capitals)
    }
    #expect(cells["A1"].flatMap { workbook.fontName(styleIndex: $0.styleIndex) } == "Times New Roman")
    #expect(cells["A2"].flatMap { workbook.fontName(styleIndex: $0.styleIndex) } == ".VnTime")
    #expect(unicode("A1") == "Tên đơn vị")
    #expect(unicode("A2") == "Quảng Nam")
    #expect(unicode("A5") == "Điện Bàn")
    #expect(unicode("A8") == "Tiên Phước")
    #expect(unicode("A9") == "QUẢNG NAM")
  }

  @Test func reportsTheNullDateAs1904() throws {
    #expect(try ODSWorkbook(path: Fixtures.path("producers/ods/date1904.ods")).uses1904)
    #expect(try !ODSWorkbook(path: Fixtures.path("producers/ods/cases.ods")).uses1904)
  }
}
