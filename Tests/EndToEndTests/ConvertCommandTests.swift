import Foundation
import Testing

@Suite struct ConvertCommandTests {
  static let producerSheets: [(String, String)] =
    ["xlsxwriter", "openpyxl", "libreoffice"].flatMap { p in
      [
        ("producers/\(p)/cases.xlsx", "Kiểu dữ liệu"), ("producers/\(p)/cases.xlsx", "Ngày tháng"),
        ("producers/\(p)/date1904.xlsx", "Hệ 1904"),
      ]
    } + [
      ("crafted/handwritten.xlsx", "Thủ công"), ("crafted/handwritten.xlsx", "Thứ tự"),
      // openpyxl's iso_dates: dates, date-times and a bare time as ISO 8601 `t="d"` cells.
      ("producers/openpyxl/iso-cases.xlsx", "Kiểu dữ liệu"), ("producers/openpyxl/iso-cases.xlsx", "Ngày tháng"),
      ("producers/openpyxl/iso-date1904.xlsx", "Hệ 1904"),
    ]

  @Test(arguments: producerSheets)
  func convertsEachSheetToItsExpectedCSV(_ fixture: String, _ sheet: String) throws {
    let run = try thidua("convert", Paths.fixture(fixture), "--sheet", sheet, "--out", "-")
    #expect(run.status == 0, "\(run.stderr)")
    let dump = try String(
      contentsOfFile: Paths.fixture(fixture.replacingOccurrences(of: ".xlsx", with: ".expected.txt")), encoding: .utf8)
    #expect(run.stdout == csvFromDump(dump, sheet: sheet))
  }

  static let encodingFixtures = [
    "bang-utf8.csv", "bang-utf8-bom.csv", "bang-utf8-nfd.csv", "bang-utf16le.txt", "bang-utf16be.txt",
    "bang-cp1258.csv", "bang-tcvn3.csv", "bang-vni.csv",
  ]

  @Test(arguments: encodingFixtures)
  func convertsCSVInEveryEncoding(_ file: String) throws {
    let run = try thidua("convert", Paths.fixture("encodings/" + file), "--out", "-")
    #expect(run.status == 0, "\(run.stderr)")
    let stem = String(file[..<file.lastIndex(of: ".")!])
    let dump = try String(contentsOfFile: Paths.fixture("encodings/\(stem).expected.txt"), encoding: .utf8)
    #expect(run.stdout == csvFromDump(dump, sheet: stem))
  }

  @Test func unknownEncodingNameIsAUsageError() throws {
    let run = try thidua("convert", Paths.fixture("encodings/bang-utf8.csv"), "--encoding", "ebcdic", "--out", "-")
    #expect(run.status == 64)
    #expect(run.stderr.hasPrefix("Lỗi: Không có bảng mã 'ebcdic'. Các bảng mã: utf-8, utf-16le"))
    let en = try thidua(
      "convert", Paths.fixture("encodings/bang-utf8.csv"), "--encoding", "ebcdic", "--out", "-", "--lang", "en")
    #expect(en.stderr.hasPrefix("Error: Unknown encoding 'ebcdic'. Known: utf-8, utf-16le"))
  }

  @Test func firstSheetInWorkbookOrderIsTheDefault() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("first.csv").path
    let run = try thidua("convert", Paths.fixture("crafted/handwritten.xlsx"), "--out", out)
    #expect(run.status == 0)
    let text = try String(contentsOfFile: out, encoding: .utf8)
    // Tab 1 is "Thủ công" (xl/worksheets/sheet2.xml): A1 "Địa bàn", B1 "Số hộ".
    #expect(text.hasPrefix("Địa bàn,Số hộ,,,,,,\n42,Quảng Nam,công thức,,,,,\n"))
  }

  @Test func loneLastCellIsReadWithoutAGrid() throws {
    // One cell at XFD1048576 (the dimension claims A1:XFD1048576): memory follows the
    // cells present, so inspect answers at once with the exact used range.
    let run = try thidua("inspect", Paths.fixture("crafted/lone-cell-xfd1048576.xlsx"), "--lang", "en")
    #expect(run.status == 0)
    #expect(run.stdout.contains("1. Một ô [visible] used range XFD1048576, 1 cells, merged: -"))
  }

  @Test func gridBeyondTheLimitIsRefusedBeforeAnythingIsWritten() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("lone.csv").path
    let run = try thidua("convert", Paths.fixture("crafted/lone-cell-xfd1048576.xlsx"), "--out", out, "--lang", "en")
    #expect(run.status == 32)
    #expect(run.stderr.contains("[grid-too-large]"))
    #expect(run.stderr.contains("spans 1048576 rows × 16384 columns, beyond the limit of 25000000 cells"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    let toStandardOutput = try thidua("convert", Paths.fixture("crafted/lone-cell-xfd1048576.xlsx"), "--out", "-")
    #expect(toStandardOutput.status == 32)
    #expect(toStandardOutput.stdout.isEmpty)
    #expect(toStandardOutput.stderr.contains("quá giới hạn 25000000 ô"))
  }

  @Test func convertReplacesAnEarlierOutput() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out.csv").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: out))
    let run = try thidua("convert", Paths.fixture("sample/bao-cao-mau.xlsx"), "--out", out)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      try String(contentsOfFile: out, encoding: .utf8)
        == String(contentsOfFile: Paths.fixture("sample/bao-cao-mau.csv"), encoding: .utf8))
  }

  @Test func unknownSheetListsTheSheetsThereAre() throws {
    let run = try thidua(
      "convert", Paths.fixture("crafted/handwritten.xlsx"), "--sheet", "Không có", "--lang", "en", "--out", "-")
    #expect(run.status == 23)
    #expect(run.stderr.contains("[sheet-not-found]"))
    #expect(run.stderr.contains("Sheets: Thủ công, Thứ tự"))
    #expect(run.stdout.isEmpty)
  }

  @Test func sampleWorkbookConvertsToItsGolden() throws {
    let run = try thidua("convert", Paths.fixture("sample/bao-cao-mau.xlsx"), "--out", "-")
    #expect(run.status == 0)
    let golden = try String(contentsOfFile: Paths.fixture("sample/bao-cao-mau.csv"), encoding: .utf8)
    #expect(run.stdout == golden)
  }
}
