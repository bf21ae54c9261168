import Foundation
public import SheetIO

/// What one file held: the forms found on its sheets, who sent it, for which year, and
/// every finding, each located at its file, sheet and cell.
public struct FileReport: Sendable {
  public struct Table: Sendable {
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
  }

  public var file: String
  /// False when the file could not be opened as a workbook at all.
  public var opened = true
  /// Sheets that could not be read (damaged XML, a bomb, a missing part …).
  public var unreadableSheets = 0
  public var unit: RegistryUnit?
  public var year: Int?
  /// The date the report was signed (form THONG_TIN, else a "Ngày báo cáo" cell).
  public var reportDate: ExcelDate?
  public var reportDateSource: Location?
  public var tables: [Table] = []
  public var findings: [Finding] = []
  /// The unit's criteria, decided from this file, when the unit is known.
  public var criteria: [CriterionOutcome] = []
}

/// Reads a submission and checks it: types and constraints of every field, and the
/// consistency rules of the poverty form (balance, rates, totals, poor ≤ households,
/// duplicate areas) — docs/findings.md.
public struct SubmissionValidator: Sendable {
  public let movement: MovementDefinition
  /// Allowed difference between a stated rate and the computed one, in percentage points.
  public var rateTolerance = 0.01

  private let detector: TableDetector
  private let identifier: UnitIdentifier

  public init(movement: MovementDefinition) {
    self.movement = movement
    detector = TableDetector(forms: Array(movement.forms.values).sorted { $0.name < $1.name })
    identifier = UnitIdentifier(registry: movement.registry)
  }

  /// Checks the file at `path`; reports name it `name` (default: the file's own name).
  public func validate(path: String, name: String? = nil) -> FileReport {
    let name = name ?? (path as NSString).lastPathComponent
    var report = FileReport(file: name)
    let source: any SheetSource
    do {
      source = try Workbooks.open(path: path)
    } catch {
      report.opened = false
      report.findings.append(
        Finding(
          readError: error.relocated(file: name)))
      return report
    }
    var attempt = UnitAttempt()
    for sheet in source.sheets {
      let grid: SheetGrid
      do {
        grid = try SheetGrid(source: source, sheet: sheet, file: name)
      } catch {
        report.unreadableSheets += 1
        report.findings.append(
          Finding(
            readError: error.relocated(file: name)))
        continue
      }
      if let row = grid.firstRowNotRead {
        report.findings.append(
          Finding(
            code: "rows-not-read", severity: .error, location: Location(file: name, sheet: sheet.name),
            values: ["row": String(row)]))
      }
      guard grid.lastRow > 0 else { continue }
      let tables = detector.detectAll(grid)
      guard let first = tables.first else {
        if let keyValue = readKeyValue(grid, file: name) {
          report.tables.append(keyValue.table)
          report.findings += keyValue.findings
          identify(
            &report, &attempt, grid: grid, beforeRow: keyValue.table.headerRows.lowerBound, identifier: identifier)
          continue
        }
        report.findings.append(
          Finding(
            code: "no-form", severity: .info, location: Location(file: name, sheet: sheet.name),
            values: ["reason": "no row of column titles matches a form"]))
        continue
      }
      identify(&report, &attempt, grid: grid, beforeRow: first.headerRows.lowerBound, identifier: identifier)
      if report.year == nil {
        report.year = identifier.year(in: grid, beforeRow: first.headerRows.lowerBound, fileName: name)
      }
      if report.reportDate == nil, let found = ReportDateFinder.find(in: grid) {
        report.reportDate = found.date
        report.reportDateSource = Location(file: name, sheet: sheet.name, cell: found.cell)
      }
      for table in tables {
        let checked = FormChecks(
          table: table, grid: grid, movement: movement, unit: report.unit, tolerance: rateTolerance
        ).run()
        report.findings += checked.findings
        report.tables.append(
          FileReport.Table(
            file: name, sheet: sheet.name, form: table.form.name, headerRows: table.headerRows,
            dataRows: table.dataRows.count, fromTemplate: table.fromTemplate, rows: checked.rows, cells: checked.cells,
            total: checked.total))
      }
    }
    if report.unit == nil && !report.tables.isEmpty { report.findings.append(attempt.finding(file: name)) }
    useKeyValueReportFields(&report)
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
    if report.year == nil && !report.tables.isEmpty {
      report.findings.append(Finding(code: "unknown-year", severity: .warning, location: Location(file: name)))
    }
    if let late = lateSubmission(report) { report.findings.append(late) }
    return report
  }
}

/// What the search for the submitting unit saw, reported once per file when no sheet
/// names exactly one unit.
struct UnitAttempt {
  var sheet: String?
  var seen: String?
  var ambiguous: [RegistryUnit] = []

  func finding(file: String) -> Finding {
    let location = Location(file: file, sheet: sheet)
    guard ambiguous.isEmpty else {
      return Finding(
        code: "ambiguous-unit", severity: .error, location: location,
        values: [
          "seen": seen ?? "", "candidates": ambiguous.map { "\($0.name) (\($0.code))" }.joined(separator: ", "),
        ])
    }
    return Finding(
      code: "unknown-unit", severity: .error, location: location, values: ["seen": seen.map { " ('\($0)')" } ?? ""])
  }
}

