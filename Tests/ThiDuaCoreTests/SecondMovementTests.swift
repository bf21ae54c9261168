import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore

/// A second movement, defined only with data (fixtures/movements/quy-vi-nguoi-ngheo: a
/// fundraising campaign with one key-value form and three criteria written as formulas):
/// its templates, and a review of its sample inbox (two filled templates, one sheet a
/// clerk typed, one ward that sent nothing) against the answer key beside it.
@Suite struct SecondMovementTests {
  static let folder = fixturePath("movements/quy-vi-nguoi-ngheo")

  @Test func itPassesTheCheckAndWritesItsTemplates() throws {
    let m = try MovementDefinition.checked(folder: Self.folder)
    #expect(m.forms.keys.sorted() == ["KET_QUA_VAN_DONG"])
    #expect(m.criteria.allSatisfy { $0.expression != nil })
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-m2-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    var writer = TemplateWriter(movement: m)
    writer.year = 2025
    let sheets = try writer.write(
      unit: m.registry.unit(code: "20407"), category: "XA", to: out + "/mau.xlsx", created: m.planDate)
    #expect(sheets == ["Hướng dẫn", "Kết quả vận động"])
    // The blank template reads back as the ward's, of 2025, with nothing to score.
    let report = SubmissionValidator(movement: m).validate(path: out + "/mau.xlsx")
    #expect(report.unit?.code == "20407" && report.year == 2025)
    #expect(report.criteria.map(\.status) == [.notAssessable, .notAssessable, .notAssessable])
  }

  /// The reviewers' workbook speaks of the plan's section and of the poverty tie-break
  /// only where the movement has them.
  @Test func itsWorkbookSaysNothingOfPlan5201() throws {
    let m = try MovementDefinition.checked(folder: Self.folder)
    #expect(ReviewerWorkbook.sharedClause(m.criteria.map(\.clause)) == nil)
    #expect(!Scoring.ranksByReduction(m))
    let shipped = try MovementDefinition.shipped()
    #expect(ReviewerWorkbook.sharedClause(shipped.criteria.map(\.clause)) == "III.2")
    #expect(Scoring.ranksByReduction(shipped))
    #expect(ReviewerWorkbook.sharedClause(["2.1", "2.1"]) == "2")
  }

  @Test func theReviewOfItsInboxMatchesTheAnswerKey() throws {
    let m = try MovementDefinition.checked(folder: Self.folder)
    var review = Review(movement: m)
    review.threads = 1
    let result = try review.run(inbox: fixturePath("movements/quy-vi-nguoi-ngheo-inbox"))
    let key = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: fixturePath("movements/quy-vi-nguoi-ngheo-inbox.expected.json"))))
        as? [String: Any])
    #expect(result.year == key["year"] as? Int)
    #expect(result.findings.count == key["findings"] as? Int)
    #expect(result.missing.map(\.code) == key["missing"] as? [String])
    let units = try #require(key["units"] as? [String: [String: Any]])
    #expect(Set(result.results.map(\.unit.code)) == Set(units.keys))
    for unit in result.results {
      let expected = try #require(units[unit.unit.code])
      #expect(unit.score == expected["score"] as? Double, "\(unit.unit.code)")
      let criteria = try #require(expected["criteria"] as? [String: [String: Any]])
      for o in unit.years.flatMap(\.criteria) {
        let e = try #require(criteria[o.id])
        #expect(o.status.rawValue == e["status"] as? String, "\(unit.unit.code) \(o.id)")
        #expect(o.reason == e["reason"] as? String, "\(unit.unit.code) \(o.id)")
        #expect(
          o.sources.map { "\($0.sheet ?? "")!\($0.cell?.description ?? "")" } == e["sources"] as? [String],
          "\(unit.unit.code) \(o.id)")
      }
    }
    let proposals = try #require(key["proposals"] as? [String: Any])
    for r in result.recommendations {
      #expect(r.form == proposals[r.name] as? String, "\(r.name)")
    }
    #expect(result.recommendations.count == proposals.count)
  }
}
