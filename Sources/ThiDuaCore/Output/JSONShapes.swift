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
