import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore

/// Criteria as formulas: parsed with the column of any mistake, typed against the forms
/// by `movement check`, evaluated on a submission with the cells they read.
@Suite struct CriterionExpressionTests {
  static let movement = try! MovementDefinition.shipped()

  static func table(_ form: String, _ rows: [[String: CellValue]]) -> FileReport.Table {
    let fields = Set(rows.flatMap(\.keys)).sorted()
    let cells = rows.indices.map { r in
      Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1, CellAddress(row: 8 + r, column: $0 + 1)) })
    }
    return FileReport.Table(
      file: "x.xlsx", sheet: form, form: form, headerRows: 6...7, dataRows: rows.count, fromTemplate: false,
      rows: rows, cells: cells)
  }

  static func value(_ text: String, _ tables: [FileReport.Table]) throws -> ExpressionEvaluator.Value {
    var evaluator = ExpressionEvaluator(
      tables: Dictionary(uniqueKeysWithValues: tables.map { ($0.form, $0) }), forms: movement.forms)
    return evaluator.value(try CriterionExpression.parse(text))
  }

  @Test func precedenceAndLogic() throws {
    #expect(try Self.value("1 + 2 * 3 >= 7 and not false", []) == .bool(true))
    #expect(try Self.value("(1 + 2) * 3 == 9 or 1 / 0 > 1", []) == .bool(true))
    #expect(try Self.value("-2 * -3 == 6", []) == .bool(true))
    // A value not there: missing, unless the answer does not depend on it.
    #expect(try Self.value("THONG_TIN.so_don_khieu_nai == 0", []) == .missing)
    #expect(try Self.value("false and THONG_TIN.so_don_khieu_nai == 0", []) == .bool(false))
  }

  @Test(arguments: [
    ("THONG_TIN.so_don_khieu_nai >= ", 31, "a value was expected"),
    ("1 < 2 < 3", 7, "one comparison at a time: write (a < b) and (b < c)"),
    ("1,5 > 1", 2, "an operator (and, or, +, <= …) or the end was expected"),
    ("THONG_TIN.so_don.khieu_nai == 0", 1, "“THONG_TIN.so_don.khieu_nai” is neither FORM.field nor a function"),
    ("THONG_TIN.co_quy_che_von == \"Có", 29, "text without its closing quote"),
    ("sum(CHI_TIEU.tong_so_ho", 24, "“,” or “)” was expected"),
  ])
  func syntaxErrorsSayWhere(_ text: String, _ column: Int, _ message: String) {
    #expect(throws: CriterionExpression.SyntaxError(column: column, message: message)) {
      try CriterionExpression.parse(text)
    }
  }

  /// Row by row over a rows form, then one value: every area's poor at most its
  /// households, the exits summed; each cell read is a source.
  @Test func rowsAreTakenRowByRow() throws {
    let areas = Self.table(
      "CHI_TIEU",
      [
        ["tong_so_ho": .number(100), "ho_ngheo_cuoi_nam": .number(20), "ho_thoat_ngheo": .number(5)],
        ["tong_so_ho": .number(50), "ho_ngheo_cuoi_nam": .number(60), "ho_thoat_ngheo": .empty],
      ])
    #expect(try Self.value("all(CHI_TIEU.ho_ngheo_cuoi_nam <= CHI_TIEU.tong_so_ho)", [areas]) == .bool(false))
    #expect(try Self.value("any(CHI_TIEU.ho_ngheo_cuoi_nam > CHI_TIEU.tong_so_ho)", [areas]) == .bool(true))
    #expect(try Self.value("sum(CHI_TIEU.ho_thoat_ngheo) == 5", [areas]) == .bool(true))
    #expect(try Self.value("count(CHI_TIEU.ho_thoat_ngheo) == 1", [areas]) == .bool(true))
    #expect(try Self.value("all(present(CHI_TIEU.ho_thoat_ngheo))", [areas]) == .bool(false))
    #expect(try Self.value("max(CHI_TIEU.tong_so_ho) - min(CHI_TIEU.tong_so_ho) == 50", [areas]) == .bool(true))
    var evaluator = ExpressionEvaluator(tables: ["CHI_TIEU": areas], forms: Self.movement.forms)
    _ = evaluator.value(try CriterionExpression.parse("sum(CHI_TIEU.tong_so_ho) > 0"))
    // A column read cites its sheet, not each row's cell.
    #expect(evaluator.sources == [Location(file: areas.file, sheet: areas.sheet, cell: nil)])
  }

  /// `body` on a copy of the shipped definition whose criteria `formulas` names are those
  /// plain formulas: their defined values, conditions, declared outcomes and field lists
  /// dropped.
  static func withPlainFormulas<T>(_ formulas: [String: String], _ body: (MovementDefinition) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-f-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: try MovementDefinition.shippedFolder(), toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/criteria.json"
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    json["criteria"] = (json["criteria"] as? [[String: Any]] ?? []).map { c in
      guard let id = c["id"] as? String, let formula = formulas[id] else { return c }
      var c = c
      for key in ["define", "requires", "outcomes", "fields"] { c[key] = nil }
      c["expression"] = formula
      return c
    }
    try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
    return try body(try MovementDefinition.checked(folder: folder))
  }

  /// Copies of the shipped definition whose criterion c5 (no complaints) is a formula.
  static func problems(_ expression: String, criterion: String = "c5") throws -> [String] {
    try MovementCheckTests.problems { folder in
      let path = folder + "/criteria.json"
      var json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
      var criteria = try #require(json["criteria"] as? [[String: Any]])
      let i = try #require(criteria.firstIndex { $0["id"] as? String == criterion })
      criteria[i]["decided"] = "computed"
      criteria[i]["rule"] = nil
      criteria[i]["fields"] = nil
      criteria[i]["expression"] = expression
      json["criteria"] = criteria
      try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
    }.map { "\($0.code) \($0.detail)" }
  }

  @Test func theCheckTypesFormulasAgainstTheForms() throws {
    #expect(try Self.problems("THONG_TIN.so_don_khieu_nai == 0").isEmpty)
    #expect(
      try Self.problems("THONG_TIN.so_don_thu == 0") == [
        "expression-field c5: THONG_TIN.so_don_thu == 0: form THONG_TIN has no field so_don_thu"
      ])
    #expect(
      try Self.problems("THONG_TIN.co_quy_che_von + 1 > 0") == [
        "expression-type c5: THONG_TIN.co_quy_che_von + 1 > 0: “+” needs numbers, not text and a number"
      ])
    #expect(
      try Self.problems("THONG_TIN.so_don_khieu_nai") == [
        "expression-type c5: THONG_TIN.so_don_khieu_nai: the result is a number, not true or false"
      ])
    #expect(
      try Self.problems("CHI_TIEU.tong_so_ho > 0") == [
        "expression-type c5: CHI_TIEU.tong_so_ho > 0: the result is true or false in each row of CHI_TIEU, not true or false"
      ])
    // A department (SO_NGANH) sends no poverty table.
    #expect(
      try Self.problems("sum(CHI_TIEU.tong_so_ho) > 0", criterion: "a1") == [
        "expression-field a1: sum(CHI_TIEU.tong_so_ho) > 0: the criterion's units do not send form CHI_TIEU"
      ])
    #expect(
      try Self.problems("THONG_TIN.so_don_khieu_nai ==") == [
        "expression-syntax c5: THONG_TIN.so_don_khieu_nai ==: column 30: a value was expected"
      ])
  }

  static let fundsSettled =
    "THONG_TIN.ngay_quyet_toan <= THONG_TIN.han_quyet_toan and THONG_TIN.bao_cao_dung_han >= THONG_TIN.bao_cao_phai_nop"

  /// Plain formulas, with none of the shipped criteria's defined values or declared
  /// outcomes, decide every unit of the realistic inbox as the shipped criteria do: the
  /// same status for b2, c2, c3, c5 and d2, the same scores.
  @Test func formulasDecideAsTheRulesTheyRestate() throws {
    let formulas = [
      "c3": #"THONG_TIN.co_quy_che_von == "Có""#, "d2": #"THONG_TIN.co_quy_che_von == "Có""#,
      "c5": "THONG_TIN.so_don_khieu_nai == 0",
      "b2": Self.fundsSettled, "c2": Self.fundsSettled,
    ]
    func decided(_ m: MovementDefinition) throws -> [String: String] {
      var review = Review(movement: m)
      review.threads = 1
      var out: [String: String] = [:]
      for unit in try review.run(inbox: fixturePath("inbox-thuc-te")).results {
        out[unit.unit.code + " score"] = CanonicalCSV.numberText(unit.score)
        for year in unit.years {
          for o in year.criteria where formulas[o.id] != nil { out["\(unit.unit.code) \(o.id)"] = o.status.rawValue }
        }
      }
      return out
    }
    let shipped = try decided(Self.movement)
    #expect(shipped.keys.contains { $0.hasSuffix("c5") })
    #expect(try Self.withPlainFormulas(formulas) { try decided($0) } == shipped)
  }
}
