/// A poverty standard as data (`standards/<id>.json` of a movement's folder): the income
/// lines by area, the deprivation indicators, and the rules that classify a household,
/// so that a household list is checked against the standard of its year and a province
/// may adjust thresholds without a new thidua (docs/households.md).
public struct PovertyStandard: Codable, Hashable, Sendable {
  /// A household's class, as the review lists record it.
  public enum HouseholdClass: String, Codable, Hashable, Sendable, CaseIterable {
    case poor = "ngheo"
    case nearPoor = "can_ngheo"
    /// Neither poor nor near-poor.
    case neither = "khong"
  }

  /// One indicator of deprivation (`bao_hiem_y_te`), and what it measures.
  public struct Indicator: Codable, Hashable, Sendable {
    public var code: String
    /// The basic social service it belongs to (`Y tế`).
    public var service: String
    /// The indicator's name in the instrument.
    public var name: String
    /// When a household counts as deprived, in the words of the instrument or its guidance.
    public var deprivedIf: String
    /// Whether `deprivedIf` was checked against the text of the instrument; false marks a
    /// threshold taken from secondary sources (docs/households.md).
    public var verified: Bool
  }

  /// One rule: a household whose monthly income per person is at most the named line of
  /// its area, and (when given) that is deprived in at least so many indicators, is of
  /// `class`. Rules are tried in order; a household that meets none is `neither`.
  public struct Rule: Codable, Hashable, Sendable {
    public var `class`: HouseholdClass
    /// A key of the area's `incomeLines` (`poor`, `nearPoor`).
    public var incomeAtMost: String
    public var deprivationsAtLeast: Int?
    /// Why, in Vietnamese, for the finding (`nghèo về thu nhập`).
    public var reason: String
    /// The same in English, for `--lang en`.
    public var reasonEn: String?
    /// The instrument's clause (`Điều 2.1.a`).
    public var clause: String
  }

  public var id: String
  public var title: String
  /// The instrument that sets the standard, cited in findings.
  public var instrument: String
  /// The years whose reviews use it (QĐ 59/2015 also for 2021, which extended it).
  public var years: [Int]
  /// Area (`nong_thon`, `thanh_thi`) → line name → VND per person per month.
  public var incomeLines: [String: [String: Double]]
  public var indicators: [Indicator]
  public var rules: [Rule]
  /// Where the figures and rules come from (documents, with what each one was used for).
  public var sources: [String]

  /// The areas a household may be of.
  public static let areas = ["nong_thon", "thanh_thi"]

  /// How a household classifies, and the rule that decided (nil: none held).
  public struct Classification: Hashable, Sendable {
    public var householdClass: HouseholdClass
    public var rule: Rule?
  }

  /// The class of a household of `area` with `income` VND per person per month and
  /// `deprivations` indicators deprived; nil when the standard has no lines for the area.
  public func classify(area: String, income: Double, deprivations: Int) -> Classification? {
    guard let lines = incomeLines[area] else { return nil }
    for rule in rules {
      guard let line = lines[rule.incomeAtMost], income <= line else { continue }
      if let needed = rule.deprivationsAtLeast, deprivations < needed { continue }
      return Classification(householdClass: rule.class, rule: rule)
    }
    return Classification(householdClass: .neither, rule: nil)
  }

  /// What is wrong with the standard as data, each as (place, detail): a rule naming a
  /// line an area lacks, an area thidua does not know, a duplicated indicator code.
  func problems() -> [(at: String, detail: String)] {
    var found: [(String, String)] = []
    for area in incomeLines.keys.sorted() where !Self.areas.contains(area) {
      found.append(("incomeLines.\(area)", "unknown area \(area)"))
    }
    for (k, rule) in rules.enumerated() {
      for area in incomeLines.keys.sorted() where incomeLines[area]?[rule.incomeAtMost] == nil {
        found.append(("rules[\(k)].incomeAtMost", "\(area) has no line \(rule.incomeAtMost)"))
      }
      if let needed = rule.deprivationsAtLeast, needed < 0 || needed > indicators.count {
        found.append(("rules[\(k)].deprivationsAtLeast", "\(needed) of \(indicators.count) indicators"))
      }
    }
    var seen: Set<String> = []
    for (k, indicator) in indicators.enumerated() where !seen.insert(indicator.code).inserted {
      found.append(("indicators[\(k)].code", "duplicate indicator \(indicator.code)"))
    }
    return found
  }
}
