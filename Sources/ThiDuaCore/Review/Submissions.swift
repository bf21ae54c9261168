public import SheetIO

/// What happened to one inbox file in a review (docs/review.md).
public struct ReceivedFile: Sendable {
  public enum Fate: String, Sendable, CaseIterable {
    /// At least one of its forms is the newest the unit sent for the year.
    case used
    /// Every form in it came again in a newer file of the same unit and year.
    case superseded
    /// Byte for byte the same as an earlier file (by name order).
    case duplicate
    /// Not a workbook thidua can read (damaged, encrypted, another format), or one whose
    /// unreadable sheets leave no form.
    case unreadable
    /// Readable, but no sheet holds a form.
    case noForm = "no-form"
    /// Forms, but the unit or the year is unknown.
    case unidentified
    /// A submission for a year outside this review.
    case otherYear = "other-year"
  }

  public var file: InboxFile
  public var report: FileReport
  public var fate: Fate
  /// The file this one duplicates, or the newer files that superseded it.
  public var related: [String] = []
  /// Forms taken from this file.
  public var usedForms: [String] = []

  /// Whether this file's findings are the review's (see `ReviewResult.findings`).
  public var findingsStand: Bool { ![.superseded, .duplicate, .otherYear].contains(fate) }

  /// The findings of `files` that stand.
  public static func standingFindings(_ files: [ReceivedFile]) -> [Finding] {
    files.filter(\.findingsStand).flatMap(\.report.findings)
  }
}

/// One unit's submission for one year: per form, the table of the newest file that held it.
public struct Submission: Sendable {
  public var unit: RegistryUnit
  public var year: Int
  public var tables: [String: FileReport.Table]
  public var files: [String]
  public var reportDate: ExcelDate?

  /// The table of the form that has role `kind` for this unit, with that form.
  public func table(_ kind: FormRole.Kind, in movement: MovementDefinition) -> (
    form: FormSchema, table: FileReport.Table
  )? {
    guard let form = movement.form(kind, forCategory: unit.category), let table = tables[form.name] else { return nil }
    return (form, table)
  }
}

/// Sorts received files into submissions: byte-identical copies by hash first, then per unit,
/// year and form the newest file — by report date, then file time, then name. Every year
/// found becomes submissions; files of years outside `years` are marked `other-year`.
enum SubmissionGrouping {
  static func group(_ files: [(InboxFile, FileReport)], years: Set<Int>) -> (
    received: [ReceivedFile], submissions: [Submission]
  ) {
    var received: [ReceivedFile] = []
    var firstByHash: [String: String] = [:]
    // Of identical copies the original is the shortest name ("x.xlsx" before "x (1).xlsx"),
    // then the first in name order: file times differ between copies of one inbox.
    let originals = files.indices.sorted {
      let (a, b) = (files[$0].0.name, files[$1].0.name)
      return a.count != b.count ? a.count < b.count : a < b
    }
    // A member that could not be taken out of its archive has no bytes, and no copies.
    for i in originals where !files[i].0.sha256.isEmpty && firstByHash[files[i].0.sha256] == nil {
      firstByHash[files[i].0.sha256] = files[i].0.name
    }
    for (file, report) in files {
      var item = ReceivedFile(file: file, report: report, fate: .used)
      if let original = firstByHash[file.sha256], original != file.name {
        item.fate = .duplicate
        item.related = [original]
      } else {
        if report.tables.isEmpty {
          item.fate = report.opened && report.unreadableSheets == 0 ? .noForm : .unreadable
        } else if report.unit == nil || report.year == nil {
          item.fate = .unidentified
        }
      }
      received.append(item)
    }
    // Newest first within each unit and year.
    struct Key: Hashable {
      var unit: String
      var year: Int
    }
    var candidates: [Key: [Int]] = [:]
    for (i, item) in received.enumerated() where item.fate == .used {
      candidates[Key(unit: item.report.unit!.code, year: item.report.year!), default: []].append(i)
    }
    var submissions: [Submission] = []
    for (key, indices) in candidates.sorted(by: { ($0.key.unit, $0.key.year) < ($1.key.unit, $1.key.year) }) {
      let ordered = indices.sorted { newer(received[$0], than: received[$1]) }
      var tables: [String: FileReport.Table] = [:]
      var files: [String] = []
      for i in ordered {
        for table in received[i].report.tables where tables[table.form] == nil {
          tables[table.form] = table
          received[i].usedForms.append(table.form)
        }
        if received[i].usedForms.isEmpty {
          received[i].fate = .superseded
          received[i].related = ordered.filter { !received[$0].usedForms.isEmpty }.map { received[$0].file.name }
        } else {
          files.append(received[i].file.name)
        }
      }
      let first = received[ordered[0]]
      submissions.append(
        Submission(
          unit: first.report.unit!, year: key.year, tables: tables, files: files.sorted(),
          reportDate: first.report.reportDate))
    }
    // Other years are grouped too (a previous year checks this one's start), but their
    // files are not this review's.
    for i in received.indices where received[i].fate == .used && !years.contains(received[i].report.year ?? 0) {
      received[i].fate = .otherYear
    }
    return (received, submissions)
  }

  /// The later report date wins; a file without one counts as older than any dated one.
  static func newer(_ a: ReceivedFile, than b: ReceivedFile) -> Bool {
    let da = a.report.reportDate?.serial1900 ?? -1
    let db = b.report.reportDate?.serial1900 ?? -1
    if da != db { return da > db }
    if a.file.modified != b.file.modified { return a.file.modified > b.file.modified }
    return a.file.name > b.file.name
  }
}
