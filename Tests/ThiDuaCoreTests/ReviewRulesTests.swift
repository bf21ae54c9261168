import Foundation
import SheetIO
import Testing

@testable import ThiDuaCore

/// The review's rules on made-up units: competition ranks and tie-breakers, quotas with a
/// tie at their edge, one form per unit, copies and versions, formula-looking text.
@Suite struct ReviewRulesTests {
  static func unit(_ code: String, _ category: String = "HUYEN", cluster: String? = "Cụm") -> RegistryUnit {
    RegistryUnit(
      code: code, name: "Đơn vị \(code)", aliases: [], category: category, parent: nil, areaType: nil, poorArea: nil,
      cluster: cluster, isSample: true)
  }

  static func result(_ code: String, score: Double, mandatory: Int = 1, met: Int = 4, reduction: Double? = nil)
    -> UnitResult
  {
    let year = YearResult(
      year: 2017, criteria: [], score: score, allMandatoryMet: mandatory > 0, reduction: reduction, files: [])
    return UnitResult(
      unit: unit(code), years: [year], score: score, maxScore: 100, yearsAllMandatoryMet: mandatory > 0 ? 1 : 0,
      mandatoryMet: mandatory, criteriaMet: met)
  }

  func ranks(_ results: [UnitResult]) -> [String] {
    var list = results
    Scoring.rank(&list, within: { $0.unit.category }) { $0.rankInCategory = $1 }
    return list.sorted { ($0.rankInCategory, $0.unit.code) < ($1.rankInCategory, $1.unit.code) }
      .map { "\($0.unit.code)=\($0.rankInCategory)" }
  }

  @Test func equalUnitsShareARankAndTheNextRankIsSkipped() {
    #expect(
      ranks([
        Self.result("A", score: 90), Self.result("B", score: 75), Self.result("C", score: 75),
        Self.result("D", score: 50),
      ])
        == ["A=1", "B=2", "C=2", "D=4"])
  }

  @Test func tieBreakersComeBeforeATie() {
    // Same score: more mandatory criteria met first, then more criteria, then the reduction.
    let results = [
      Self.result("A", score: 75, mandatory: 0, met: 3), Self.result("B", score: 75, mandatory: 1, met: 3),
      Self.result("C", score: 75, mandatory: 1, met: 3, reduction: 2.5),
      Self.result("D", score: 75, mandatory: 1, met: 3, reduction: 1.0),
    ]
    #expect(ranks(results) == ["C=1", "D=2", "B=3", "A=4"])
  }

  @Test func aQuotaIncludesEveryUnitTiedAtItsEdgeAndEachUnitGetsOneForm() throws {
    let m = try MovementDefinition.shipped()
    // Ten districts: quota 20 % = 2; B and C tie at rank 2, so both get the province's form.
    var results = [Self.result("A", score: 100), Self.result("B", score: 95), Self.result("C", score: 95)]
    results += (1...7).map { Self.result("X\($0)", score: 92 - Double($0)) }
    Scoring.rank(&results, within: { $0.unit.category }) { $0.rankInCategory = $1 }
    results.sort { ($0.rankInCategory, $0.unit.code) < ($1.rankInCategory, $1.unit.code) }
    let proposals = Recommender(movement: m, review: "annual", periodYears: 1).units(results)
    let forms = proposals.map { "\($0.unitCode):\($0.form ?? "-")" }
    #expect(
      forms.prefix(4) == [
        "A:Bằng khen của Chủ tịch UBND tỉnh", "B:Bằng khen của Chủ tịch UBND tỉnh",
        "C:Bằng khen của Chủ tịch UBND tỉnh", "X1:Ghi nhận trong bình xét thi đua cuối năm",
      ])
    #expect(proposals[3].reason.vi.contains("Bằng khen của Chủ tịch UBND tỉnh: đã hết hạn mức 2 đơn vị"))
    #expect(proposals.allSatisfy { $0.form == nil || $0.eligible })
  }

  @Test func aUnitMissingAMandatoryCriterionIsNotProposed() throws {
    let m = try MovementDefinition.shipped()
    let proposals = Recommender(movement: m, review: "annual", periodYears: 1).units([
      Self.result("A", score: 100, mandatory: 0)
    ])
    #expect(proposals[0].eligible == false)
    #expect(proposals[0].reason.vi.contains("chưa đạt đủ tiêu chí bắt buộc"))
  }

  static func file(_ name: String, hash: String, unit: RegistryUnit?, date: Double?, forms: [String]) -> (
    InboxFile, FileReport
  ) {
    var report = FileReport(file: name)
    report.unit = unit
    report.year = unit == nil ? nil : 2017
    report.reportDate = date.map { ExcelDate(serial: $0, uses1904: false) }
    report.tables = forms.map {
      FileReport.Table(
        file: name, sheet: "S", form: $0, headerRows: 1...1, dataRows: 0, fromTemplate: false, rows: [], cells: [],
        total: nil)
    }
    return (InboxFile(name: name, path: name, size: 1, sha256: hash, modified: 0), report)
  }

  @Test func copiesVersionsAndFormsSplitOverFiles() {
    let u = Self.unit("502")
    let files = [
      Self.file("a (1).xlsx", hash: "h1", unit: u, date: 43080, forms: ["CHI_TIEU", "THONG_TIN"]),
      Self.file("a.xlsx", hash: "h1", unit: u, date: 43080, forms: ["CHI_TIEU", "THONG_TIN"]),
      Self.file("b.xlsx", hash: "h2", unit: u, date: 43085, forms: ["CHI_TIEU"]),
      Self.file("c.csv", hash: "h3", unit: u, date: nil, forms: ["TIEU_CHI"]),
    ]
    let (received, submissions) = SubmissionGrouping.group(files, years: [2017])
    #expect(received.map(\.fate) == [.duplicate, .used, .used, .used])
    #expect(received[0].related == ["a.xlsx"])
    // The newer b.xlsx gives CHI_TIEU; a.xlsx still gives THONG_TIN; c.csv TIEU_CHI.
    #expect(received[1].usedForms == ["THONG_TIN"])
    #expect(received[2].usedForms == ["CHI_TIEU"])
    #expect(submissions.count == 1)
    #expect(submissions[0].tables["CHI_TIEU"]?.file == "b.xlsx")
    #expect(submissions[0].files == ["a.xlsx", "b.xlsx", "c.csv"])
  }

  @Test func formulaLookingTextIsNeutralised() {
    for text in ["=1+1", "+84", "-x", "@SUM(A1)", "\tx", "\rx", "\0x"] {
      #expect(NormalizedCSV.neutralised(text) == "'" + text)
    }
    for text in ["Xã Tam Quang", "1.234", "'quoted", " =spaced"] { #expect(NormalizedCSV.neutralised(text) == text) }
  }

  @Test func numbersAsVietnameseAndEnglishWrite() {
    #expect(Words(language: .vi).number(1234.5) == "1.234,5")
    #expect(Words(language: .en).number(1234.5) == "1,234.5")
    #expect(Words(language: .vi).number(-0.004) == "0")
    #expect(Words(language: .vi).number(1_500_000, digits: 0) == "1.500.000")
  }
}
