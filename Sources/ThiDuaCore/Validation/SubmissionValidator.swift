public import Foundation
public import SheetIO

/// What one file held: the forms found on its sheets, who sent it, for which year, and
/// every finding, each located at its file, sheet and cell.
public struct FileReport: Sendable {
  public struct Table: Sendable {
    public var sheet: String
    public var form: String
    public var headerRows: ClosedRange<Int>
    public var dataRows: Int
    public var fromTemplate: Bool
    /// Each data row's values by field code: what the later stages use.
    public var rows: [[String: CellValue]]
  }

  public var file: String
  public var unit: RegistryUnit?
  public var year: Int?
  public var tables: [Table] = []
  public var findings: [Finding] = []
}

/// Reads a submission and checks it: types and constraints of every field, and the
/// consistency rules of the poverty form (balance, rates, totals, poor ≤ households,
/// duplicate areas) — docs/findings.md.
public struct SubmissionValidator: Sendable {
  public let movement: MovementDefinition
  /// Allowed difference between a stated rate and the computed one, in percentage points.
  public var rateTolerance = 0.01

  public init(movement: MovementDefinition) { self.movement = movement }

  public func validate(path: String) -> FileReport {
    let name = (path as NSString).lastPathComponent
    var report = FileReport(file: name)
    let source: any SheetSource
    do {
      source = try Workbooks.open(path: path)
    } catch {
      report.findings.append(
        Finding(
          readError: error.relocated(file: name)))
      return report
    }
    let detector = TableDetector(forms: Array(movement.forms.values).sorted { $0.name < $1.name })
    let identifier = UnitIdentifier(registry: movement.registry)
    for sheet in source.sheets {
      let grid: SheetGrid
      do {
        grid = try SheetGrid(source: source, sheet: sheet, file: name)
      } catch {
        report.findings.append(
          Finding(
            readError: error.relocated(file: name)))
        continue
      }
      guard grid.lastRow > 0 else { continue }
      guard let table = detector.detect(grid) else {
        report.findings.append(
          Finding(
            code: "no-form", severity: .info, location: Location(file: name, sheet: sheet.name),
            values: ["reason": "no row of column titles matches a form"]))
        continue
      }
      if report.unit == nil {
        let found = identifier.unit(in: grid, beforeRow: table.headerRows.lowerBound, fileName: name)
        report.unit = found.unit
        if found.unit == nil {
          report.findings.append(
            Finding(
              code: "unknown-unit", severity: .error, location: Location(file: name, sheet: sheet.name),
              values: ["seen": found.seen.map { " ('\($0)')" } ?? ""]))
        }
      }
      if report.year == nil {
        report.year = identifier.year(in: grid, beforeRow: table.headerRows.lowerBound, fileName: name)
      }
      let checked = FormChecks(
        table: table, grid: grid, movement: movement, unit: report.unit, tolerance: rateTolerance
      ).run()
      report.findings += checked.findings
      report.tables.append(
        FileReport.Table(
          sheet: sheet.name, form: table.form.name, headerRows: table.headerRows, dataRows: table.dataRows.count,
          fromTemplate: table.fromTemplate, rows: checked.rows))
    }
    if report.year == nil && !report.tables.isEmpty {
      report.findings.append(Finding(code: "unknown-year", severity: .warning, location: Location(file: name)))
    }
    return report
  }
}

extension SheetReadError {
  /// The error with the file named as the report names it.
  func relocated(file: String) -> SheetReadError { relocated { $0.file = file } }
}
