public import Foundation
import SheetIO
public import ThiDuaCore

/// `thidua import INBOX --data DIR`: every file of the inbox kept in the workspace as it
/// came, then the review the command line runs (the same core, the same findings), and
/// its result recorded as a run: each file's intake, its findings, the figures with their
/// cells and the run's report.json.
public struct WorkspaceImport {
  public let store: any WorkspaceStore
  public let review: Review
  public let movement: MovementDefinition

  public init(store: any WorkspaceStore, review: Review, movement: MovementDefinition) {
    self.store = store
    self.review = review
    self.movement = movement
  }

  public struct Summary: Sendable {
    /// Files received: those new to the workspace, and those it held already.
    public var newFiles: Int
    public var knownFiles: Int
    public var run: Int64
    public var result: ReviewResult
  }

  public func run(inbox: String, by user: String, at date: Date) throws -> Summary {
    var received = (new: 0, known: 0)
    var kept: [String: String] = [:]
    for file in try Inbox.files(in: inbox) {
      let record = try store.receive(path: file.path, name: file.name, by: user, at: date)
      if record.isNew { received.new += 1 } else { received.known += 1 }
      kept[record.name] = record.sha256
    }
    let result = try review.run(inbox: inbox)
    let number = try store.record(
      try Self.runRecord(result, movement: movement, received: kept, by: user, at: date))
    return Summary(newFiles: received.new, knownFiles: received.known, run: number, result: result)
  }

  /// What the store keeps of a review: its report.json, each file's intake, the figures.
  static func runRecord(
    _ result: ReviewResult, movement: MovementDefinition, received: [String: String], by user: String, at date: Date
  ) throws -> RunRecord {
    RunRecord(
      movement: movement.code, definition: movement.fingerprint, kind: result.kind.rawValue, year: result.year,
      at: date, by: user, report: try ReviewJSON(result, movement: movement, language: .vi).text(),
      intake: intake(result, received: received), figures: figures(result))
  }

  /// The received file a file of the review is or came in: a member is named after its
  /// container (`huyen.zip › xa/bao-cao.xlsx`).
  static func container(of name: String, among received: [String: String]) -> String? {
    if let sha = received[name] { return sha }
    guard let cut = name.range(of: " › ") else { return nil }
    return container(of: String(name[..<cut.lowerBound]), among: received)
  }

  /// Each file's intake; `received` gives the SHA-256 of each file received, by name.
  static func intake(_ result: ReviewResult, received: [String: String]) -> [IntakeRecord] {
    result.files.map { f in
      IntakeRecord(
        name: f.file.name, sha256: f.file.sha256,
        container: container(of: f.file.name, among: received) ?? f.file.sha256, fate: f.fate.rawValue,
        format: f.report.format?.rawValue, unit: f.report.unit?.code, year: f.report.year, forms: f.usedForms,
        related: f.related,
        findings: f.report.findings.map { x in
          FindingRecord(
            code: x.code, severity: x.severity.rawValue, sheet: x.location.sheet, cell: x.location.cell?.description,
            values: x.values, message: Messages.text(x, .vi), messageEn: Messages.text(x, .en))
        })
    }
  }

  /// A value that is not a number as text: dates in ISO 8601, errors as written.
  static func text(_ value: CellValue) -> String? {
    switch value {
    case .text(let t): t
    case .date(let d): d.isoText
    case .boolean(let b): b ? "TRUE" : "FALSE"
    case .error(let code): code
    case .number, .empty: nil
    }
  }

  /// The figures of every form a submission took, each with its cell; a household list's
  /// rows are not figures (they are in the run's csv/DANH_SACH_HO.csv).
  static func figures(_ result: ReviewResult) -> [FigureRecord] {
    result.submissions.flatMap { s in
      s.tables.keys.sorted().flatMap { form -> [FigureRecord] in
        let table = s.tables[form]!
        var out: [FigureRecord] = []
        func add(_ values: [String: CellValue], cells: [String: CellAddress], row: Int) {
          for field in values.keys.sorted() {
            let value = values[field]!
            guard !value.isEmpty else { continue }
            out.append(
              FigureRecord(
                file: table.file, unit: s.unit.code, year: s.year, form: form, row: row, field: field,
                number: value.number, text: Self.text(value), sheet: table.sheet,
                cell: cells[field]?.description))
          }
        }
        for (r, row) in table.rows.enumerated() {
          add(row, cells: r < table.cells.count ? table.cells[r] : [:], row: r)
        }
        if let total = table.total {
          let cells = table.totalRow.map { totalRow in
            table.columns.mapValues { CellAddress(row: totalRow, column: $0) }
          }
          add(total, cells: cells ?? [:], row: -1)
        }
        return out
      }
    }
  }
}
