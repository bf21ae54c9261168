import Foundation
import SheetIO
import Testing

@testable import ThiDuaCore

/// A definition edited by hand is read strictly: a misspelt key, a wrong value or broken
/// JSON is a problem at its file, line and column, and nothing runs on it.
@Suite struct StrictLoadingTests {
  /// A copy of the shipped definition with `from` replaced by `to` in `file`; the line
  /// and column (in characters) where `to` starts.
  static func copy(editing file: String, _ from: String, _ to: String) throws -> (
    folder: String, line: Int, column: Int
  ) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-strict-\(UUID().uuidString)")
      .path
    try FileManager.default.copyItem(atPath: try MovementDefinition.shippedFolder(), toPath: folder)
    let path = folder + "/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let range = try #require(text.range(of: from))
    let edited = text.replacingCharacters(in: range, with: to)
    try edited.write(toFile: path, atomically: true, encoding: .utf8)
    let before = text[..<range.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let column =
      before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
    return (folder, line, column)
  }

  static func problems(_ folder: String) -> [MovementProblem] { MovementCheck.problems(folder: folder) }

  @Test func aMisspeltOptionalKeyIsNamedWithTheOneMeant() throws {
    let edit = try Self.copy(editing: "awards.json", #""quotaShare": 0.2"#, #""quota": 0.2"#)
    defer { try? FileManager.default.removeItem(atPath: edit.folder) }
    let p = Self.problems(edit.folder)
    #expect(p.map(\.code) == ["unknown-key"])
    #expect(p.first?.file == "awards.json")
    #expect(p.first?.line == edit.line && p.first?.column == edit.column)
    #expect(
      p.first?.message(.vi)
        == "awards.json, dòng \(edit.line), cột \(edit.column): khóa «quota» không có trong định nghĩa (trong rules[0]); có phải «quotaShare»?"
    )
    #expect(
      p.first?.message(.en)
        == "awards.json:\(edit.line):\(edit.column): unknown key “quota” (in rules[0]); did you mean “quotaShare”?")
    // The review refuses it rather than proposing every unit with no quota.
    #expect(throws: MovementError.invalid(p)) { try MovementDefinition.checked(folder: edit.folder) }
    #expect(throws: MovementError.invalid(p)) { try MovementDefinition(folder: edit.folder) }
  }

  @Test func aMisspeltRequiredKeyIsNamedWhereItIs() throws {
    let edit = try Self.copy(editing: "forms/THONG_TIN.json", #""layout""#, #""layuot""#)
    defer { try? FileManager.default.removeItem(atPath: edit.folder) }
    let p = Self.problems(edit.folder)
    #expect(p.map(\.code) == ["unknown-key"])  // once, though five categories submit the form
    #expect(p.first?.file == "forms/THONG_TIN.json")
    #expect(p.first?.line == edit.line && p.first?.column == edit.column)
    #expect(p.first?.message(.en).hasSuffix("unknown key “layuot”; did you mean “layout”?") == true)
  }

  @Test func aKeyGivenTwiceIsAProblem() throws {
    let edit = try Self.copy(editing: "awards.json", #""quotaShare": 0.2"#, #""quotaShare": 0.2, "quotaShare": 0.3"#)
    defer { try? FileManager.default.removeItem(atPath: edit.folder) }
    let p = Self.problems(edit.folder)
    #expect(p.map(\.code) == ["duplicate-key"])
    #expect(p.first?.line == edit.line && p.first?.column == edit.column + 19)
  }

  @Test func aValueOfTheWrongKindNamesTheValueAndItsPlace() throws {
    let edit = try Self.copy(editing: "awards.json", #""quotaShare": 0.2"#, #""quotaShare": "20%""#)
    defer { try? FileManager.default.removeItem(atPath: edit.folder) }
    let p = Self.problems(edit.folder)
    #expect(p.map(\.code) == ["bad-value"])
    #expect(p.first?.line == edit.line && p.first?.column == edit.column + 14)
    #expect(
      p.first?.message(.vi).hasSuffix(#"giá trị "20%" không hợp lệ, cần một số (trong rules[0].quotaShare)"#) == true)
  }

  @Test func brokenJSONIsPlacedWithoutACascade() throws {
    let edit = try Self.copy(editing: "movement.json", #""years": ["#, #""years": [2016,, "#)
    defer { try? FileManager.default.removeItem(atPath: edit.folder) }
    let p = Self.problems(edit.folder)
    // Not also every criterion's field: the forms were never reached.
    #expect(p.map(\.code) == ["json-syntax"])
    #expect(p.first?.line == edit.line && p.first?.column == edit.column + 15)
    #expect(p.first?.message(.en) == "movement.json:\(edit.line):\(edit.column + 15): not JSON: expected a value")
  }

  @Test func positionsCountCharactersAfterABOM() {
    let text = "\u{FEFF}{\n  \"tên\": \"Tỉnh\", \"x\": [1, {\"y\": 2}],\n  \"z\": tru\n}"
    let layout = JSONLayout(Array(text.utf8))
    #expect(layout.keys[""]?.map(\.name) == ["tên", "x", "z"])
    #expect(
      layout.keys[""]?.map(\.position) == [
        .init(line: 2, column: 3), .init(line: 2, column: 18), .init(line: 3, column: 3),
      ])
    #expect(layout.keys["x[1]"]?.map(\.name) == ["y"])
    #expect(layout.values["x[1].y"] == .init(line: 2, column: 33))
    #expect(layout.syntaxError?.position == .init(line: 3, column: 8))
    #expect(layout.syntaxError?.expected == .value)
  }

  /// A whole definition on one line (as some tools save JSON): every key's column is
  /// still its place in characters, and a failed number points back to where it began.
  @Test func positionsOnOneLongLine() {
    let entries = (0..<20_000).map { "\"kỳ\($0)\": \($0)" }
    let text = "{" + entries.joined(separator: ", ") + ", \"cuối\": -x}"
    let layout = JSONLayout(Array(text.utf8))
    let keys = layout.keys[""] ?? []
    #expect(keys.count == 20_001)
    let lastEntryColumn = 2 + entries.dropLast().reduce(0) { $0 + $1.count + 2 }
    #expect(keys[19_999].position == .init(line: 1, column: lastEntryColumn))
    let cuoiColumn = lastEntryColumn + entries[19_999].count + 2
    #expect(keys[20_000].position == .init(line: 1, column: cuoiColumn))
    #expect(layout.syntaxError?.position == .init(line: 1, column: cuoiColumn + 8))
    #expect(layout.syntaxError?.expected == .value)
  }

  @Test func deepNestingIsRefusedNotRecursedInto() {
    let layout = JSONLayout(
      Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8))
    #expect(layout.syntaxError?.expected == .shallowerNesting)
    #expect(layout.syntaxError?.position == .init(line: 1, column: 65))
  }

  @Test func suggestions() {
    let known: Set<String> = ["quotaShare", "form", "review", "minimumPoints"]
    #expect(StrictJSON.nearest("quota", in: known) == "quotaShare")
    #expect(StrictJSON.nearest("reveiw", in: known) == "review")
    #expect(StrictJSON.nearest("Form", in: known) == "form")
    #expect(StrictJSON.nearest("colour", in: known) == nil)
  }
}
