import Foundation
public import SheetIO

/// What the intake read from one file before any check: the forms on its sheets, who sent
/// it, for which year, when it was signed, and the evidence behind each decision.
public struct IntakeResult: Sendable {
  public struct SheetForms: Sendable {
    public var grid: SheetGrid
    public var tables: [DetectedTable] = []
    /// A key-value form read on the sheet.
    public var keyValue: (form: FormSchema, values: [String: KeyValueValue])?
    /// The year the sheet's own title states when it differs from the file's: its forms
    /// are another year's (last year's table kept on a hidden sheet) and are not used.
    public var otherYear: Int?
    /// The instructions sheet of a thidua template: it lists the forms' fields, holds no
    /// form and is no finding.
    public var isInstructions = false
  }

  public var file: String
  /// The format the content showed, whatever the name says; nil for bytes of no format
  /// thidua reads.
  public var format: FileFormat?
  public var opened = true
  public var unreadableSheets = 0
  public var sheets: [SheetForms] = []
  public var unit: RegistryUnit?
  public var unitEvidence: [Evidence] = []
  /// Units the evidence fits equally (`ambiguous-unit`), and the issuing line seen.
  public var ambiguousUnits: [RegistryUnit] = []
  public var unitSeen: String?
  public var runnerUpUnit: RegistryUnit?
  public var year: Int?
  public var yearEvidence: [Evidence] = []
  public var yearConflict: (year: Int, evidence: Evidence)?
  public var reportDate: ExcelDate?
  public var reportDateSource: Location?
  public var reportDateRule: String?
  /// Reader errors and notes about sheets (`no-form`, `rows-not-read` …).
  public var findings: [Finding] = []
}

/// A key-value form's value, with where it and its label stand.
public struct KeyValueValue: Sendable {
  public var value: CellValue
  public var cell: CellAddress
  public var label: CellAddress
  public var match: ColumnMatch
  /// A money amount given in thousands, millions or billions of đồng.
  public var multiplier: Double
}

/// Reads one submission file: opens it by content, holds each sheet as a grid, finds the
/// forms, then decides the sender, the year and the report date from all the evidence.
public struct SubmissionReader: Sendable {
  public let movement: MovementDefinition
  let detector: TableDetector
  let identifier: UnitIdentifier
  /// One reader per key-value form, in form-name order.
  private let keyValueReaders: [KeyValueReader]
  /// Each form's field codes, for recognising a template's instructions sheet.
  private let codesByForm: [Set<String>]
  private let allCodes: Set<String>

  public init(movement: MovementDefinition) {
    self.movement = movement
    let forms = movement.forms.values.sorted { $0.name < $1.name }
    detector = TableDetector(forms: forms, movement: movement)
    identifier = UnitIdentifier(movement: movement)
    let codes = Set(forms.flatMap { $0.fields.map(\.name) })
    keyValueReaders = forms.filter { $0.layout == .keyValue }.map {
      KeyValueReader(form: $0, vocabulary: movement.vocabulary, knownCodes: codes)
    }
    codesByForm = forms.map { Set($0.fields.map(\.name)) }.filter { $0.count >= 3 }
    allCodes = codesByForm.reduce(into: []) { $0.formUnion($1) }
  }

  /// Whether `grid` lists field codes down one column as the instructions sheet of a
  /// thidua template does: the codes of two forms or more (`templateCodeShare` of each),
  /// or of one form on a sheet without a value column (`Giá trị`). A key-value form's
  /// own sheet lists one form's codes beside its value column, and no clerk types codes so.
  func isInstructions(_ grid: SheetGrid) -> Bool {
    // Only the codes count: a list's thousands of other texts are passed over.
    var byColumn: [Int: Set<String>] = [:]
    for (address, cell) in grid.cells {
      guard case .text(let t) = cell.value, allCodes.contains(t) else { continue }
      byColumn[address.column, default: []].insert(t)
    }
    let share = vocabulary.limits.templateCodeShare
    let listedByColumn = byColumn.values.map { texts in
      codesByForm.filter { codes in Double(codes.intersection(texts).count) >= Double(codes.count) * share }.count
    }
    if listedByColumn.contains(where: { $0 >= 2 }) { return true }
    guard listedByColumn.contains(1) else { return false }
    let valueColumn = grid.cells.contains { _, cell in
      cell.value.text.map { vocabulary.valueColumnTitles.contains(TextFolding.fold($0)) } ?? false
    }
    return !valueColumn
  }

