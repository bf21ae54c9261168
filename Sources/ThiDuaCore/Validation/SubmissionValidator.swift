import Foundation
public import SheetIO

/// What one file held: the forms found on its sheets, who sent it, for which year, and
/// every finding, each located at its file, sheet and cell.
public struct FileReport: Sendable, Codable {
  public struct Table: Sendable, Codable {
    public var file: String
    public var sheet: String
    public var form: String
    public var headerRows: ClosedRange<Int>
    public var dataRows: Int
    public var fromTemplate: Bool
    /// Each data row's values by field code: what the later stages use.
    public var rows: [[String: CellValue]]
    /// Each data row's cells by field code, for the sources of findings and outcomes.
    public var cells: [[String: CellAddress]]
    /// The total row's values, when the table has one.
    public var total: [String: CellValue]?
    /// The total row itself.
    public var totalRow: Int? = nil
    /// The column of each field.
    public var columns: [String: Int] = [:]
    /// A household list's counts by village, once checked (`HouseholdListCheck`).
    public var households: HouseholdListCheck.Summary? = nil
    /// The file a worker wrote the rows to, as normalized CSV lines, when `rows` and
    /// `cells` are left empty (`ListRows`, a household list).
    public var rowsFile: String? = nil
  }

  public var file: String
  /// The format the file's content showed (nil: none thidua reads).
  public var format: FileFormat?
  /// False when the file could not be opened as a workbook at all.
  public var opened = true
  /// Sheets that could not be read (damaged XML, a bomb, a missing part …).
  public var unreadableSheets = 0
  public var unit: RegistryUnit?
  public var year: Int?
  /// The date the report was signed (form THONG_TIN, a "Ngày báo cáo" cell, the date line).
  public var reportDate: ExcelDate?
  public var reportDateSource: Location?
  public var tables: [Table] = []
  public var findings: [Finding] = []
  /// The unit's criteria, decided from this file, when the unit is known.
  public var criteria: [CriterionOutcome] = []
  /// How the intake decided (`validate --explain`); not carried between processes.
  public var intake: IntakeResult?

  private enum CodingKeys: String, CodingKey {
    case file, format, opened, unreadableSheets, unit, year, reportDate, reportDateSource, tables, findings, criteria
  }

  /// A file that was not read: its findings say why.
  public init(file: String, findings: [Finding] = []) {
    self.file = file
    self.findings = findings
  }
}

/// Reads a submission and checks it: types and constraints of every field, and the
/// consistency rules of the poverty form (balance, rates, totals, poor ≤ households,
/// duplicate areas) — docs/findings.md.
public struct SubmissionValidator: Sendable {
  public let movement: MovementDefinition
  /// Allowed difference between a stated rate and the computed one, in percentage points.
  public var rateTolerance = 0.01

  private let reader: SubmissionReader

  public init(movement: MovementDefinition) {
    self.movement = movement
    reader = SubmissionReader(movement: movement)
  }

