import SheetIO

/// One form of a movement as a table schema (Frictionless Table Schema in spirit, with
/// header variants added): the same definition drives the importer, the validator, the
/// templates and the docs.
public struct FormSchema: Codable, Hashable, Sendable {
  public enum Layout: String, Codable, Sendable {
    /// One row per record under a header row.
    case rows
    /// One row per field: title in the first column, value in the second.
    case keyValue = "key-value"
  }

  public var name: String
  /// The sheet's name in templates (31 characters at most); the title when absent.
  public var sheetName: String?
  public var title: String
  /// The title in English, for `--lang en`.
  public var titleEn: String?
  public var layout: Layout
  /// What the review takes the form for; a form without one is read, checked and
  /// normalized, and no criterion reads it by role.
  public var role: FormRole?
  public var description: String?
  public var fields: [FieldSchema]

  /// The form's field named `name`.
  public func field(_ name: String) -> FieldSchema? { fields.first { $0.name == name } }
}

public struct FieldSchema: Codable, Hashable, Sendable {
  public enum FieldType: String, Codable, Sendable {
    case string, integer, number, percent, date, `enum`

    /// A count, an amount or a rate: a cell of it holds a figure.
    public var isNumeric: Bool { self == .integer || self == .number || self == .percent }
  }

  public struct Constraints: Codable, Hashable, Sendable {
    public var required: Bool?
    public var minimum: Double?
    public var maximum: Double?
    public var `enum`: [String]?
  }

  /// Stable code, such as `ho_ngheo_cuoi_nam`.
  public var name: String
  /// The usual Vietnamese column title.
  public var title: String
  /// Other titles seen in real workbooks.
  public var variants: [String]?
  /// How a column's header or a row's label is recognised as this field (docs/findings.md);
  /// when absent, the title and the variants are the phrases.
  public var match: MatchRule?
  public var type: FieldType
  public var unit: String?
  public var constraints: Constraints?
  /// The value an empty cell stands for (`0` for relapsed households: "để trống nếu không
  /// có"); nil when an empty cell is no value.
  public var whenBlank: Double?
  /// What to enter, in Vietnamese, for the template's instructions.
  public var description: String?

  public var isRequired: Bool { constraints?.required ?? false }

  /// The bound `n` breaks, as shown in messages (`≥ 0`, `≤ 100`); nil when within
  /// range. Percentages are 0–100 unless the form says otherwise.
  /// The values a number of the field may take, as findings print it: the form's bounds,
  /// else ±2^53 (`WholeNumber.limit`), beyond which no figure is exact.
  public var allowedRange: String {
    let minimum = constraints?.minimum ?? (type == .percent ? 0 : -WholeNumber.limit)
    let maximum = constraints?.maximum ?? (type == .percent ? 100 : WholeNumber.limit)
    return "\(CanonicalCSV.numberText(minimum)) … \(CanonicalCSV.numberText(maximum))"
  }

  /// A number as a finding quotes it: NaN and ±INF as xsd:double writes them.
  public static func edgeText(_ n: Double) -> String {
    if n.isNaN { return "NaN" }
    if n.isInfinite { return n < 0 ? "-INF" : "INF" }
    return CanonicalCSV.numberText(n)
  }

  public func rangeViolation(_ n: Double) -> String? {
    let minimum = constraints?.minimum ?? (type == .percent ? 0 : nil)
    let maximum = constraints?.maximum ?? (type == .percent ? 100 : nil)
    if let minimum, n < minimum { return "≥ \(CanonicalCSV.numberText(minimum))" }
    if let maximum, n > maximum { return "≤ \(CanonicalCSV.numberText(maximum))" }
    return nil
  }
}

/// The words that recognise a field in a header or a label, written as Vietnamese phrases
/// (folded when compared: case, diacritics and punctuation do not count).
public struct MatchRule: Codable, Hashable, Sendable {
  /// Every group must be present: each group lists alternative phrases, one of which
  /// must stand in the header (`[["thoát nghèo"], ["số hộ", "hộ"]]`).
  public var all: [[String]]
  /// Phrases that add to the score when present: a unit word, a usual qualifier.
  public var any: [String]?
  /// Phrases that rule the field out: `cận nghèo` for a count of poor households.
  public var none: [String]?
}