  var vocabulary: FoldedVocabulary { movement.vocabulary }

  public func read(path: String, name: String) -> IntakeResult {
    var result = IntakeResult(file: name)
    let source: any SheetSource
    do {
      source = try Workbooks.open(path: path)
    } catch .noTable {
      // A Word or HTML document without a table: read, and no form in it.
      result.format = try? FormatSniffer.format(ofFileAt: path)
      noteFormat(of: name, result.format, &result)
      result.findings.append(
        Finding(code: "no-form", severity: .info, location: Location(file: name), values: ["reason": "no-table"]))
      return result
    } catch {
      result.format = try? FormatSniffer.format(ofFileAt: path)
      result.opened = false
      result.findings.append(Finding(readError: error.relocated(file: name)))
      return result
    }
    result.format = source.format
    noteFormat(of: name, source.format, &result)
    let markers = TemplateMarkers(definedNames: source.definedNames, properties: source.customProperties)
    // First pass: each sheet's first header, and the lines around it.
    var firstHeaders: [Int: DetectedTable] = [:]
    var titleCells: [Int: SheetTitles] = [:]
    var lines: [TitleLine] = []
    var areaNames: [String] = []
    for sheet in source.sheets {
      guard let grid = readGrid(source, sheet, &result) else { continue }
      let index = result.sheets.count
      result.sheets.append(IntakeResult.SheetForms(grid: grid))
      guard grid.lastRow > 0 else { continue }
      let hidden = sheet.state != .visible
      if isInstructions(grid) {
        result.sheets[index].isInstructions = true
        continue
      }
      let titles = detector.titles(grid)
      if let header = detector.firstHeader(grid, titles: titles, codeRow: markers.codeRows[sheet.name]) {
        firstHeaders[index] = header
        titleCells[index] = titles
        lines += TitleLine.lines(
          grid, rows: 1...max(1, header.headerRows.lowerBound - 1), place: hidden ? .hidden : .title
        )
        .filter { $0.cell.map { $0.row < header.headerRows.lowerBound } ?? false }
        areaNames += Self.areaNames(grid, below: header)
      } else {
        // A sheet without a form: its lines down to where a table of its own begins.
        let end = Self.firstTableRow(grid, within: min(grid.lastRow, vocabulary.limits.titleRows))
        lines += TitleLine.lines(grid, rows: 1...max(1, end - 1), place: hidden ? .hidden : .cover)
          .filter { $0.cell.map { $0.row < end } ?? false }
      }
    }
    lines.append(TitleLine.fileName(name))
    if !decideTemplateUnit(markers, &result) { decideSender(lines, areaNames: areaNames, &result) }
    // Second pass: every table, its rows sorted knowing the sender; key-value forms.
    for index in result.sheets.indices {
      let grid = result.sheets[index].grid
      guard grid.lastRow > 0, !result.sheets[index].isInstructions else { continue }
      if let header = firstHeaders[index], let titles = titleCells[index] {
        result.sheets[index].tables = detector.detectAll(
          grid, first: header, titles: titles, sender: result.unit, registry: identifier)
      } else if let keyValue = readKeyValue(grid) {
        result.sheets[index].keyValue = keyValue
      } else {
        result.findings.append(
          Finding(
            code: "no-form", severity: .info, location: Location(file: name, sheet: grid.sheet.name),
            values: ["reason": "no-matching-header"]))
      }
    }
    // A file without a form sends nothing: its lines name no sender.
    if !result.sheets.contains(where: { !$0.tables.isEmpty || $0.keyValue != nil }) { result.unit = nil }
    decideReportDate(&result)
    decideYear(lines + Self.linesBelowTables(result.sheets), markers: markers, &result)
    checkTemplateFields(markers, &result)
    return result
  }

