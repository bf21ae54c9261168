public import Foundation

/// Where the Board's years are kept: every file received with its bytes, what the
/// intake made of it, the figures with their source cells, each review run and an
/// audit log. One interface, so that the SQLite store of one office (`SQLiteWorkspace`)
/// can be joined by a PostgreSQL one for a central deployment (docs/workspace.md).
public protocol WorkspaceStore: Sendable {
  /// Keeps the bytes of the file at `path` (synced before anything is recorded) and
  /// records it as received under `name`; a file received again with the same name and
  /// bytes is the earlier record (`isNew` false), its bytes kept once.
  func receive(path: String, name: String, by user: String, at date: Date) throws -> ReceivedRecord
  /// The same for bytes that came over the network.
  func receive(bytes: [UInt8], name: String, by user: String, at date: Date) throws -> ReceivedRecord
  /// Records a review run with every file's intake, findings and figures, in one
  /// transaction; its number.
  func record(_ run: RunRecord) throws -> Int64
  func receivedFiles() throws -> [ReceivedRecord]
  func runs() throws -> [RunSummary]
  /// The run's files (those of `unit` only, when given), each with its findings.
  func intake(ofRun run: Int64, unit: String?) throws -> [IntakeRecord]
  func figures(ofRun run: Int64) throws -> [FigureRecord]
  /// A received file's bytes, as they came.
  func bytes(sha256: String) throws -> [UInt8]
  func auditLog() throws -> [AuditEntry]
}

extension WorkspaceStore {
  public func intake(ofRun run: Int64) throws -> [IntakeRecord] { try intake(ofRun: run, unit: nil) }
}

/// A file as received: its name, the SHA-256 and size of its bytes, when and from whom.
public struct ReceivedRecord: Sendable, Hashable {
  public var id: Int64
  public var name: String
  public var sha256: String
  public var size: Int
  public var receivedAt: Date
  public var receivedBy: String
  /// False when the same name and bytes had been received before.
  public var isNew: Bool
}

/// One review run to record: the movement and definition it used, the year and kind, the
/// run's report.json, and what became of each file.
public struct RunRecord: Sendable {
  public var movement: String
  public var definition: String
  public var kind: String
  public var year: Int
  public var at: Date
  public var by: String
  public var report: String
  public var intake: [IntakeRecord]
  public var figures: [FigureRecord]

  public init(
    movement: String, definition: String, kind: String, year: Int, at: Date, by: String, report: String,
    intake: [IntakeRecord], figures: [FigureRecord]
  ) {
    self.movement = movement
    self.definition = definition
    self.kind = kind
    self.year = year
    self.at = at
    self.by = by
    self.report = report
    self.intake = intake
    self.figures = figures
  }
}

public struct RunSummary: Sendable, Hashable {
  public var number: Int64
  public var movement: String
  public var kind: String
  public var year: Int
  public var at: Date
  public var by: String
  public var files: Int
}

/// What the intake made of one file of a run: a received file, or a member of one (an
/// archive's or an e-mail's, `container` naming the received file it came in).
public struct IntakeRecord: Sendable, Hashable {
  public var name: String
  public var sha256: String
  /// The received file this one is, or came inside.
  public var container: String
  public var fate: String
  public var format: String?
  public var unit: String?
  public var year: Int?
  public var forms: [String]
  public var related: [String]
  public var findings: [FindingRecord]

  public init(
    name: String, sha256: String, container: String, fate: String, format: String?, unit: String?, year: Int?,
    forms: [String], related: [String], findings: [FindingRecord]
  ) {
    self.name = name
    self.sha256 = sha256
    self.container = container
    self.fate = fate
    self.format = format
    self.unit = unit
    self.year = year
    self.forms = forms
    self.related = related
    self.findings = findings
  }
}

public struct FindingRecord: Sendable, Hashable {
  public var code: String
  public var severity: String
  public var sheet: String?
  public var cell: String?
  public var values: [String: String]
  /// The message in Vietnamese and in English.
  public var message: String
  public var messageEn: String

  public init(
    code: String, severity: String, sheet: String?, cell: String?, values: [String: String], message: String,
    messageEn: String
  ) {
    self.code = code
    self.severity = severity
    self.sheet = sheet
    self.cell = cell
    self.values = values
    self.message = message
    self.messageEn = messageEn
  }
}

/// One figure of a form as read, with the cell it came from.
public struct FigureRecord: Sendable, Hashable {
  public var file: String
  public var unit: String
  public var year: Int
  public var form: String
  /// The table's data row (0-based), or -1 for its total row.
  public var row: Int
  public var field: String
  public var number: Double?
  public var text: String?
  public var sheet: String
  public var cell: String?

  public init(
    file: String, unit: String, year: Int, form: String, row: Int, field: String, number: Double?, text: String?,
    sheet: String, cell: String?
  ) {
    self.file = file
    self.unit = unit
    self.year = year
    self.form = form
    self.row = row
    self.field = field
    self.number = number
    self.text = text
    self.sheet = sheet
    self.cell = cell
  }
}

public struct AuditEntry: Sendable, Hashable {
  public var at: Date
  public var who: String
  public var action: String
  public var subject: String
}

/// What can go wrong with a workspace, each said plainly (`WorkspaceWords`).
public enum WorkspaceError: Error, Equatable, Sendable {
  /// The database file is not a database, or is damaged.
  case corrupt(path: String)
  /// Another program holds the database and did not let go in time.
  case locked(path: String)
  /// The database was made by a newer thidua.
  case newerVersion(path: String)
  case cannotOpen(path: String, reason: String)
  case cannotWrite(path: String, reason: String)
  case fileMissing(sha256: String)
  case fileChanged(sha256: String)
}
