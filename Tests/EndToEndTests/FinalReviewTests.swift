import Foundation
import TestSupport
import Testing

/// The final review (tổng kết) over the small multi-year inbox: four districts, 2015 as
/// the income baseline and 2016–2020 scored year by year (docs/review.md).
@Suite struct FinalReviewTests {
  static let inbox = Paths.fixture("inbox-tong-ket")

  func report(_ arguments: String...) throws -> [String: Any] {
    let out = try Paths.temporaryFolder()
    let run = try thidua(["convert-and-validate", Self.inbox, "--out", out.path] + arguments)
    #expect(run.status == 0, "\(run.stderr)")
    let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  @Test func theFinalReviewScoresEveryYearAndProposesOneFormEach() throws {
    let r = try report("--review", "tong-ket")
    #expect(r["period"] as? [Int] == [2016, 2017, 2018, 2019, 2020])
    let units = (r["units"] as? [[String: Any]] ?? []).map {
      "\($0["code"] as? String ?? "") \($0["score"] as? Double ?? -1) #\($0["rankInCategory"] as? Int ?? 0) "
        + "\($0["yearsAllMandatoryMet"] as? Int ?? -1)y"
    }
    // Quế Sơn missed b4 (mandatory) in 2017 and 2018; Nông Sơn's missing 2019 counts 0.
    #expect(units == ["511 100.0 #1 5y", "502 100.0 #2 5y", "509 90.0 #3 3y", "519 80.0 #4 4y"])
    let proposals = (r["recommendations"] as? [[String: Any]] ?? []).map {
      "\($0["unit"] as? String ?? "") \($0["form"] as? String ?? "-")"
    }
    #expect(
      proposals == [
        "511 Đề nghị Bằng khen của Thủ tướng Chính phủ", "502 Bằng khen của Chủ tịch UBND tỉnh", "509 -", "519 -",
      ])
    let queSon = (r["recommendations"] as? [[String: Any]])?[2]["reason"] as? String ?? ""
    #expect(queSon.contains("đạt đủ tiêu chí bắt buộc 3/5 năm, cần 5 năm"))
    #expect(queSon.contains("Bằng khen của Chủ tịch UBND tỉnh: đã hết hạn mức 1 đơn vị"))
  }

  /// Every year of the period is in report.json; the one Nông Sơn sent nothing for says so.
  @Test func aYearWithoutASubmissionIsPresentAndCountsZero() throws {
    let r = try report("--review", "tong-ket")
    let nongSon = (r["units"] as? [[String: Any]])?.first { $0["code"] as? String == "519" }
    let years = (nongSon?["years"] as? [[String: Any]] ?? []).map {
      "\($0["year"] as? Int ?? 0) \($0["submitted"] as? Bool ?? true) \($0["score"] as? Double ?? -1)"
    }
    #expect(years == ["2016 true 100.0", "2017 true 100.0", "2018 true 100.0", "2019 false 0.0", "2020 true 100.0"])
  }

  @Test func theFinalYearMeasuresThe2020TargetsAndIncomeAgainst2015() throws {
    let r = try report("--review", "tong-ket")
    let all = r["targets"] as? [[String: Any]] ?? []
    let targets = all.filter { $0["year"] as? Int == 2020 && $0["endRate"] != nil && $0["periodMean"] == nil }
    let summary = targets.map {
      "\($0["code"] as? String ?? "") \($0["rateTargetStatus"] as? String ?? "") "
        + "\($0["incomeRatio"] as? Double ?? 0) \($0["incomeStatus"] as? String ?? "")"
    }
    #expect(summary == ["502 met 1.69 met", "509 met 1.69 met", "511 met 1.69 met", "519 met 1.28 not-met"])
    // Both yardsticks per year, and the period's mean reduction that I.1 speaks of.
    let means = all.filter { $0["periodMean"] as? Bool == true && $0["reduction"] != nil }
    #expect(means.map { $0["code"] as? String ?? "" } == ["502", "509", "511", "519"])
    let yearly = all.filter { $0["code"] as? String == "511" && $0["periodMean"] == nil && $0["reduction"] != nil }
    let mean = yearly.compactMap { $0["reduction"] as? Double }.reduce(0, +) / Double(yearly.count)
    #expect(abs((means[2]["reduction"] as? Double ?? 0) - mean) < 0.006)
    #expect(yearly.allSatisfy { $0["assigned"] != nil && $0["assignedStatus"] != nil })
  }

  @Test func aYearIsCheckedAgainstTheYearBefore() throws {
    let r = try report("--review", "tong-ket")
    let findings = (r["findings"] as? [[String: Any]] ?? []).map {
      "\($0["code"] as? String ?? "") \($0["file"] as? String ?? "") \($0["cell"] as? String ?? "")"
    }
    // One area of Quế Sơn starts 2018 with 7 more poor households than it ended 2017.
    #expect(findings == ["start-mismatch 509-2018.xlsx D7"])
  }

  @Test func anAnnualReviewCountsTheOtherYearsAsOtherYears() throws {
    let r = try report("--year", "2018")
    let fates = (r["files"] as? [[String: Any]] ?? []).reduce(into: [String: Int]()) {
      $0[$1["fate"] as? String ?? "", default: 0] += 1
    }
    #expect(fates == ["used": 4, "other-year": 19])
    #expect((r["units"] as? [[String: Any]])?.count == 4)
    // The 2018 start is still checked against 2017, which is not under review.
    #expect((r["findings"] as? [[String: Any]])?.first?["code"] as? String == "start-mismatch")
  }

  @Test func thePreliminaryReviewCoversTheFirstThreeYears() throws {
    let r = try report("--review", "so-ket")
    #expect(r["period"] as? [Int] == [2016, 2017, 2018])
    #expect(r["year"] as? Int == 2018)
    let forms = (r["recommendations"] as? [[String: Any]] ?? []).compactMap { $0["form"] as? String }
    #expect(forms == ["Giấy khen"])
  }
}
