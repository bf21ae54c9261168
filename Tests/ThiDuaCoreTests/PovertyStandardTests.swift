import Foundation
import Testing

@testable import ThiDuaCore

/// The poverty standards shipped as data (standards/*.json) classify households as the
/// instruments do (docs/households.md), at every edge of their income lines.
@Suite struct PovertyStandardTests {
  static let movement = try! MovementDefinition.shipped()

  static func classOf(_ year: Int, _ area: String, _ income: Double, _ deprivations: Int) -> String? {
    movement.povertyStandard(forYear: year)?.classify(area: area, income: income, deprivations: deprivations)?
      .householdClass.rawValue
  }

  @Test func eachYearHasItsStandard() {
    #expect(Self.movement.standards.map(\.id) == ["nd-07-2021", "qd-59-2015"])
    // 2021 kept the 2016–2020 standard; the new one applies from 2022.
    #expect(
      (2016...2021).map { Self.movement.povertyStandard(forYear: $0)?.id } == Array(repeating: "qd-59-2015", count: 6))
    #expect(
      (2022...2025).map { Self.movement.povertyStandard(forYear: $0)?.id } == Array(repeating: "nd-07-2021", count: 4))
    #expect(Self.movement.povertyStandard(forYear: 2015) == nil)
    #expect(Self.movement.povertyStandard(forYear: 2017)?.indicators.count == 10)
    #expect(Self.movement.povertyStandard(forYear: 2022)?.indicators.count == 12)
  }

  @Test func from2016To2021IncomeAloneOrTheBandWithThreeDeprivations() {
    // Rural lines 700.000 and 1.000.000: "từ đủ 700.000 đồng trở xuống" is ≤.
    #expect(Self.classOf(2017, "nong_thon", 700_000, 0) == "ngheo")
    #expect(Self.classOf(2017, "nong_thon", 700_001, 2) == "can_ngheo")
    #expect(Self.classOf(2017, "nong_thon", 700_001, 3) == "ngheo")
    #expect(Self.classOf(2017, "nong_thon", 1_000_000, 3) == "ngheo")
    #expect(Self.classOf(2017, "nong_thon", 1_000_000, 0) == "can_ngheo")
    // Above the near-poor line, deprivations alone make no poor household.
    #expect(Self.classOf(2017, "nong_thon", 1_000_001, 10) == "khong")
    // Urban lines 900.000 and 1.300.000.
    #expect(Self.classOf(2019, "thanh_thi", 900_000, 0) == "ngheo")
    #expect(Self.classOf(2019, "thanh_thi", 900_001, 0) == "can_ngheo")
    #expect(Self.classOf(2019, "thanh_thi", 1_300_000, 4) == "ngheo")
    #expect(Self.classOf(2019, "thanh_thi", 1_300_001, 4) == "khong")
    // The rule that decides is named for the finding.
    let standard = Self.movement.povertyStandard(forYear: 2017)!
    #expect(standard.classify(area: "nong_thon", income: 800_000, deprivations: 3)?.rule?.deprivationsAtLeast == 3)
    #expect(standard.classify(area: "nong_thon", income: 600_000, deprivations: 3)?.rule?.deprivationsAtLeast == nil)
    #expect(standard.classify(area: "nong_thon", income: 2_000_000, deprivations: 0)?.rule == nil)
    #expect(standard.classify(area: "mien_nui", income: 0, deprivations: 0) == nil)
  }

  @Test func from2022LowIncomeNeedsThreeDeprivationsToBePoor() {
    #expect(Self.classOf(2022, "nong_thon", 1_500_000, 3) == "ngheo")
    #expect(Self.classOf(2022, "nong_thon", 1_500_000, 2) == "can_ngheo")
    // Under 2016–2020 this household was poor by its income alone.
    #expect(Self.classOf(2022, "nong_thon", 500_000, 0) == "can_ngheo")
    #expect(Self.classOf(2021, "nong_thon", 500_000, 0) == "ngheo")
    #expect(Self.classOf(2022, "nong_thon", 1_500_001, 12) == "khong")
    #expect(Self.classOf(2024, "thanh_thi", 2_000_000, 3) == "ngheo")
    #expect(Self.classOf(2024, "thanh_thi", 2_000_001, 3) == "khong")
  }

  @Test func movementCheckRefusesAStandardThatCannotBeUsed() throws {
    try withDefinitionCopy { folder in
      let path = folder + "/standards/nd-07-2021.json"
      var json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
      json["years"] = [2021, 2022]
      var rules = try #require(json["rules"] as? [[String: Any]])
      rules[0]["incomeAtMost"] = "nearPoor"
      json["rules"] = rules
      try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
      let problems = MovementCheck.problems(folder: folder)
      #expect(
        problems.map { "\($0.code) \($0.detail)" } == [
          "bad-standard nong_thon has no line nearPoor", "bad-standard thanh_thi has no line nearPoor",
          "standard-year-taken 2021: nd-07-2021",
        ])
    }
  }

  @Test func movementCheckRefusesSummaryFieldsTheSummaryLacks() throws {
    try withDefinitionCopy { folder in
      let path = folder + "/forms/DANH_SACH_HO.json"
      let text = try String(contentsOfFile: path, encoding: .utf8)
        .replacingOccurrences(of: "\"ho_thoat_ngheo\"", with: "\"ho_thoat_ngheo_nam\"")
        .replacingOccurrences(of: "\"can_ngheo\": ", with: "\"gan_ngheo\": ")
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      #expect(
        MovementCheck.problems(folder: folder).map { "\($0.code) \($0.detail)" } == [
          "role-field-missing summaryFields: gan_ngheo is no class (ngheo, can_ngheo, thoat_ngheo, khong)",
          "role-field-missing summaryFields.thoat_ngheo: CHI_TIEU.ho_thoat_ngheo_nam",
        ])
    }
  }

  /// A copy of the shipped definition in a temporary folder.
  func withDefinitionCopy(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-standard-\(UUID().uuidString)")
      .path
    try FileManager.default.copyItem(atPath: try MovementDefinition.shippedFolder(), toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try body(folder)
  }
}
