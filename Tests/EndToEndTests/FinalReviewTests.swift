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
    // One area of Quế Sơn starts 2018 with 7 more poor households than it ended 2017;
    // the two planted outliers, and none on the clean years.
    #expect(
      findings == ["outlier 502-2019.xlsx J19", "start-mismatch 509-2018.xlsx D7", "outlier 511-2020.xlsx C8"])
  }

  /// Tam Kỳ's rate halves in 2019 (1,34 → 0,57 %), a Phước Sơn commune's households
  /// double in 2020 (2.210 → 4.446): each an outlier at its cell, with its history.
  @Test func figuresThatJumpAgainstTheirHistoryAreOutliers() throws {
    let r = try report("--review", "tong-ket")
    let outliers = (r["findings"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "outlier" }
    let values = outliers.map { $0["values"] as? [String: String] ?? [:] }
    #expect(values.map { $0["rule"] ?? "" } == ["rate-drop,unusual-change", "household-jump"])
    #expect(values[0]["history"] == "2015:5.08>3.46;2016:3.46>2.48;2017:2.48>1.81;2018:1.81>1.34")
    #expect(values[0]["start"] == "1.34" && values[0]["end"] == "0.57" && values[0]["ratio"] == "42.54")
    #expect(values[1]["seen"] == "4446" && values[1]["previous"] == "2210" && values[1]["change"] == "101")
    #expect(values[1]["area"] == "Xã Phước Hiệp")
    #expect(
      outliers[1]["message"] as? String
        == "Ô C8 trang 'Biểu 01': tổng số hộ của địa bàn 'Xã Phước Hiệp' năm 2020 là 4.446, năm trước là 2.210: "
        + "thay đổi 101% trong một năm, quá ngưỡng ±30%. Hãy kiểm tra lại số liệu.")
    #expect(outliers.allSatisfy { $0["severity"] as? String == "warning" })
  }

  /// A year alone in the inbox is set against the figures earlier runs recorded.
  @Test func earlierYearsComeFromTheirReportsWithHistory() throws {
    let earlier = try Paths.temporaryFolder()
    let now = try Paths.temporaryFolder()
    for year in 2015...2018 {
      try FileManager.default.copyItem(
        atPath: "\(Self.inbox)/502-\(year).xlsx", toPath: earlier.appendingPathComponent("502-\(year).xlsx").path)
    }
    try FileManager.default.copyItem(
      atPath: "\(Self.inbox)/502-2019.xlsx", toPath: now.appendingPathComponent("502-2019.xlsx").path)
    let history = try Paths.temporaryFolder()
    let first = try thidua(
      ["convert-and-validate", earlier.path, "--year", "2018", "--out", history.appendingPathComponent("2018").path])
    #expect(first.status == 0, "\(first.stderr)")
    func outliers(_ arguments: [String]) throws -> [String] {
      let out = try Paths.temporaryFolder()
      let run = try thidua(["convert-and-validate", now.path, "--out", out.path] + arguments)
      #expect(run.status == 0, "\(run.stderr)")
      let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
      let r = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
      return (r["findings"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "outlier" }.map {
        "\($0["cell"] as? String ?? "") \(($0["values"] as? [String: String])?["rule"] ?? "")"
      }
    }
    // Alone, 2019 has no history; with the 2018 run's report.json it has four years.
    #expect(try outliers([]) == ["J19 rate-drop"])
    #expect(try outliers(["--history", history.path]) == ["J19 rate-drop,unusual-change"])
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
