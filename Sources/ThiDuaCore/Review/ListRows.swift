import Foundation
import SheetIO

/// The rows of household lists, kept out of the workers' answers: a worker writes each
/// list's rows as the lines of its normalized CSV to a file of the review's own folder
/// and answers with the counts alone, so that the supervisor never holds a province's
/// households, only what each list said per village (docs/households.md).
enum ListRows {
  /// Writes the rows of each household-list table of `report` to `<prefix>-<k>.csv` and
  /// leaves the table without them (`rowsFile` names the file). A table whose file could
  /// not be written keeps its rows: they then travel in the answer as before.
  static func moveOut(_ report: inout FileReport, movement: MovementDefinition, prefix: String) {
    for k in report.tables.indices {
      let table = report.tables[k]
      guard let form = movement.forms[table.form], form.role?.kind == .householdList, !table.rows.isEmpty else {
        continue
      }
      let path = "\(prefix)-\(k).csv"
      let text = NormalizedCSV.lines(form, unit: report.unit?.code ?? "", year: report.year ?? 0, table: table)
      guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { continue }
      report.tables[k].rows = []
      report.tables[k].cells = []
      report.tables[k].rowsFile = path
    }
  }

  /// Appends the lines a worker wrote to `file`, a MiB at a time.
  static func copy(_ part: String, to file: AtomicFile) throws {
    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: part))
    defer { try? handle.close() }
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      try file.write(bytes: [UInt8](chunk))
    }
  }
}

/// A review's private folder for the workers' list rows: made when the review starts,
/// removed with the last copy of the result that needs it.
public final class ListRowsFolder: Sendable {
  public let path: String

  init() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-rows-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: false)
    path = base.path
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
