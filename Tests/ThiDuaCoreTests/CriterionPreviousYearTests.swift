import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore

/// Formulas that read the unit's report of the year before (`previous(…)`) and the
/// plan's minimum for its areas (`plan_minimum()`).
@Suite struct CriterionPreviousYearTests {
  static let movement = CriterionExpressionTests.movement

  static func info(_ onTime: Double, file: String) -> FileReport.Table {
    var table = CriterionExpressionTests.table(
      "THONG_TIN", [["bao_cao_dung_han": .number(onTime), "bao_cao_phai_nop": .number(12)]])
    table.file = file
    return table
  }

  /// b2 as "at least as many reports on time as the year before", on district 517.
  static func decided(_ formula: String, this: FileReport.Table?, last: FileReport.Table?) throws -> CriterionOutcome {
    try CriterionExpressionTests.withPlainFormulas(["b2": formula]) { movement in
      let unit = try #require(movement.registry.unit(code: "517"))
      var evaluator = CriteriaEvaluator(
        movement: movement, unit: unit, tables: this.map { ["THONG_TIN": $0] } ?? [:])
      evaluator.previous = last.map { ["THONG_TIN": $0] }
      return try #require(evaluator.evaluate().first { $0.id == "b2" })
    }
  }

  @Test func lastYearsFiguresAreReadAndCited() throws {
    let formula = "THONG_TIN.bao_cao_dung_han >= previous(THONG_TIN.bao_cao_dung_han)"
    let met = try Self.decided(formula, this: Self.info(11, file: "2018.xlsx"), last: Self.info(9, file: "2017.xlsx"))
    #expect(met.status == .met)
    #expect(met.values["read"] == "THONG_TIN.bao_cao_dung_han = 11; previous(THONG_TIN.bao_cao_dung_han) = 9")
    #expect(met.sources.map(\.file) == ["2018.xlsx", "2017.xlsx"])
    // No report of the year before: not assessable, and this year's form is not asked for again.
    let alone = try Self.decided(formula, this: Self.info(11, file: "2018.xlsx"), last: nil)
    #expect(alone.reason == "figures-missing")
    // Only this year's form is one the unit must send.
    let notSent = try Self.decided(formula, this: nil, last: Self.info(9, file: "2017.xlsx"))
    #expect(notSent.reason == "no-unit-figures")
  }

  @Test func thePlansMinimumForTheUnitsAreas() throws {
    // Núi Thành (517) is lowland: 1.5 points a year (plan I.1); a poor mountain commune, 7.
    let formula = "plan_minimum() == 1.5 and THONG_TIN.bao_cao_dung_han > 0"
    #expect(try Self.decided(formula, this: Self.info(1, file: "x.xlsx"), last: nil).status == .met)
    let commune = try #require(Self.movement.registry.unit(code: "20941"))
    #expect(
      Self.movement.thresholds?.minimumReduction(areas: [commune.areaType, commune.poorArea].compactMap { $0 }) == 7)
  }

  @Test func theCheckTypesThem() throws {
    #expect(try CriterionExpressionTests.problems("previous(THONG_TIN.so_don_khieu_nai) >= 0").isEmpty)
    #expect(try CriterionExpressionTests.problems("previous(total(CHI_TIEU.tong_so_ho)) > 0").isEmpty)
    #expect(
      try CriterionExpressionTests.problems("previous(CHI_TIEU.tong_so_ho) > 0") == [
        "expression-type c5: previous(CHI_TIEU.tong_so_ho) > 0: previous(…) takes one value, not a number in each row of CHI_TIEU: use total(…), first(…), sum(…) inside it"
      ])
    #expect(
      try CriterionExpressionTests.problems("plan_minimum(1) > 0") == [
        "expression-type c5: plan_minimum(1) > 0: plan_minimum(…) takes no value, not 1"
      ])
  }

  /// The review gives each year the unit's report of the year before, from the inbox,
  /// even when that year is outside the period reviewed.
  @Test func theReviewPassesTheYearBefore() throws {
    let formula = "THONG_TIN.bao_cao_dung_han > previous(THONG_TIN.bao_cao_dung_han)"
    try CriterionExpressionTests.withPlainFormulas(["b2": formula]) { movement in
      let unit = try #require(movement.registry.unit(code: "517"))
      let submissions = [(2017, 9.0), (2018, 11.0)].map { year, onTime in
        Submission(
          unit: unit, year: year, tables: ["THONG_TIN": Self.info(onTime, file: "\(year).xlsx")],
          files: ["\(year).xlsx"], reportDate: nil)
      }
      let results = Scoring.results(submissions, period: [2018], movement: movement)
      let b2 = results.first?.years.first?.criteria.first { $0.id == "b2" }
      #expect(b2?.status == .met)
      #expect(b2?.sources.map(\.file) == ["2018.xlsx", "2017.xlsx"])
    }
  }
}
