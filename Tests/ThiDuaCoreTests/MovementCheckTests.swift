import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore

/// The shipped definition passes; each broken copy fails with exactly its problems.
@Suite struct MovementCheckTests {
  /// A copy of the shipped definition, changed by `breakIt`, checked.
  static func problems(_ breakIt: (String) throws -> Void) throws -> [MovementProblem] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-mv-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: try MovementDefinition.shippedFolder(), toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try breakIt(folder)
    return MovementCheck.problems(folder: folder)
  }

  static func edit(_ folder: String, _ file: String, _ from: String, _ to: String) throws {
    let path = folder + "/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains(from), "\(file) has no \(from)")
    try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
  }

  @Test func shippedDefinitionIsSound() throws {
    #expect(MovementCheck.problems(folder: try MovementDefinition.shippedFolder()).isEmpty)
    let m = try MovementDefinition.shipped()
    #expect(m.criteria.count == 28)
    #expect(m.criteria.filter { $0.category == "HUYEN" }.map(\.id) == ["b1", "b2", "b3", "b4"])
    #expect(m.criteria.first { $0.id == "b4" }?.expression == "achieved >= target")
    #expect(m.criteria.filter { $0.rule != nil }.map(\.id) == ["dd3", "f1"])
    #expect(m.thresholds?.yearlyReduction.first { $0.area == "mien_nui" }?.minimum == 5)
  }

  @Test func brokenAwardRules() throws {
    let p = try Self.problems { folder in
      try Self.edit(folder, "awards.json", #""review": "so-ket""#, #""review": "so-ket-2019""#)
      try Self.edit(folder, "awards.json", #""reportDeadline": "31/01/+1""#, #""reportDeadline": "31/02""#)
      try Self.edit(folder, "awards.json", #""quotaShare": 0.2"#, #""quotaShare": 20"#)
    }
    #expect(p.map(\.code).sorted() == ["bad-deadline", "bad-quota", "unknown-review"])
    #expect(p.first { $0.code == "unknown-review" }?.detail == "Giấy khen: so-ket-2019")
  }

  @Test func duplicateCriterion() throws {
    let p = try Self.problems { try Self.edit($0, "criteria.json", #""id": "c2""#, #""id": "c1""#) }
    #expect(p.map(\.code) == ["duplicate-criterion"])
    #expect(p.first?.detail == "c1")
  }

  @Test func pointsNotSummingAsDeclared() throws {
    let p = try Self.problems { try Self.edit($0, "criteria.json", #""maxPoints": {"#, #""maxPoints": {"KHAC": 5, "#) }
    #expect(p.map(\.code) == ["points-mismatch"])
    #expect(p.first?.detail == "KHAC: 0 ≠ 5")
  }

  @Test func criterionReferringToAFieldNoFormHas() throws {
    let p = try Self.problems {
      try Self.edit($0, "criteria.json", "THONG_TIN.so_don_khieu_nai", "THONG_TIN.so_don_thu")
    }
    // The list of fields and the formula that reads it, each at its place.
    #expect(p.map(\.code) == ["unknown-field", "expression-field"])
    #expect(p.first?.detail == "c5: THONG_TIN.so_don_thu")
    #expect(p.last?.path == "criteria[13].define.complaints")
  }

  @Test func unknownCategoryAndUnknownRule() throws {
    let p = try Self.problems {
      try Self.edit($0, "criteria.json", #""category": "CAN_BO""#, #""category": "CANBO""#)
      try Self.edit($0, "criteria.json", #""rule": "concrete_contribution""#, #""rule": "dong_gop""#)
    }
    #expect(p.map(\.code).sorted() == ["points-mismatch", "unknown-category", "unknown-rule"])
  }

  @Test func brokenRegistry() throws {
    let p = try Self.problems {
      try Self.edit($0, "units.csv", "20998,Xã Tam Quang", "20965,Xã Tam Quang")
      try Self.edit($0, "units.csv", "20947,Xã Trà Cang,,XA,516,mien_nui", "20947,Xã Trà Cang,,XA,599,vung_cao")
    }
    #expect(p.map(\.code).sorted() == ["duplicate-unit", "unknown-area", "unknown-parent"])
  }

  @Test func missingFormAndMalformedFile() throws {
    let p = try Self.problems {
      try FileManager.default.removeItem(atPath: $0 + "/forms/DE_NGHI.json")
      try Self.edit($0, "thresholds.json", "{", "{{")
    }
    let codes = Set(p.map(\.code))
    #expect(codes == ["unknown-form", "unknown-field", "json-syntax"])
    let syntax = p.first { $0.code == "json-syntax" }
    #expect(syntax?.message(.en) == "thresholds.json:1:2: not JSON: expected a key in quotes")
    #expect(p.filter { $0.code == "unknown-form" }.count == 5)  // every category that submits it
  }

  /// A field renamed in its form but not in the formulas that read it is an error at
  /// the formula; renamed in both, the formulas read the new name and nothing is wrong.
  @Test func aRenameOfAFieldAFormulaReadsIsCaught() throws {
    let p = try Self.problems { try Self.edit($0, "forms/THONG_TIN.json", "so_don_khieu_nai", "so_don_thu") }
    #expect(p.map(\.code).sorted() == ["expression-field", "unknown-field"])
    let formula = p.first { $0.code == "expression-field" }
    #expect(formula?.detail == "c5: THONG_TIN.so_don_khieu_nai: form THONG_TIN has no field so_don_khieu_nai")
    #expect(formula?.path == "criteria[13].define.complaints")
    #expect(p.allSatisfy { $0.line != nil })
    let consistent = try Self.problems { folder in
      for file in ["forms/THONG_TIN.json", "criteria.json"] {
        try Self.edit(folder, file, "so_don_khieu_nai", "so_don_thu")
      }
    }
    #expect(consistent.isEmpty)
  }

  /// A criterion's `fields` must be among what its formulas read: listing the resources
  /// mobilised under the complaints criterion would promise what it never scores.
  @Test func aFieldTheFormulasDoNotReadIsCaught() throws {
    let p = try Self.problems {
      try Self.edit(
        $0, "criteria.json", "\"fields\": [\n        \"THONG_TIN.so_don_khieu_nai\"",
        "\"fields\": [\n        \"THONG_TIN.nguon_luc_huy_dong\"")
    }
    #expect(p.map(\.code) == ["rule-field-unread"])
    #expect(p.first?.detail == "c5: complaints == 0: THONG_TIN.nguon_luc_huy_dong")
    // At the reference itself: its line in the file, the column of its opening quote.
    let lines = try String(contentsOfFile: try MovementDefinition.shippedFolder() + "/criteria.json", encoding: .utf8)
      .components(separatedBy: "\n")
    let line = try #require(lines.lastIndex { $0.contains(#""THONG_TIN.so_don_khieu_nai""#) }) + 1
    let column = lines[line - 1].prefix { $0 == " " }.count + 1
    #expect(
      p.first?.message(.vi)
        == "criteria.json, dòng \(line), cột \(column): tiêu chí khai báo một trường mà quy tắc của nó không đọc: c5: complaints == 0: THONG_TIN.nguon_luc_huy_dong"
    )
  }

  /// A definition copied before the rules became formulas is told what to copy.
  @Test func aRuleThatIsNowAFormula() throws {
    let p = try Self.problems {
      try Self.edit(
        $0, "criteria.json", #""expression": "complaints == 0","#, #""rule": "no_complaints_about_review","#)
    }
    #expect(p.map(\.code) == ["formula-parts-without-expression", "rule-now-formula"])
    #expect(p.last?.detail == "c5: no_complaints_about_review")
  }

  /// A criterion reading a form its category does not send can never be decided:
  /// villages without the report-info form could not have `d2` (capital rotation rule).
  @Test func aCriterionWhoseRoleTheCategoryLacks() throws {
    let p = try Self.problems {
      try Self.edit(
        $0, "movement.json", #""THON": ["CHI_TIEU", "THONG_TIN", "TIEU_CHI", "DE_NGHI"]"#,
        #""THON": ["CHI_TIEU", "TIEU_CHI", "DE_NGHI"]"#)
    }
    #expect(p.map(\.code) == ["expression-field"])
    #expect(
      p.first?.detail == "d2: THONG_TIN.co_quy_che_von == \"Có\": the criterion's units do not send form THONG_TIN")
  }

  @Test func brokenRoles() throws {
    let p = try Self.problems { folder in
      // A slot naming a field the form lacks, a required slot and the met answers left out.
      try Self.edit(folder, "forms/TIEU_CHI.json", #""criterion": "ma_tieu_chi","#, #""criterion": "ma_so","#)
      try Self.edit(folder, "forms/TIEU_CHI.json", #""result": "ket_qua","#, "")
      try Self.edit(folder, "forms/TIEU_CHI.json", ",\n    \"met\": [\"Đạt\", \"Vượt\"]", "")
      // A slot of another kind, and a report-info form laid out in rows.
      try Self.edit(
        folder, "forms/CHI_TIEU.json", #""areaCode": "ma_dia_ban""#, #""areaCode": "ma_dia_ban", "year": "x""#)
      try Self.edit(folder, "forms/THONG_TIN.json", #""layout": "key-value""#, #""layout": "rows""#)
    }
    #expect(
      p.map { "\($0.code) \($0.file) \($0.detail)" } == [
        "role-slot-unused forms/CHI_TIEU.json area-figures: year",
        "role-layout forms/THONG_TIN.json report-info: rows",
        "role-field-missing forms/TIEU_CHI.json criterion: ma_so",
        "role-slot-missing forms/TIEU_CHI.json self-assessment: result",
        "role-slot-missing forms/TIEU_CHI.json self-assessment: met",
      ])
  }

  @Test func twoFormsOfOneRoleInACategory() throws {
    let p = try Self.problems { folder in
      try FileManager.default.copyItem(
        atPath: folder + "/forms/TIEU_CHI.json", toPath: folder + "/forms/TU_DANH_GIA.json")
      try Self.edit(folder, "forms/TU_DANH_GIA.json", #""name": "TIEU_CHI""#, #""name": "TU_DANH_GIA""#)
      try Self.edit(
        folder, "movement.json", #""SO_NGANH": ["THONG_TIN", "TIEU_CHI", "DE_NGHI"]"#,
        #""SO_NGANH": ["THONG_TIN", "TIEU_CHI", "TU_DANH_GIA", "DE_NGHI"]"#)
    }
    #expect(p.map { "\($0.code) \($0.detail)" } == ["duplicate-role SO_NGANH: self-assessment"])
  }

  /// A misspelt slot is an unknown key, with the slot it most likely meant.
  @Test func aMisspeltSlotIsAnUnknownKey() throws {
    let p = try Self.problems {
      try Self.edit($0, "forms/CHI_TIEU.json", #""areaName": "ten_dia_ban""#, #""areaname": "ten_dia_ban""#)
    }
    #expect(p.map(\.code) == ["unknown-key", "role-slot-missing"])
    #expect(
      p.first?.message(.en) == "forms/CHI_TIEU.json:7:36: unknown key “areaname” (in role); did you mean “areaName”?")
  }

  @Test func aPlanDateNotWrittenAsISOIsAProblem() throws {
    let p = try Self.problems {
      try Self.edit($0, "movement.json", #""planDate": "2017-09-27""#, #""planDate": "27/9/2017""#)
    }
    #expect(p.map { "\($0.code) \($0.detail)" } == ["bad-plan-date 27/9/2017"])
  }

  /// The issue's four edits in one copy: a misspelt key, a criterion reading a field no
  /// form has, a consistent rename of a field a rule reads, and the registry saved by
  /// Excel as Windows-1258. The first three are each reported with file, line and
  /// column; the registry reads as the shipped one, so it is no problem.
  @Test func theFourEditsOfABoardOfficer() throws {
    let p = try Self.problems { folder in
      try Self.edit(folder, "awards.json", #""quotaShare": 0.2"#, #""quota": 0.2"#)
      try Self.edit(folder, "criteria.json", #""CHI_TIEU.chi_tieu_giam_duoc_giao""#, #""CHI_TIEU.chi_tieu_giao""#)
      for file in ["forms/THONG_TIN.json", "criteria.json"] {
        try Self.edit(folder, file, "so_don_khieu_nai", "so_don_thu")
      }
      try FileManager.default.removeItem(atPath: folder + "/units.csv")
      try FileManager.default.copyItem(atPath: fixturePath("movements/units-cp1258.csv"), toPath: folder + "/units.csv")
    }
    #expect(
      p.map(\.code).sorted() == ["unknown-field", "unknown-field", "unknown-field", "unknown-key"])
    #expect(p.allSatisfy { $0.line != nil && $0.column != nil }, "\(p.map { $0.message(.en) })")
    #expect(!p.contains { $0.file == "units.csv" })
  }

  /// A required key left out beside a real key that looks like it (`plan` beside
  /// `planDate`) is missing, not a misspelling of the real one.
  @Test func aMissingKeyIsNotBlamedOnARealNeighbour() throws {
    let p = try Self.problems { try Self.edit($0, "movement.json", #""plan": "#, #""plan_x": "#) }
    #expect(p.map(\.code) == ["unknown-key"])
    #expect(p.first?.message(.en).hasSuffix("unknown key “plan_x”; did you mean “plan”?") == true)
    let q = try Self.problems { folder in
      let path = folder + "/movement.json"
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let kept = text.components(separatedBy: "\n").filter { !$0.hasPrefix(#"  "plan": "#) }
      try kept.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    #expect(q.map { $0.message(.en) } == ["movement.json:1:1: required key “plan” is missing"])
  }

  /// `$schema` at the top of a file names its schema for an editor; anywhere else it is
  /// a key like any other.
  @Test func aSchemaKeyAtTheTopIsForEditors() throws {
    let p = try Self.problems { folder in
      try Self.edit(folder, "movement.json", #""code": "#, #""$schema": "schema/movement.schema.json", "code": "#)
      try Self.edit(
        folder, "forms/TIEU_CHI.json", #""name": "TIEU_CHI""#,
        #""$schema": "../schema/form.schema.json", "name": "TIEU_CHI""#)
      try Self.edit(
        folder, "forms/TIEU_CHI.json", #""kind": "self-assessment""#, #""$schema": "x", "kind": "self-assessment""#)
    }
    #expect(p.map { "\($0.code) \($0.file)" } == ["unknown-key forms/TIEU_CHI.json"])
  }
}
