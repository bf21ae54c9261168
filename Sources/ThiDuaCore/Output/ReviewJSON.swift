import Foundation
public import SheetIO

/// `out/report.json`: the whole review for machines (schema in docs/review.md). Keys are
/// sorted and nothing depends on the clock, so one inbox always gives the same bytes.
public struct ReviewJSON: Encodable {
  struct FileEntry: Encodable {
    var name: String
    var sha256: String
    var size: Int
    /// The format the content showed (`xlsx`, `html`, `docx` …), whatever the name says.
    var format: String?
    var fate: String
    var related: [String]
    var forms: [String]
    var unit: String?
    var year: Int?
    var reportDate: String?
    /// All of the file's findings, and its errors, whether they stand or not.
    var findingCount: Int
    var errorCount: Int
    /// The e-mail the file came attached to.
    var mail: MailJSON?
  }
  struct YearEntry: Encodable {
    var year: Int
    /// False for a year of the period from which nothing came: it counts 0.
    var submitted: Bool
    var score: Double
    var allMandatoryMet: Bool
    var files: [String]
    var criteria: [OutcomeJSON]
  }
  struct UnitEntry: Encodable {
    var code: String
    var name: String
    var category: String
    var cluster: String?
    var score: Double
    var maxScore: Double
    var rankInCategory: Int
    var rankInCluster: Int?
    var yearsAllMandatoryMet: Int
    var years: [YearEntry]
    /// The unit's feedback workbook (under phan-hoi/) and the fingerprint of what it says.
    var feedback: String?
    var feedbackDigest: String?
  }
  /// The movement definition the run used, and whether it is the shipped one.
  struct DefinitionEntry: Encodable {
    var fingerprint: String
    var shipped: Bool
  }
  struct RunEntry: Encodable {
    var number: Int
    var fingerprint: String
  }
  struct RecommendationEntry: Encodable {
    /// The proposal's stable key (`U-516`, `N-502-1a2b3c4d`), as in the workbook.
    var key: String
    var subject: String
    var name: String
    var unit: String
    var category: String
    var kind: String?
    var score: Double?
    var rank: Int?
    var eligible: Bool
    var form: String?
    var basis: String?
    var reason: String
    /// The reason without the higher forms it missed, for the final award list.
    var achievement: String
    var sources: [SourceJSON]
  }
  struct UnitRef: Encodable {
    var code: String
    var name: String
    var category: String
  }
  struct TargetEntry: Encodable {
    var code: String
    var name: String
    var year: Int
    var area: String?
    var startRate: Double?
    var endRate: Double?
    var reduction: Double?
    var minimum: Double?
    var status: String
    var assigned: Double?
    var assignedStatus: String?
    /// The period's mean yearly reduction, not one year's.
    var periodMean: Bool?
    var rateTarget: Double?
    var rateTargetStatus: String?
    var incomeRatio: Double?
    var incomeStatus: String?
  }
  struct Summary: Encodable {
    var files: Int
    var fates: [String: Int]
    var expectedUnits: Int
    var unitsSubmitted: Int
    var unitsMissing: Int
    var findings: [String: Int]
    var recommended: Int
    /// Files whose worker trapped, hung or ran out of memory (`internal-error`).
    var lostFiles: Int
  }

  struct YearBasis: Encodable {
    var rule: String
    var unitsByYear: [String: Int]
  }

  /// Raised to 2 when `householdLists` came (docs/review.md).
  var schema = "thidua-review/2"
  var movement: String
  var definition: DefinitionEntry
  var review: String
  var year: Int
  /// How the year was chosen (`given`, `most-reports`, `review-kind`) and the units
  /// reporting on each year.
  var yearBasis: YearBasis
  var period: [Int]
  var summary: Summary
  var files: [FileEntry]
  var findings: [FindingJSON]
  var units: [UnitEntry]
  var recommendations: [RecommendationEntry]
  var missing: [UnitRef]
  var targets: [TargetEntry]
  /// Each unit's poverty figures by year: what `--history` reads back next year.
  var figures: [YearFigures]
  /// Each commune's household list checked (docs/households.md).
  var householdLists: [HouseholdListJSON]
  var run: RunEntry?
  /// Every file the run wrote, relative to the results folder: what a later run may
  /// replace; anything else there is the user's and is kept.
  var outputs: [String]?
  var changes: RunChanges?

