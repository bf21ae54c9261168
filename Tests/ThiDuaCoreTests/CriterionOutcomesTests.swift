import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore

/// Criteria whose values, conditions and outcomes are data: the shipped reduction
/// criterion (b4) decided from poverty tables made here, the functions it uses, and the
/// check's refusals of broken definitions.
@Suite struct CriterionOutcomesTests {
  static let movement = CriterionExpressionTests.movement

  /// A district's poverty table: one row per area, and a total row when given.
  static func areas(_ rows: [[String: CellValue]], total: [String: CellValue]? = nil) -> FileReport.Table {
    var table = CriterionExpressionTests.table("CHI_TIEU", rows)
    table.total = total
    return table
  }

  static func b4(_ table: FileReport.Table?) throws -> CriterionOutcome {
    let unit = try #require(movement.registry.unit(code: "517"))
    let tables = table.map { ["CHI_TIEU": $0] } ?? [:]
    return try #require(
      CriteriaEvaluator(movement: movement, unit: unit, tables: tables).evaluate().first { $0.id == "b4" })
  }

  static func words(_ o: CriterionOutcome, _ language: Language = .vi) -> String {
    OutcomeWords.reason(o, Words(language: language), of: movement.criterion(o.id))
  }

  @Test func theTotalRowDecidesAndItsRatesAreTaken() throws {
    // Stated rates on the total row: 6.54 % → 4.87 %, target 1.5 on the total row.
    let total: [String: CellValue] = [
      "tong_so_ho": .number(42_184), "ho_ngheo_dau_nam": .number(2_757), "ho_ngheo_cuoi_nam": .number(2_055),
      "ty_le_ngheo_dau_nam": .number(6.54), "ty_le_ngheo_cuoi_nam": .number(4.87),
      "chi_tieu_giam_duoc_giao": .number(1.5),
    ]
    let o = try Self.b4(Self.areas([["tong_so_ho": .number(1)]], total: total))
    #expect(o.status == .met)
    #expect(o.reason == "reduction-meets-target")
    #expect(o.values == ["achieved": "1.67", "target": "1.5"])
    #expect(o.sources == [Location(file: "x.xlsx", sheet: "CHI_TIEU", cell: nil)])
    #expect(Self.words(o) == "Giảm 1,67 điểm %, chỉ tiêu giao 1,5")
    #expect(Self.words(o, .en) == "Reduced 1.67 points, target 1.5")
  }

  @Test func withoutATotalRowTheAreasAreAddedAndTheRatesComputed() throws {
    // 300 households, 30 → 24 poor: 10 % → 8 %, a 2-point cut against the first stated target 2.5.
    let rows: [[String: CellValue]] = [
      ["tong_so_ho": .number(100), "ho_ngheo_dau_nam": .number(10), "ho_ngheo_cuoi_nam": .number(8)],
      [
        "tong_so_ho": .number(200), "ho_ngheo_dau_nam": .number(20), "ho_ngheo_cuoi_nam": .number(16),
        "chi_tieu_giam_duoc_giao": .number(2.5),
      ],
    ]
    let o = try Self.b4(Self.areas(rows))
    #expect(o.status == .notMet)
    #expect(o.reason == "reduction-below-target")
    #expect(o.values == ["achieved": "2", "target": "2.5"])
  }

  @Test func eachWayOfNotBeingAssessable() throws {
    let counts: [String: CellValue] = [
      "tong_so_ho": .number(100), "ho_ngheo_dau_nam": .number(10), "ho_ngheo_cuoi_nam": .number(8),
    ]
    // No table at all, and a table with no rows: the form is to be sent.
    for table in [nil, Self.areas([])] {
      let o = try Self.b4(table)
      #expect(o.reason == "no-poverty-figures")
      #expect(o.values == ["form": "CHI_TIEU"])
      #expect(o.sources.isEmpty)
    }
    // What it requires does not hold: no households, or a count missing in one row (the sum is strict).
    for rows in [
      [["tong_so_ho": .number(0), "ho_ngheo_dau_nam": .number(0), "ho_ngheo_cuoi_nam": .number(0)]],
      [counts, ["tong_so_ho": .number(50), "ho_ngheo_cuoi_nam": .number(4)]],
    ] {
      let o = try Self.b4(Self.areas(rows))
      #expect(o.status == .notAssessable)
      #expect(o.reason == "figures-missing")
      #expect(o.values.isEmpty)
      #expect(o.sources == [Location(file: "x.xlsx", sheet: "CHI_TIEU", cell: nil)])
    }
    // The figures are there but no target: the declared unknown outcome, with the reduction.
    let o = try Self.b4(Self.areas([counts]))
    #expect(o.reason == "no-assigned-target")
    #expect(o.values == ["achieved": "2"])
    #expect(Self.words(o) == "Giảm 2 điểm %, chưa ghi chỉ tiêu được giao")
  }

  @Test func theFunctions() throws {
    let rows: [[String: CellValue]] = [
      ["tong_so_ho": .number(100), "chi_tieu_giam_duoc_giao": .empty],
      ["tong_so_ho": .number(50), "chi_tieu_giam_duoc_giao": .number(2)],
    ]
    let plain = Self.areas(rows)
    let totalled = Self.areas(rows, total: ["tong_so_ho": .number(160)])
    func value(_ text: String, _ table: FileReport.Table) throws -> ExpressionEvaluator.Value {
      try CriterionExpressionTests.value(text, [table])
    }
    #expect(try value("total(CHI_TIEU.tong_so_ho)", plain) == .number(150))
    #expect(try value("total(CHI_TIEU.tong_so_ho)", totalled) == .number(160))
    #expect(try value("total(CHI_TIEU.chi_tieu_giam_duoc_giao)", plain) == .missing)
    #expect(try value("total_row(CHI_TIEU.tong_so_ho)", plain) == .missing)
    #expect(try value("total_row(CHI_TIEU.tong_so_ho)", totalled) == .number(160))
    #expect(try value("first(CHI_TIEU.chi_tieu_giam_duoc_giao)", plain) == .number(2))
    #expect(try value("if_missing(total_row(CHI_TIEU.tong_so_ho), -1)", plain) == .number(-1))
    #expect(try value("round(2 / 3, 2)", plain) == .number(0.67))
    #expect(try value("round(1.005 * 1000, 0)", plain) == .number(1005))
  }

  @Test func definedValuesAreWorkedOutOnceAndMayUseEachOther() throws {
    let defines = try ["a": "THONG_TIN.so_don_khieu_nai + 1", "b": "a * a"].mapValues {
      try CriterionExpression.parse($0)
    }
    let info = CriterionExpressionTests.table("THONG_TIN", [["so_don_khieu_nai": .number(2)]])
    var evaluator = ExpressionEvaluator(tables: ["THONG_TIN": info], forms: Self.movement.forms, defines: defines)
    #expect(evaluator.value(try CriterionExpression.parse("b + a == 12")) == .bool(true))
    #expect(evaluator.read == ["THONG_TIN.so_don_khieu_nai = 2"])
    #expect(evaluator.sources.map { $0.cell?.description } == ["A8"])
  }

  /// Copies of the shipped definition with criterion c5's data edited.
  static func problems(_ edit: @escaping (inout [String: Any]) -> Void) throws -> [String] {
    try MovementCheckTests.problems { folder in
      let path = folder + "/criteria.json"
      var json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
      var criteria = try #require(json["criteria"] as? [[String: Any]])
      let i = try #require(criteria.firstIndex { $0["id"] as? String == "c5" })
      edit(&criteria[i])
      json["criteria"] = criteria
      try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
    }.map { "\($0.code) \($0.path ?? "") \($0.detail)" }
  }

  @Test func theCheckRefusesBrokenValuesConditionsAndWords() throws {
    #expect(try Self.problems { _ in }.isEmpty)
    #expect(
      try Self.problems { $0["expression"] = "complaint == 0" } == [
        "expression-name criteria[13].expression c5: complaint == 0: “complaint” is not defined (write FORM.field, or define it)"
      ])
    #expect(
      try Self.problems { $0["define"] = ["complaints": "complaints + 1"] } == [
        "expression-name criteria[13].define.complaints c5: complaints + 1: “complaints” is defined in terms of itself"
      ])
    #expect(
      try Self.problems { $0["requires"] = "complaints" } == [
        "expression-type criteria[13].requires c5: complaints: the result is a number, not true or false"
      ])
    #expect(
      try Self.problems { $0["define"] = ["complaints": "round(THONG_TIN.so_don_khieu_nai, 7)"] } == [
        "expression-type criteria[13].define.complaints c5: round(THONG_TIN.so_don_khieu_nai, 7): round(x, n) takes a number and a whole number of decimals from 0 to 6"
      ])
    #expect(
      try Self.problems {
        var outcomes = $0["outcomes"] as? [String: Any] ?? [:]
        outcomes["notMet"] = ["reason": "complaints", "vi": "Có {so_don} đơn", "en": "{so_don} complaints"]
        $0["outcomes"] = outcomes
      } == ["outcome-name criteria[13].outcomes.notMet c5: Có {so_don} đơn: {so_don} is not a defined value"])
    #expect(
      try Self.problems {
        var list = $0["householdList"] as? [String: Any] ?? [:]
        list["notAccurate"] = ["reason": "list-off", "vi": "Sai {so_ho} hộ", "en": "{so_ho} households off"]
        $0["householdList"] = list
      } == [
        "outcome-name criteria[13].householdList.notAccurate c5: Sai {so_ho} hộ: {so_ho} is not a value of the household list"
      ])
    #expect(
      try Self.problems { $0["expression"] = nil } == [
        "formula-parts-without-expression criteria[13] c5", "missing-expression criteria[13] c5",
      ])
  }

  /// A plain formula on a form the unit did not send asks for the form, as the shipped
  /// criteria do.
  @Test func aFormNotSentIsAskedForByItsRole() throws {
    let plain = ["b2": "THONG_TIN.bao_cao_dung_han >= THONG_TIN.bao_cao_phai_nop"]
    let movement = try CriterionExpressionTests.withPlainFormulas(plain) { $0 }
    let unit = try #require(movement.registry.unit(code: "517"))
    let o = try #require(
      CriteriaEvaluator(movement: movement, unit: unit, tables: [:]).evaluate().first { $0.id == "b2" })
    #expect(o.reason == "no-unit-figures")
    #expect(o.values == ["form": "THONG_TIN"])
    #expect(
      OutcomeWords.reason(o, Words(language: .vi), of: movement.criterion("b2"))
        == "Chưa nộp biểu thông tin đơn vị (THONG_TIN)")
  }
}
