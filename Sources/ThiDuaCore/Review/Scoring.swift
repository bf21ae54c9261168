import SheetIO

/// A unit's criteria for one year, and the points they earn.
public struct YearResult: Sendable {
  public var year: Int
  public var criteria: [CriterionOutcome]
  public var score: Double
  public var allMandatoryMet: Bool
  /// Poverty reduction achieved, in percentage points, when the figures gave one.
  public var reduction: Double?
  public var files: [String]
}

/// A unit's place in the review: its years, its score and its ranks.
public struct UnitResult: Sendable {
  public var unit: RegistryUnit
  public var years: [YearResult]
  /// The review's score: the year's points, or the mean over the period's years (a year
  /// without a submission counts 0).
  public var score: Double
  public var maxScore: Double
  /// Years in which every mandatory criterion was met.
  public var yearsAllMandatoryMet: Int
  public var mandatoryMet: Int
  public var criteriaMet: Int
  public var rankInCategory = 0
  public var rankInCluster: Int?
}

/// Points and ranks (docs/review.md): a met criterion earns its points, anything else
/// none; ranks are competition ranks (1, 2, 2, 4) after the tie-breakers.
enum Scoring {
  /// `list`: the accuracy of the submission's household list, for the criteria it decides.
  static func year(
    _ submission: Submission, previous: Submission? = nil, list: HouseholdListAccuracy? = nil,
    movement: MovementDefinition
  ) -> YearResult {
    var evaluator = CriteriaEvaluator(movement: movement, unit: submission.unit, tables: submission.tables)
    evaluator.previous = previous?.tables
    let criteria = evaluator.evaluate().map { outcome in
      guard let list, let criterion = movement.criterion(outcome.id) else { return outcome }
      return list.decide(outcome, of: criterion)
    }
    var score = 0.0
    var allMandatory = true
    for outcome in criteria {
      guard let criterion = movement.criterion(outcome.id) else { continue }
      if outcome.status == .met { score += criterion.points }
      if criterion.mandatory && outcome.status != .met { allMandatory = false }
    }
    let reduction = criteria.first { $0.reason.hasPrefix(reductionPrefix) }?.values["achieved"].flatMap(Double.init)
    return YearResult(
      year: submission.year, criteria: criteria, score: score, allMandatoryMet: allMandatory, reduction: reduction,
      files: submission.files)
  }

  /// The reasons whose `achieved` value is the poverty reduction the ranking's last
  /// tie-break compares (the shipped reduction criteria's declared outcomes).
  static let reductionPrefix = "reduction-"

  /// Whether a criterion of the movement can give that reduction.
  static func ranksByReduction(_ movement: MovementDefinition) -> Bool {
    movement.criteria.contains { c in
      [c.outcomes?.met, c.outcomes?.notMet].contains { $0?.reason.hasPrefix(reductionPrefix) == true }
    }
  }

  /// `findings`: the review's, which say whether each household list is accurate.
  static func results(
    _ submissions: [Submission], period: [Int], movement: MovementDefinition, findings: [Finding] = []
  ) -> [UnitResult] {
    var byUnit: [String: [Submission]] = [:]
    // Every year the inbox holds, for `previous(…)`: the year before the period's first too.
    var sent: [String: Submission] = [:]
    for s in submissions {
      sent["\(s.unit.code)/\(s.year)"] = s
      if period.contains(s.year) { byUnit[s.unit.code, default: []].append(s) }
    }
    let defects = HouseholdListAccuracy.defectsByFile(findings)
    var results: [UnitResult] = byUnit.values.map { list in
      let years = list.sorted { $0.year < $1.year }.map {
        year(
          $0, previous: sent["\($0.unit.code)/\($0.year - 1)"],
          list: HouseholdListAccuracy($0, defectsByFile: defects, movement: movement), movement: movement)
      }
      let unit = list[0].unit
      let total = years.reduce(0) { $0 + $1.score }
      let latest = years.last?.criteria ?? []
      return UnitResult(
        unit: unit, years: years, score: (total / Double(max(period.count, 1))).hundredths,
        maxScore: movement.maxPoints[unit.category] ?? 100,
        yearsAllMandatoryMet: years.filter(\.allMandatoryMet).count,
        mandatoryMet: latest.filter { $0.status == .met && movement.criterion($0.id)?.mandatory == true }.count,
        criteriaMet: latest.filter { $0.status == .met }.count)
    }
    rank(&results, within: { $0.unit.category }) { $0.rankInCategory = $1 }
    rank(&results, within: { $0.unit.cluster }) { $0.rankInCluster = $1 }
    return results.sorted {
      ($0.unit.category, $0.rankInCategory, $0.unit.code) < ($1.unit.category, $1.rankInCategory, $1.unit.code)
    }
  }

  /// Orders by score, then mandatory criteria met, then criteria met, then the poverty
  /// reduction of the last year; units equal on all four share a rank.
  static func rank(
    _ results: inout [UnitResult], within group: (UnitResult) -> String?, set: (inout UnitResult, Int) -> Void
  ) {
    var groups: [String: [Int]] = [:]
    for (i, r) in results.enumerated() {
      if let g = group(r) { groups[g, default: []].append(i) }
    }
    for indices in groups.values {
      let ordered = indices.sorted {
        let (a, b) = (key(results[$0]), key(results[$1]))
        return a != b ? a.lexicographicallyPrecedes(b, by: >) : results[$0].unit.code < results[$1].unit.code
      }
      var rank = 0
      for (position, i) in ordered.enumerated() {
        if position == 0 || key(results[ordered[position - 1]]) != key(results[i]) { rank = position + 1 }
        set(&results[i], rank)
      }
    }
  }

  /// The ranking key, larger first; a missing reduction ranks below any figure.
  static func key(_ r: UnitResult) -> [Double] {
    [r.score, Double(r.mandatoryMet), Double(r.criteriaMet), r.years.last?.reduction ?? -.infinity]
  }
}
