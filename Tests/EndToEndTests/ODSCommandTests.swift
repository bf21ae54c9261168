import Foundation
import Testing

/// The commands take .ods workbooks as they take .xlsx ones: `convert`, `inspect`
/// (which names the format it read), `validate` and `convert-and-validate`.
@Suite struct ODSCommandTests {
  static let sampleODS = Paths.fixture("producers/ods/bao-cao-mau.ods")

  @Test func convertGivesTheSampleCSV() throws {
    let run = try thidua("convert", Self.sampleODS, "--out", "-")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == (try String(contentsOfFile: Paths.fixture("sample/bao-cao-mau.csv"), encoding: .utf8)))
  }

  @Test(arguments: [
    ("producers/ods/cases.ods", "ods"), ("crafted/ods-named.xlsx", "ods"), ("crafted/xlsx-named.ods", "xlsx"),
    ("producers/xlsxwriter/cases.xlsx", "xlsx"), ("encodings/bang-utf8.csv", "csv"),
  ])
  func inspectJSONNamesTheFormatItRead(_ fixture: String, _ format: String) throws {
    let run = try thidua("inspect", Paths.fixture(fixture), "--json")
    #expect(run.status == 0, "\(run.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    #expect(json?["format"] as? String == format)
  }

  @Test func inspectListsHiddenSheetsAndMerges() throws {
    let run = try thidua("inspect", Paths.fixture("producers/ods/cases.ods"), "--json")
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let sheets = json?["sheets"] as? [[String: Any]] ?? []
    #expect(sheets.map { $0["state"] as? String } == ["visible", "visible", "hidden", "hidden"])
    #expect(sheets.map { $0["usedRange"] as? String } == ["A1:H9", "A1:L4", "B2", "C3"])
    #expect(sheets.first?["mergedRanges"] as? [String] == ["A7:D8"])
  }

  @Test func validateFindsWhatItFindsInTheXLSX() throws {
    // The same report, cell for cell, but for the file's name.
    let ods = try thidua("validate", Self.sampleODS, "--json", "--lang", "en")
    let xlsx = try thidua("validate", Paths.fixture("sample/bao-cao-mau.xlsx"), "--json", "--lang", "en")
    #expect(ods.status == 0, "\(ods.stderr)")
    #expect(ods.stdout.contains("\"code\" : \"517\""))
    #expect(ods.stdout.replacingOccurrences(of: "bao-cao-mau.ods", with: "bao-cao-mau.xlsx") == xlsx.stdout)
  }

  @Test func anInboxTakesODSFiles() throws {
    let inbox = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: inbox) }
    try FileManager.default.copyItem(
      atPath: Self.sampleODS, toPath: inbox.appendingPathComponent("517-bao-cao-2017.ods").path)
    let out = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try thidua("convert-and-validate", inbox.path, "--out", out.path, "--lang", "en")
    #expect(run.status == 0, "\(run.stderr)")
    let report =
      try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
      as? [String: Any] ?? [:]
    let files = report["files"] as? [[String: Any]] ?? []
    #expect(files.map { $0["fate"] as? String } == ["used"])
  }
}