  /// Checks the file at `path`; reports name it `name` (default: the file's own name).
  public func validate(path: String, name: String? = nil) -> FileReport {
    let name = name ?? (path as NSString).lastPathComponent
    let intake = reader.read(path: path, name: name)
    var report = FileReport(file: name)
    report.format = intake.format
    report.opened = intake.opened
    report.unreadableSheets = intake.unreadableSheets
    report.unit = intake.unit
    report.year = intake.year
    report.reportDate = intake.reportDate
    report.reportDateSource = intake.reportDateSource
    report.findings = intake.findings
    // Visible sheets first: a form on a hidden sheet too is the visible one's copy.
    let sheets = intake.sheets.filter { $0.otherYear == nil }.sorted {
      ($0.grid.sheet.state == .visible ? 0 : 1, $0.grid.sheet.index) < (
        $1.grid.sheet.state == .visible ? 0 : 1, $1.grid.sheet.index
      )
    }
    for sheet in sheets {
      for table in sheet.tables {
        let checked = FormChecks(
          table: table, grid: sheet.grid, movement: movement, unit: report.unit, tolerance: rateTolerance
        ).run()
        report.findings += checked.findings
        report.tables.append(
          FileReport.Table(
            file: name, sheet: sheet.grid.sheet.name, form: table.form.name, headerRows: table.headerRows,
            dataRows: table.dataRows.count, fromTemplate: table.fromTemplate, rows: checked.rows, cells: checked.cells,
            total: checked.total, totalRow: table.totalRow,
            columns: Dictionary(table.columns.map { ($0.value, $0.key) }, uniquingKeysWith: min)))
      }
      if let keyValue = sheet.keyValue {
        let typed = KeyValueTyping.table(keyValue.form, keyValue.values, file: name, sheet: sheet.grid.sheet.name)
        report.tables.append(typed.table)
        report.findings += typed.findings
      }
    }
    if report.unit == nil && !report.tables.isEmpty { report.findings.append(unitFinding(intake)) }
    if let conflict = intake.yearConflict, let year = intake.year {
      report.findings.append(
        Finding(
          code: "year-conflict", severity: .warning, location: conflict.evidence.location ?? Location(file: name),
          values: ["seen": String(conflict.year), "expected": String(year)]))
    }
    if let unit = report.unit {
      var byForm: [String: FileReport.Table] = [:]
      for table in report.tables where byForm[table.form] == nil { byForm[table.form] = table }
      report.criteria = CriteriaEvaluator(movement: movement, unit: unit, tables: byForm).evaluate()
      // "Đạt" without evidence is a finding as well as a criterion not met (DOMAIN, TIEU_CHI).
      for outcome in report.criteria where outcome.reason == "evidence-missing" {
        report.findings.append(
          Finding(
            code: "evidence-missing", severity: .warning,
            location: outcome.sources.first ?? Location(file: name), values: ["criterion": outcome.id]))
      }
    }
    // A template's empty year cell already says where the year goes.
    if report.year == nil && !report.tables.isEmpty
      && !report.findings.contains(where: { $0.code == "template-year-missing" })
    {
      report.findings.append(Finding(code: "unknown-year", severity: .warning, location: Location(file: name)))
    }
    if let late = lateSubmission(report) { report.findings.append(late) }
    checkHouseholdLists(&report)
    report.intake = intake
    return report
  }

  /// Each household list recomputed under the standard of the report's year
  /// (`HouseholdListCheck`); a list whose year has no standard is one finding.
  private func checkHouseholdLists(_ report: inout FileReport) {
    for (k, table) in report.tables.enumerated() {
      guard let role = movement.forms[table.form]?.role, role.kind == .householdList else { continue }
      guard let year = report.year, let standard = movement.povertyStandard(forYear: year) else {
        if let year = report.year {
          report.findings.append(
            Finding(
              code: "no-poverty-standard", severity: .warning, location: Location(file: table.file, sheet: table.sheet),
              values: ["year": String(year)]))
        }
        continue
      }
      let area = HouseholdListCheck.area(ofCommune: report.unit?.name ?? "")
      let checked = HouseholdListCheck(standard: standard, role: role, defaultArea: area).check(table)
      report.findings += checked.findings
      report.tables[k].households = checked.summary
    }
  }

  /// `ambiguous-unit` when names fit several units equally, else `unknown-unit` with the
  /// issuing line seen.
  private func unitFinding(_ intake: IntakeResult) -> Finding {
    let sheet = intake.sheets.first { !$0.tables.isEmpty || $0.keyValue != nil }?.grid.sheet.name
    let location = Location(file: intake.file, sheet: sheet)
    guard intake.ambiguousUnits.isEmpty else {
      return Finding(
        code: "ambiguous-unit", severity: .error, location: location,
        values: [
          "seen": intake.unitEvidence.first?.text ?? "",
          "candidates": intake.ambiguousUnits.map { "\($0.name) (\($0.code))" }.joined(separator: ", "),
        ])
    }
    return Finding(
      code: "unknown-unit", severity: .error, location: location,
      values: ["seen": intake.unitSeen ?? ""])
  }

  /// A report signed after the movement's deadline for its year (awards.json); a report
  /// without a date is judged by the date of the e-mail that brought it, if any.
  func lateSubmission(_ report: FileReport, mailSent: ExcelDate? = nil) -> Finding? {
    guard let year = report.year, let date = report.reportDate ?? mailSent,
      let deadline = movement.awards.deadlineSerial(year: year, category: report.unit?.category),
      date.serial1900.rounded(.down) > deadline
    else { return nil }
    let day = ExcelDate(serial: date.serial.rounded(.down), uses1904: date.uses1904)
    var values = [
      // ISO in report.json; the message writes dd/mm/yyyy (Messages.dateCodes).
      "seen": day.isoText,
      "expected": ExcelDate(serial: deadline, uses1904: false).isoText,
    ]
    if report.reportDate == nil { values["reason"] = "mail-date" }
    return Finding(
      code: "late-submission", severity: .warning, location: report.reportDateSource ?? Location(file: report.file),
      values: values)
  }
}