extension SubmissionValidator {
  /// Looks for the unit above a table until one sheet names it.
  func identify(
    _ report: inout FileReport, _ attempt: inout UnitAttempt, grid: SheetGrid, beforeRow: Int,
    identifier: UnitIdentifier
  ) {
    guard report.unit == nil else { return }
    let found = identifier.unit(in: grid, beforeRow: beforeRow, fileName: report.file)
    report.unit = found.unit
    if attempt.sheet == nil || (attempt.seen == nil && found.seen != nil) || !found.ambiguous.isEmpty {
      attempt = UnitAttempt(sheet: grid.sheet.name, seen: found.seen, ambiguous: found.ambiguous)
    }
  }

  /// Form THONG_TIN states the year and the report date in its own cells: those win
  /// over a title or a label elsewhere.
  func useKeyValueReportFields(_ report: inout FileReport) {
    guard let info = report.tables.first(where: { $0.form == "THONG_TIN" }), let row = info.rows.first else { return }
    if case .number(let year)? = row["nam_bao_cao"], report.year == nil { report.year = Int(year) }
    if case .date(let date)? = row["ngay_bao_cao"] {
      report.reportDate = date
      report.reportDateSource = Location(file: info.file, sheet: info.sheet, cell: info.cells[0]["ngay_bao_cao"])
    }
  }

  /// A report signed after the movement's deadline for its year (awards.json).
  func lateSubmission(_ report: FileReport) -> Finding? {
    guard let year = report.year, let date = report.reportDate,
      let deadline = movement.awards.deadlineSerial(year: year), date.serial1900.rounded(.down) > deadline
    else { return nil }
    return Finding(
      code: "late-submission", severity: .warning, location: report.reportDateSource ?? Location(file: report.file),
      values: [
        "seen": VietnameseDate.text(date),
        "expected": VietnameseDate.text(ExcelDate(serial: deadline, uses1904: false)),
      ])
  }

  /// A key-value form on the sheet, with the type findings of its values.
  func readKeyValue(_ grid: SheetGrid, file: String) -> (table: FileReport.Table, findings: [Finding])? {
    for form in movement.forms.values.sorted(by: { $0.name < $1.name }) where form.layout == .keyValue {
      var reader = KeyValueReader(form: form)
      reader.knownCodes = Set(movement.forms.values.flatMap { $0.fields.map(\.name) })
      guard let found = reader.read(grid) else { continue }
      var values: [String: CellValue] = [:]
      var cells: [String: CellAddress] = [:]
      var findings: [Finding] = []
      for field in form.fields {
        guard let (value, cell) = found[field.name] else { continue }
        cells[field.name] = cell
        guard !value.isEmpty else { continue }
        let typed = KeyValueTyping.type(value, field: field)
        if let code = typed.finding {
          findings.append(
            Finding(
              code: code, severity: .error, location: Location(file: file, sheet: grid.sheet.name, cell: cell),
              values: ["seen": CanonicalCSV.text(value), "expected": typed.expected, "field": field.title]))
        } else {
          values[field.name] = typed.value
        }
      }
      let rows = cells.values.map(\.row)
      let table = FileReport.Table(
        file: file, sheet: grid.sheet.name, form: form.name, headerRows: (rows.min() ?? 1)...(rows.max() ?? 1),
        dataRows: 1,
        fromTemplate: false, rows: [values], cells: [cells], total: nil)
      return (table, findings)
    }
    return nil
  }
}

/// Types one value of a key-value form by its field's type.
enum KeyValueTyping {
  static func type(_ value: CellValue, field: FieldSchema) -> (value: CellValue, finding: String?, expected: String) {
    switch field.type {
    case .integer, .number, .percent:
      var number: Double?
      if case .number(let n) = value { number = n }
      if case .text(let t) = value, case .number(let n) = TypedText(t, numeric: true).value { number = n }
      guard let number else { return (value, "type-error", "số") }
      if let bound = field.rangeViolation(number) { return (value, "constraint-error", bound) }
      return (.number(number), nil, "")
    case .date:
      if case .date = value { return (value, nil, "") }
      if case .text(let t) = value, let serial = VietnameseDate.serial(t) {
        return (.date(ExcelDate(serial: serial, uses1904: false)), nil, "")
      }
      return (value, "type-error", "ngày/tháng/năm")
    case .enum:
      let allowed = field.constraints?.enum ?? []
      if case .text(let t) = value, let match = allowed.first(where: { TextFolding.fold($0) == TextFolding.fold(t) }) {
        return (.text(match), nil, "")
      }
      return (value, "constraint-error", allowed.joined(separator: " / "))
    case .string:
      return (value, nil, "")
    }
  }
}

extension SheetReadError {
  /// The error with the file named as the report names it.
  func relocated(file: String) -> SheetReadError { relocated { $0.file = file } }
}
