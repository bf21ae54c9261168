import SheetIO

/// `awards.json`: how recommendations are made, per review kind and category, and
/// the reporting deadline. The plan leaves the award guidance to Sở Nội vụ (IV.5), so
/// every figure here is a default a Board may edit (docs/review.md).
public struct AwardRules: Codable, Sendable {
  /// One award form and the conditions a unit must meet for it.
  public struct Rule: Codable, Hashable, Sendable {
    /// `annual`, `so-ket` or `tong-ket`.
    public var review: String
    public var categories: [String]
    public var form: String
    /// Points out of the category's maximum (the period's mean in multi-year reviews).
    public var minScore: Double
    public var allMandatoryMet: Bool
    /// Multi-year reviews: years of the period in which every mandatory criterion was met.
    public var minYearsAllMandatoryMet: Int?
    /// Only units ranked this high in their category.
    public var maxRank: Int?
    /// At most this share of the category's ranked units (rounded down, at least one).
    public var quotaShare: Double?
    /// The clause or article the rule rests on, shown with each recommendation.
    public var basis: String
  }

  public struct NomineeRules: Codable, Hashable, Sendable {
    public var householdMinYearsOutOfPoverty: Int
    public var householdClause: String
    public var enterpriseClause: String
  }

  public var note: String?
  /// `dd/mm` in the reporting year, or `dd/mm/+1` in the year after it (reports on a
  /// year are signed when its review of households ends, mostly in January): a report
  /// dated later is a late submission.
  public var reportDeadline: String?
  /// Deadlines of their own by unit category (`XA`: communes report to their district
  /// before the district reports on): the same forms as `reportDeadline`.
  public var reportDeadlineByCategory: [String: String]?
  public var nominees: NomineeRules?
  /// In order of precedence: a unit gets the form of the first rule it meets, and only
  /// that one (one award form per achievement, Luật Thi đua, Khen thưởng, Điều 6).
  public var rules: [Rule]

  public static let none = AwardRules(
    note: nil, reportDeadline: nil, reportDeadlineByCategory: nil, nominees: nil, rules: [])

  public static let reviewKinds: Set<String> = ["annual", "so-ket", "tong-ket"]

  /// The deadline of reports on `year` by a unit of `category`, as a serial comparable
  /// with `ExcelDate.serial`.
  public func deadlineSerial(year: Int, category: String? = nil) -> Double? {
    guard let deadline = category.flatMap({ reportDeadlineByCategory?[$0] }) ?? reportDeadline else { return nil }
    return Self.serial(deadline, year: year)
  }

  /// `dd/mm` in `year`, or `dd/mm/+1` in the year after; nil for anything else.
  static func serial(_ deadline: String, year: Int) -> Double? {
    let parts = deadline.split(separator: "/")
    guard parts.count == 2 || (parts.count == 3 && parts[2] == "+1") else { return nil }
    return VietnameseDate.serial("\(parts[0])/\(parts[1])/\(year + (parts.count == 3 ? 1 : 0))")
  }
}
