import Foundation
import Testing

/// What the readers remark reaches the user: on standard error for `convert` (text or
/// JSON), in `inspect` and its JSON.
@Suite struct ReadNotesTests {
  /// A CSV whose one-group values nothing in the file can decide.
  private func ambiguousCSV(_ folder: URL) throws -> String {
    let path = folder.appendingPathComponent("so-ho.csv").path
    try Data("Số hộ,Số khẩu\n1.348,12\n987,40\n".utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func convertSaysSoOnStandardError() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try ambiguousCSV(folder)
    let run = try thidua("convert", path, "--out", "-")
    #expect(run.status == 0)
    #expect(run.stdout == "Số hộ,Số khẩu\n1.348,12\n987,40\n")
    #expect(
      run.stderr
        == "thidua: ghi chú [ambiguous-number] \(path) 'so-ho': Ô A2: «1.348» đọc được hai cách (dấu chấm, dấu phẩy là phân cách nghìn hay dấu thập phân) và cả cột lẫn tệp không cho biết cách nào; để nguyên là văn bản.\n"
    )
    let json = try thidua("convert", path, "--out", "-", "--notes", "json", "--lang", "en")
    let document = try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: Any]
    let notes = document?["notes"] as? [[String: Any]] ?? []
    #expect(document?["sheet"] as? String == "so-ho")
    #expect(notes.count == 1)
    #expect(notes.first?["code"] as? String == "ambiguous-number")
    #expect(notes.first?["cell"] as? String == "A2")
    #expect(notes.first?["detail"] as? String == "1.348")
    #expect((notes.first?["message"] as? String)?.hasPrefix("Cell A2: \"1.348\" reads two ways") == true)
  }

  @Test func inspectListsTheNotes() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try ambiguousCSV(folder)
    let text = try thidua("inspect", path, "--lang", "en")
    #expect(text.stdout.contains("\n   [ambiguous-number] Cell A2: \"1.348\" reads two ways"))
    let run = try thidua("inspect", path, "--json")
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let sheet = (json?["sheets"] as? [[String: Any]])?.first
    let notes = sheet?["notes"] as? [[String: Any]] ?? []
    #expect(notes.map { $0["code"] as? String } == ["ambiguous-number"])
    #expect(notes.first?["cell"] as? String == "A2")
  }

  @Test func inspectNamesAByteOrderMark() throws {
    for (file, encoding, bom) in [("bang-utf8-bom.csv", "utf-8-bom", true), ("bang-utf8.csv", "utf-8", false)] {
      let run = try thidua("inspect", Paths.fixture("encodings/" + file), "--json")
      let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
      let text = json?["text"] as? [String: Any]
      #expect(text?["encoding"] as? String == encoding)
      #expect(text?["bom"] as? Bool == bom)
    }
  }
}
