public import SheetIO

/// Checks one household review list (a table of a `household-list` form) against the
/// poverty standard of its year: each household's class recomputed from its income and
/// deprivations, and the rows no household can have (docs/households.md). What the list
/// says per village is kept as counts, so that the rows can be let go once checked.
public struct HouseholdListCheck: Sendable {
  /// A class as a list records it: the standard's three, and a household that left
  /// poverty this year ("thoát nghèo"), which is right when it is no longer poor.
  public enum Recorded: String, Hashable, Sendable, Codable, CaseIterable {
    case poor = "ngheo"
    case nearPoor = "can_ngheo"
    case escaped = "thoat_ngheo"
    case neither = "khong"

    /// The recorded class in a cell (`Nghèo`, `Hộ cận nghèo`, `Thoát nghèo`, `Không
    /// nghèo`, `CN`); nil for words that name none.
    public init?(_ text: String) {
      let folded = TextFolding.fold(text)
      let t = folded.hasPrefix("ho ") ? String(folded.dropFirst(3)) : folded
      switch t {
      case "ngheo", "n", "ngheo moi", "tai ngheo", "phat sinh ngheo": self = .poor
      case "can ngheo", "cn", "can ngheo moi", "tai can ngheo": self = .nearPoor
      case "thoat ngheo", "tn", "da thoat ngheo": self = .escaped
      case "khong ngheo", "khong", "thoat can ngheo", "khong ngheo khong can ngheo", "binh thuong": self = .neither
      default: return nil
      }
    }

    /// Whether a household of `computed` class may be recorded so.
    func agrees(with computed: PovertyStandard.HouseholdClass) -> Bool {
      switch self {
      case .poor: computed == .poor
      case .nearPoor: computed == .nearPoor
      case .escaped: computed != .poor
      case .neither: computed == .neither
      }
    }
  }

  /// A village's households by the class the list records and by the class recomputed.
  public struct Counts: Hashable, Sendable, Codable {
    public var households = 0
    public var recorded: [Recorded: Int] = [:]
    public var computed: [PovertyStandard.HouseholdClass: Int] = [:]
    public var mismatches = 0
  }

  /// What a list said, without its rows: counts by village (`""` for rows without one)
  /// and the household codes with their first row, for duplicates across lists.
  public struct Summary: Hashable, Sendable, Codable {
    public var villages: [String: Counts] = [:]
    public var households: [String: Int] = [:]
  }

  public let standard: PovertyStandard
  /// Which of the form's fields hold what (`FormRole`, kind household-list).
  public let role: FormRole
  /// The area of a household whose row does not say (`nong_thon` for a commune,
  /// `thanh_thi` for a ward or town).
  public let defaultArea: String

  /// The field of each of the standard's indicators: the role's prefix and its code.
  private let indicatorFields: [String]

  public init(standard: PovertyStandard, role: FormRole, defaultArea: String) {
    self.standard = standard
    self.role = role
    self.defaultArea = defaultArea
    indicatorFields = standard.indicators.map { (role.indicatorPrefix ?? "") + $0.code }
  }

  /// The area a commune's households are in when a list does not say: a ward (phường) or
  /// a town (thị trấn) is urban, any other commune rural.
  public static func area(ofCommune name: String) -> String {
    let folded = TextFolding.fold(name)
    return folded.hasPrefix("phuong") || folded.hasPrefix("thi tran") ? "thanh_thi" : "nong_thon"
  }

