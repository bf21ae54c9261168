public import SheetIO

/// A finding as the JSON outputs print it (docs/findings.md).
public struct FindingJSON: Encodable, Sendable {
  public var code: String
  public var severity: String
  public var file: String
  public var sheet: String?
  public var cell: String?
  public var values: [String: String]
  public var message: String

  public init(_ f: Finding, _ language: Language) {
    code = f.code
    severity = f.severity.rawValue
    file = f.location.file
    sheet = f.location.sheet
    cell = f.location.cell?.description
    values = f.values.filter { !$0.key.hasPrefix("message") }
    message = Messages.text(f, language)
  }
}

/// A source cell of an outcome or a recommendation.
public struct SourceJSON: Encodable, Sendable {
  public var file: String
  public var sheet: String?
  public var cell: String?

  public init(_ l: Location) {
    file = l.file
    sheet = l.sheet
    cell = l.cell?.description
  }
}

/// A criterion outcome as the JSON outputs print it.
public struct OutcomeJSON: Encodable, Sendable {
  public var id: String
  public var status: String
  public var reason: String
  public var values: [String: String]
  public var sources: [SourceJSON]

  public init(_ o: CriterionOutcome) {
    id = o.id
    status = o.status.rawValue
    reason = o.reason
    values = o.values
    sources = o.sources.map(SourceJSON.init)
  }
}

/// One data row of a table as `validate --json` prints it: each field's value in its
/// canonical text (numbers as `2345` or `5.21`, dates as `2017-12-15`) and its cell.
public struct RowJSON: Encodable, Sendable {
  public var row: Int?
  public var values: [String: String]
  public var cells: [String: String]

  public init(values: [String: CellValue], cells: [String: CellAddress]) {
    row = cells.values.map(\.row).min()
    self.values = values.mapValues { CanonicalCSV.text($0) }
    self.cells = cells.filter { values[$0.key] != nil }.mapValues(\.description)
  }
}