  /// An info note when the name claims another format than the content shows.
  private func noteFormat(of name: String, _ format: FileFormat?, _ result: inout IntakeResult) {
    guard let format, let named = FileFormat(fileName: name), named != format else { return }
    result.findings.append(
      Finding(
        code: "format-differs-from-name", severity: .info, location: Location(file: name),
        values: ["format": format.displayName, "named": named.displayName]))
  }

  private func readGrid(_ source: any SheetSource, _ sheet: SheetInfo, _ result: inout IntakeResult) -> SheetGrid? {
    do {
      let grid = try SheetGrid(source: source, sheet: sheet, file: result.file)
      if let row = grid.firstRowNotRead {
        result.findings.append(
          Finding(
            code: "rows-not-read", severity: .error, location: Location(file: result.file, sheet: sheet.name),
            values: ["row": String(row)]))
      }
      return grid
    } catch {
      result.unreadableSheets += 1
      result.findings.append(Finding(readError: error.relocated(file: result.file)))
      return nil
    }
  }

  /// The names in a table's area column (its role's `areaName`), at most `maxAreaNames` of them.
  static func areaNames(_ grid: SheetGrid, below header: DetectedTable) -> [String] {
    guard let field = header.form.role?.areaName, let column = header.column(of: field),
      header.headerRows.upperBound < grid.lastRow
    else { return [] }
    let rows = (header.headerRows.upperBound + 1)...min(grid.lastRow, header.headerRows.upperBound + maxAreaNames)
    return rows.compactMap { grid.value($0, column).text }
  }

  static let maxAreaNames = 300

  /// The notes under the tables of visible sheets (`Ghi chú: số liệu … cuối năm 2017`).
  static func linesBelowTables(_ sheets: [IntakeResult.SheetForms]) -> [TitleLine] {
    sheets.flatMap { sheet -> [TitleLine] in
      let ends = sheet.tables.map { max($0.dataRows.last ?? 0, $0.totalRow ?? 0, $0.headerRows.upperBound) }
      guard sheet.grid.sheet.state == .visible, let end = ends.max(), end < sheet.grid.lastRow else { return [] }
      return TitleLine.lines(sheet.grid, rows: (end + 1)...sheet.grid.lastRow, place: .below)
    }
  }

  /// The first row, up to `limit`, holding three values or more: a table starts there.
  static func firstTableRow(_ grid: SheetGrid, within limit: Int) -> Int {
    guard limit >= 1 else { return 1 }
    var counts: [Int: Int] = [:]
    for address in grid.cells.keys where address.row <= limit { counts[address.row, default: 0] += 1 }
    return (1...limit).first { (counts[$0] ?? 0) >= 3 } ?? limit + 1
  }

  private func decideSender(_ lines: [TitleLine], areaNames: [String], _ result: inout IntakeResult) {
    let decision = SenderFinder(identifier: identifier).find(lines, areaNames: areaNames, file: result.file)
    result.unit = decision.unit
    result.unitEvidence = decision.evidence
    result.ambiguousUnits = decision.ambiguous
    result.unitSeen = decision.seen
    result.runnerUpUnit = decision.runnerUp?.unit
  }

  /// A key-value form on the sheet.
  private func readKeyValue(_ grid: SheetGrid) -> (form: FormSchema, values: [String: KeyValueValue])? {
    for reader in keyValueReaders {
      guard let found = reader.read(grid) else { continue }
      return (reader.form, found)
    }
    return nil
  }
}

extension SheetReadError {
  /// The error with the file named as the report names it.
  func relocated(file: String) -> SheetReadError { relocated { $0.file = file } }
}
