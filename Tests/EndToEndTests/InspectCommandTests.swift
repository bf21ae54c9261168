import Foundation
import Testing

@Suite struct InspectCommandTests {
  @Test func jsonListsSheetsStatesRangesAndMerges() throws {
    let run = try thidua("inspect", Paths.fixture("producers/xlsxwriter/cases.xlsx"), "--json")
    #expect(run.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let sheets = json?["sheets"] as? [[String: Any]] ?? []
    #expect(sheets.map { $0["name"] as? String } == ["Kiểu dữ liệu", "Ngày tháng", "Ẩn", "Ẩn sâu"])
    #expect(sheets.map { $0["state"] as? String } == ["visible", "visible", "hidden", "veryHidden"])
    #expect(sheets.map { $0["usedRange"] as? String } == ["A1:H9", "A1:L4", "B2", "C3"])
    #expect(sheets.first?["mergedRanges"] as? [String] == ["A7:D8"])
    #expect(json?["dateSystem"] as? Int == 1900)
    #expect(json?["format"] as? String == "xlsx")
    let counts = sheets.first?["cells"] as? [String: Int]
    #expect(counts == ["number": 8, "text": 12, "boolean": 2, "date": 0, "error": 2])
  }

  @Test func textIsVietnameseByDefault() throws {
    let run = try thidua("inspect", Paths.fixture("crafted/handwritten.xlsx"))
    #expect(run.status == 0)
    #expect(run.stdout.contains("1. Thủ công [hiện] vùng dữ liệu A1:H9, 20 ô, ô gộp: A1:B1"))
    #expect(run.stdout.contains("2. Thứ tự [ẩn] vùng dữ liệu A1, 1 ô, ô gộp: -"))
  }

  @Test func csvShowsEncodingConfidenceAndDelimiter() throws {
    let run = try thidua("inspect", Paths.fixture("encodings/bang-vni.csv"), "--json")
    #expect(run.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let text = json?["text"] as? [String: Any]
    #expect(json?["format"] as? String == "csv")
    #expect(text?["encoding"] as? String == "vni")
    #expect(text?["delimiter"] as? String == "|")
    #expect((text?["confidence"] as? Double ?? 0) >= 0.75)
    let sheets = json?["sheets"] as? [[String: Any]] ?? []
    #expect(sheets.first?["name"] as? String == "bang-vni")
    #expect(sheets.first?["usedRange"] as? String == "A1:G74")
  }

  @Test func xlsIsReadByContentWhateverItsName() throws {
    // LibreOffice's .xls save of producers/xlsxwriter/cases.xlsx, copied under a .xlsx
    // name: the same sheets, ranges and counts as the .xlsx, very hidden aside.
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let renamed = folder.appendingPathComponent("bao-cao.xlsx").path
    try FileManager.default.copyItem(atPath: Paths.fixture("producers/xls/cases.xls"), toPath: renamed)
    let run = try thidua("inspect", renamed, "--json")
    #expect(run.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    #expect(json?["format"] as? String == "xls")
    let sheets = json?["sheets"] as? [[String: Any]] ?? []
    #expect(sheets.map { $0["name"] as? String } == ["Kiểu dữ liệu", "Ngày tháng", "Ẩn", "Ẩn sâu"])
    #expect(sheets.map { $0["state"] as? String } == ["visible", "visible", "hidden", "hidden"])
    #expect(sheets.map { $0["usedRange"] as? String } == ["A1:H9", "A1:L4", "B2", "C3"])
    #expect(sheets.first?["mergedRanges"] as? [String] == ["A7:D8"])
    // F3's formula has no cached text in LibreOffice's save: it counts as a number.
    #expect(sheets.first?["cells"] as? [String: Int] == ["number": 9, "text": 11, "boolean": 2, "date": 0, "error": 2])
  }

  @Test func zipNamedXLSIsReadAsXLSX() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let renamed = folder.appendingPathComponent("bao-cao.xls").path
    try FileManager.default.copyItem(atPath: Paths.fixture("producers/xlsxwriter/cases.xlsx"), toPath: renamed)
    let run = try thidua("inspect", renamed, "--json")
    #expect(run.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    #expect(json?["format"] as? String == "xlsx")
  }
}