  /// The findings of `table`, located in its file and sheet, and its summary.
  public func check(_ table: FileReport.Table) -> (findings: [Finding], summary: Summary) {
    var findings: [Finding] = []
    var summary = Summary()
    // A list repeats a few classes and areas: each text read once.
    var recordedByText: [String: Recorded?] = [:]
    var areaByText: [String: String?] = [:]
    func recorded(_ text: String) -> Recorded? {
      if let known = recordedByText[text] { return known }
      let found = Recorded(text)
      recordedByText.updateValue(found, forKey: text)
      return found
    }
    func area(_ text: String?) -> String? {
      guard let text else { return nil }
      if let known = areaByText[text] { return known }
      let found = Self.area(text)
      areaByText.updateValue(found, forKey: text)
      return found
    }
    for (index, row) in table.rows.enumerated() {
      let cells = index < table.cells.count ? table.cells[index] : [:]
      func at(_ field: String?) -> Location {
        Location(file: table.file, sheet: table.sheet, cell: field.flatMap { cells[$0] } ?? cells.values.min())
      }
      func value(_ field: String?) -> CellValue? { field.flatMap { row[$0] } }
      let code = Self.text(value(role.household))
      let village = Self.text(value(role.village)) ?? ""
      // A finding's values, made only for a row that has one; a duplicate's name the first
      // row. The village groups the households to re-examine in the commune's feedback.
      let firstRow = code.flatMap { summary.households[$0] }
      var values: [String: String] {
        var values = ["household": code ?? "", "head": Self.text(value(role.head)) ?? "", "village": village]
        if let firstRow { values["first_row"] = String(firstRow) }
        return values
      }
      if let code {
        if firstRow != nil {
          findings.append(
            Finding(code: "duplicate-household", severity: .error, location: at(role.household), values: values))
        } else {
          summary.households[code] = at(role.household).cell?.row ?? (table.headerRows.upperBound + index + 1)
        }
      }
      if let members = value(role.members)?.number, members < 1 {
        findings.append(
          Finding(code: "household-no-members", severity: .error, location: at(role.members), values: values))
      }
      summary.villages[village, default: Counts()].households += 1
      let income = value(role.income)?.number
      if let income, income < 0 {
        findings.append(
          Finding(
            code: "household-income-negative", severity: .error, location: at(role.income),
            values: values.merging(["income": FieldSchema.edgeText(income)]) { $1 }))
      }
      guard let recordedText = Self.text(value(role.recordedClass)) else { continue }
      guard let recorded = recorded(recordedText) else {
        findings.append(
          Finding(
            code: "household-class-unknown", severity: .warning, location: at(role.recordedClass),
            values: values.merging(["seen": recordedText]) { $1 }))
        continue
      }
      summary.villages[village]!.recorded[recorded, default: 0] += 1
      guard let income, income >= 0 else { continue }
      let area = area(Self.text(value(role.householdArea))) ?? defaultArea
      let deprivations = deprivationCount(row)
      guard let result = standard.classify(area: area, income: income, deprivations: deprivations) else { continue }
      summary.villages[village]!.computed[result.householdClass, default: 0] += 1
      if !recorded.agrees(with: result.householdClass) {
        summary.villages[village]!.mismatches += 1
        let reasons: [String: String] = [
          "recorded": recorded.rawValue, "computed": result.householdClass.rawValue,
          "income": CanonicalCSV.numberText(income), "deprivations": String(deprivations),
          "area": area, "rule": result.rule?.reason ?? Self.noRule.vi,
          "rule_en": result.rule?.reasonEn ?? result.rule?.reason ?? Self.noRule.en,
          "clause": result.rule?.clause ?? "",
          "standard": standard.instrument,
        ]
        let mismatch = values.merging(reasons) { $1 }
        findings.append(
          Finding(
            code: "classification-mismatch", severity: .error, location: at(role.recordedClass), values: mismatch))
      }
    }
    return (findings, summary)
  }

  /// Why a household is neither poor nor near-poor: no rule of the standard holds.
  static let noRule = (
    vi: "không đáp ứng điều kiện hộ nghèo hay hộ cận nghèo nào của chuẩn",
    en: "it meets none of the standard's conditions for a poor or near-poor household"
  )

  /// The indicators a household is deprived in: its marks in the indicator columns the
  /// list has (the role's prefix and the indicator's code), else the count it states.
  func deprivationCount(_ row: [String: CellValue]) -> Int {
    let marked = indicatorFields.compactMap { row[$0] }
    if marked.contains(where: Self.isPresent) { return marked.filter(Self.isDeprived).count }
    let stated = role.deprivationCount.flatMap { row[$0]?.number } ?? 0
    return WholeNumber.clamped(stated, to: 0...standard.indicators.count)
  }

  /// A mark of deprivation: `x`, `1`, `Có`, `Thiếu hụt`, TRUE; not `0`, `Không`, `-`, FALSE.
  static func isDeprived(_ value: CellValue) -> Bool {
    switch value {
    case .number(let n): return n != 0
    case .boolean(let b): return b
    case .text(let t):
      let folded = TextFolding.fold(t)
      return !(folded.isEmpty || notDeprived.contains(folded))
    case .empty, .date, .error: return false
    }
  }

  private static let notDeprived: Set<String> = ["0", "khong", "k", "no", "false", "khong thieu hut"]

  /// Whether `text(value)` is not nil, without making the text.
  static func isPresent(_ value: CellValue) -> Bool {
    switch value {
    case .text(let t): return !t.trimmingSpaces.isEmpty
    case .number: return true
    default: return false
    }
  }

  /// `Nông thôn`, `NT`, `Thành thị`, `TT`, `1` (rural) or `2` (urban), as the review software
  /// codes them; nil when blank or unknown.
  static func area(_ text: String?) -> String? {
    guard let text else { return nil }
    switch TextFolding.fold(text) {
    case "nong thon", "nt", "1", "xa": return "nong_thon"
    case "thanh thi", "tt", "2", "phuong", "thi tran": return "thanh_thi"
    default: return nil
    }
  }

  /// A cell's text, trimmed; a number as its canonical text; nil when blank.
  static func text(_ value: CellValue?) -> String? {
    switch value {
    case .text(let t)?:
      let trimmed = t.trimmingSpaces
      return trimmed.isEmpty ? nil : trimmed
    case .number(let n)?: return CanonicalCSV.numberText(n)
    default: return nil
    }
  }
}