  /// `stamp`, `changes`, `outputs` and `feedback` (unit code → feedback file and
  /// digest) come from `ReviewOutputs`; without them report.json is as `--json` of a
  /// first run.
  public init(
    _ r: ReviewResult, movement: MovementDefinition, language: Language, stamp: RunStamp? = nil,
    changes: RunChanges? = nil, outputs: [String]? = nil, feedback: [String: (file: String, digest: String)] = [:]
  ) {
    run = stamp.map { RunEntry(number: $0.run, fingerprint: $0.fingerprint) }
    self.changes = changes
    self.outputs = outputs
    self.movement = movement.code
    definition = DefinitionEntry(fingerprint: movement.fingerprint, shipped: movement.isShipped)
    review = r.kind.rawValue
    year = r.year
    yearBasis = YearBasis(
      rule: r.yearChoice.basis.rawValue,
      unitsByYear: Dictionary(uniqueKeysWithValues: r.yearChoice.unitsByYear.map { (String($0.key), $0.value) }))
    period = r.period
    let findings = r.findings
    summary = Summary(
      files: r.files.count,
      fates: Dictionary(grouping: r.files, by: \.fate.rawValue).mapValues(\.count),
      expectedUnits: r.missing.count + Set(r.results.map(\.unit.code)).count,
      unitsSubmitted: Set(r.results.map(\.unit.code)).count, unitsMissing: r.missing.count,
      findings: Dictionary(grouping: findings, by: \.severity.rawValue).mapValues(\.count),
      recommended: r.recommendations.filter(\.eligible).count, lostFiles: r.lostFiles.count)
    files = r.files.map { f in
      FileEntry(
        name: f.file.name, sha256: f.file.sha256, size: f.file.size, format: f.report.format?.rawValue,
        fate: f.fate.rawValue, related: f.related,
        forms: f.usedForms, unit: f.report.unit?.code, year: f.report.year,
        reportDate: f.report.reportDate?.isoText, findingCount: f.report.findings.count,
        errorCount: f.report.findings.filter { $0.severity == .error }.count,
        mail: f.file.mail.map(MailJSON.init))
    }
    self.findings = findings.map { FindingJSON($0, language) }
    units = r.results.map { u in
      UnitEntry(
        code: u.unit.code, name: u.unit.name, category: u.unit.category, cluster: u.unit.cluster, score: u.score,
        maxScore: u.maxScore, rankInCategory: u.rankInCategory, rankInCluster: u.rankInCluster,
        yearsAllMandatoryMet: u.yearsAllMandatoryMet,
        // Every year of the period, those without a submission too (`submitted: false`).
        years: Array(Set(r.period).union(u.years.map(\.year))).sorted().map { year in
          guard let y = u.years.first(where: { $0.year == year }) else {
            return YearEntry(year: year, submitted: false, score: 0, allMandatoryMet: false, files: [], criteria: [])
          }
          return YearEntry(
            year: y.year, submitted: true, score: y.score, allMandatoryMet: y.allMandatoryMet, files: y.files,
            criteria: y.criteria.map(OutcomeJSON.init))
        }, feedback: feedback[u.unit.code]?.file, feedbackDigest: feedback[u.unit.code]?.digest)
    }
    recommendations = r.recommendations.map { x in
      RecommendationEntry(
        key: x.key, subject: x.subject.rawValue, name: x.name, unit: x.unitCode, category: x.category, kind: x.kind,
        score: x.score, rank: x.rank, eligible: x.eligible, form: x.form, basis: x.basis,
        reason: x.reason.text(language), achievement: (x.achievement ?? x.reason).text(language),
        sources: x.sources.map(SourceJSON.init))
    }
    missing = r.missing.map { UnitRef(code: $0.code, name: $0.name, category: $0.category) }
    figures = r.figures
    householdLists = HouseholdListJSON.all(r, movement: movement)
    targets = r.targets.map { t in
      TargetEntry(
        code: t.code, name: t.name, year: t.year, area: t.area, startRate: t.startRate?.hundredths,
        endRate: t.endRate?.hundredths, reduction: t.reduction, minimum: t.minimum, status: t.status.rawValue,
        assigned: t.assigned, assignedStatus: t.assignedStatus?.rawValue, periodMean: t.isPeriodMean ? true : nil,
        rateTarget: t.rateTarget, rateTargetStatus: t.rateTargetStatus?.rawValue, incomeRatio: t.incomeRatio,
        incomeStatus: t.incomeStatus?.rawValue)
    }
  }

  public func text() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }
}
