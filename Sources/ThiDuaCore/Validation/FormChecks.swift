import SheetIO

/// The checks of one detected table: every field's type and constraints, and for an
/// area-figures form (`CHI_TIEU`) the consistency rules of DOMAIN (balance identity,
/// rates, poor ≤ households, totals, duplicate and unknown areas).
struct FormChecks {
  let table: DetectedTable
  let grid: SheetGrid
  let movement: MovementDefinition
  let unit: RegistryUnit?
  let tolerance: Double

  private var file: String { grid.file }
  private var sheet: String { grid.sheet.name }

  private func finding(
    _ code: String, _ severity: Finding.Severity, row: Int, column: Int, _ values: [String: String] = [:]
  )
    -> Finding
  {
    Finding(
      code: code, severity: severity,
      location: Location(file: file, sheet: sheet, cell: CellAddress(row: row, column: column)), values: values)
  }

  /// The findings, and the values of each data row by field code (numbers typed,
  /// text as written), in row order.
  func run() -> (
    findings: [Finding], rows: [[String: CellValue]], cells: [[String: CellAddress]], total: [String: CellValue]?
  ) {
    var findings: [Finding] = []
    let form = table.form
    for field in form.fields where field.isRequired && table.column(of: field.name) == nil {
      findings.append(
        Finding(
          code: "missing-label", severity: .error, location: Location(file: file, sheet: sheet),
          values: ["form": form.title, "field": field.title]))
    }
    // Numbers as text: the convention each column shows (1.234 reads as its column reads).
    var conventions: [Int: NumberConvention] = [:]
    let numeric = Set(form.fields.filter(\.type.isNumeric).map(\.name))
    for (column, code) in table.columns where numeric.contains(code) {
      var vi = 0
      var en = 0
      for row in table.dataRows {
        guard case .text(let t) = grid.value(row, column) else { continue }
        if case .number(_, let c) = VietnameseNumber.read(t) {
          if c == .vietnamese { vi += 1 }
          if c == .english { en += 1 }
        }
      }
      conventions[column] = NumberConvention.resolve(vietnamese: vi, english: en)
    }
    var numbers: [Int: [String: Double]] = [:]  // row → field → value
    let rows = table.dataRows + (table.totalRow.map { [$0] } ?? []) + table.subtotals.map(\.row)
    let dataRows = Set(table.dataRows)
    let mapped = table.columns.sorted { $0.key < $1.key }.compactMap { column, code in
      form.fields.first { $0.name == code }.map { (column: column, code: code, field: $0) }
    }
    // A list value is judged once per text and field (a list repeats a few words).
    var named: [String: [String: Bool]] = [:]
    for row in rows {
      var rowNumbers = [String: Double](minimumCapacity: mapped.count)
      for (column, code, field) in mapped {
        let value = grid.value(row, column)
        if value.isEmpty {
          if let blank = field.whenBlank, dataRows.contains(row) { rowNumbers[code] = blank }
          if field.isRequired && row != table.totalRow {
            findings.append(finding("missing-cell", .error, row: row, column: column, ["field": field.title]))
          }
          continue
        }
        switch field.type {
        case .integer, .number, .percent:
          guard
            let n = number(value, field: field, row: row, column: column, convention: conventions[column], &findings)
          else { continue }
          rowNumbers[code] = n
        case .enum:
          guard case .text(let t) = value, let allowed = field.constraints?.enum else { continue }
          let known =
            named[code]?[t]
            ?? allowed.contains(where: { Self.names(t, $0, movement.vocabulary.stopWords) })
          named[code, default: [:]][t] = known
          if !known {
            findings.append(
              finding(
                "constraint-error", .error, row: row, column: column,
                ["field": field.title, "seen": t, "expected": allowed.joined(separator: " / ")]))
          }
        case .string:
          if case .text(let t) = value, FormulaLikeText.matches(t) {
            findings.append(
              finding("formula-like-text", .warning, row: row, column: column, ["seen": t, "field": field.title]))
          }
        case .date:
          continue
        }
      }
      if !rowNumbers.isEmpty { numbers[row] = rowNumbers }
    }
    // An area-figures form: each area once, and DOMAIN's arithmetic on the poverty
    // fields it has (a rule whose fields the form lacks does not apply).
    if form.role?.kind == .areaFigures {
      scaleFractionRates(&numbers)
      findings += povertyRules(numbers)
    }
    // A `whenBlank` field's blank is its value in the outputs too (DOMAIN: relapsed and
    // new poor households are 0 when blank).
    func values(_ row: Int) -> [String: CellValue] {
      var values = [String: CellValue](minimumCapacity: mapped.count)
      let known = numbers[row]
      for (column, code) in table.columns {
        if let n = known?[code] {
          values[code] = .number(n)
        } else {
          let value = grid.value(row, column)
          if case .number(let x) = value, !WholeNumber.inRange(x) {
            // Kept as typed for the outputs, but as text: no later sum or score takes it.
            values[code] = .text(CanonicalCSV.numberText(x))
          } else if !value.isEmpty {
            values[code] = value
          }
        }
      }
      return values
    }
    let cells = table.dataRows.map { row in
      table.columns.reduce(into: [String: CellAddress](minimumCapacity: table.columns.count)) {
        $0[$1.value] = CellAddress(row: row, column: $1.key)
      }
    }
    return (findings, table.dataRows.map(values), cells, table.totalRow.map(values))
  }

  /// Whether `text` names the list value `allowed`: the same words but for little words
  /// (`của`), with or without diacritics, or the value made more precise by a phrase
  /// that starts with a little word (`Giấy khen của Chủ tịch UBND huyện` is a `Giấy
  /// khen`; `Đạt một phần` is no `Đạt`).
  static func names(_ text: String, _ allowed: String, _ stopWords: Set<String>) -> Bool {
    let typed = TextFolding.fold(text).split(separator: " ").map(String.init)
    let value = TextFolding.fold(allowed).split(separator: " ").map(String.init)
    let content = { (words: [String]) in words.filter { !stopWords.contains($0) } }
    if !value.isEmpty, content(typed) == content(value) { return true }
    return !value.isEmpty && typed.count > value.count && typed.starts(with: value)
      && stopWords.contains(typed[value.count])
  }

  /// The cell as a number of the field's type, or a finding.
  private func number(
    _ value: CellValue, field: FieldSchema, row: Int, column: Int, convention: NumberConvention?,
    _ findings: inout [Finding]
  ) -> Double? {
    let expected = field.type == .integer ? "số nguyên" : "số"
    var n: Double
    switch value {
    case .number(let x):
      // A rate stored as a fraction under a % format (0.0521 shown as 5,21%).
      n = field.type == .percent && grid.percentCells.contains(CellAddress(row: row, column: column)) ? x * 100 : x
    case .text(let t):
      var typed = TypedText(t, convention: convention, numeric: true)
      // A count cannot be 4.21: for whole-number fields the one whole reading decides.
      if typed.isAmbiguous, field.type == .integer, case .ambiguous(let vi, let en) = VietnameseNumber.read(t),
        (vi == vi.rounded()) != (en == en.rounded())
      {
        typed.value = .number(vi == vi.rounded() ? vi : en)
        typed.isAmbiguous = false
      }
      if typed.isAmbiguous {
        findings.append(
          finding("ambiguous-number", .error, row: row, column: column, ["seen": t, "field": field.title]))
        return nil
      }
      guard case .number(let x) = typed.value else {
        findings.append(
          finding(
            "type-error", .error, row: row, column: column, ["seen": t, "expected": expected, "field": field.title]))
        return nil
      }
      // A percentage typed as "11,13%" reads as 0.1113; the form's percentages are 0–100.
      n = field.type == .percent && t.contains("%") ? x * 100 : x
    default:
      findings.append(
        finding(
          "type-error", .error, row: row, column: column,
          ["seen": CanonicalCSV.text(value), "expected": expected, "field": field.title]))
      return nil
    }
    // NaN, infinity or past 2^53: no count, rate or amount, and no arithmetic after it.
    guard WholeNumber.inRange(n) else {
      findings.append(
        finding(
          "value-out-of-range", .error, row: row, column: column,
          ["seen": FieldSchema.edgeText(n), "expected": field.allowedRange, "field": field.title]))
      return nil
    }
    if field.type == .integer && n != n.rounded() {
      findings.append(
        finding(
          "type-error", .error, row: row, column: column,
          ["seen": CanonicalCSV.numberText(n), "expected": expected, "field": field.title]))
      return nil
    }
    if let bound = field.rangeViolation(n) {
      findings.append(
        finding(
          "constraint-error", .error, row: row, column: column,
          ["seen": CanonicalCSV.numberText(n), "expected": bound, "field": field.title]))
    }
    return n
  }

  /// The areas a table may list: a district's communes, a commune's villages; for a
  /// department, the province's districts.
  private var areas: [RegistryUnit] {
    guard let unit else { return [] }
    if unit.category == "SO_NGANH", let parent = unit.parent {
      return movement.registry.children(of: parent).filter { $0.category == "HUYEN" }
    }
    return movement.registry.children(of: unit.code)
  }

  /// Rates typed as fractions without a % format (0.0521 for 5,21 %): when the stated
  /// end-of-year rates agree with poor ÷ households as fractions and not as points, the
  /// column is in fractions, and so is a start-of-year column of values under 1.
  private func scaleFractionRates(_ numbers: inout [Int: [String: Double]]) {
    var asFraction = 0
    var asPoints = 0
    for (_, v) in numbers {
      guard let households = v["tong_so_ho"], households > 0, let end = v["ho_ngheo_cuoi_nam"],
        let stated = v["ty_le_ngheo_cuoi_nam"]
      else { continue }
      let computed = end / households * 100
      if abs(stated - computed) <= tolerance + 1e-9 {
        asPoints += 1
      } else if abs(stated * 100 - computed) <= tolerance + 1e-9 {
        asFraction += 1
      }
    }
    guard asFraction > asPoints else { return }
    let startColumnIsFraction = numbers.values.allSatisfy { ($0["ty_le_ngheo_dau_nam"] ?? 0) <= 1 }
    for row in numbers.keys {
      numbers[row]?["ty_le_ngheo_cuoi_nam"].map { numbers[row]?["ty_le_ngheo_cuoi_nam"] = $0 * 100 }
      if startColumnIsFraction {
        numbers[row]?["ty_le_ngheo_dau_nam"].map { numbers[row]?["ty_le_ngheo_dau_nam"] = $0 * 100 }
      }
    }
  }

  private func povertyRules(_ numbers: [Int: [String: Double]]) -> [Finding] {
    var findings: [Finding] = []
    func column(_ f: String) -> Int? { table.column(of: f) }
    func text(_ x: Double) -> String { x.hundredthsText }
    var seenAreas: [String: Int] = [:]
    let nameColumn = table.form.role?.areaName.flatMap(column)
    let children = areas
    let identifier = UnitIdentifier(movement: movement, registry: UnitRegistry(units: children))
    for row in table.dataRows {
      let v = numbers[row] ?? [:]
      if let start = v["ho_ngheo_dau_nam"], let out = v["ho_thoat_ngheo"], let end = v["ho_ngheo_cuoi_nam"],
        let c = column("ho_ngheo_cuoi_nam")
      {
        let expected = start - out + (v["ho_tai_ngheo"] ?? 0) + (v["ho_ngheo_phat_sinh"] ?? 0)
        if expected != end {
          findings.append(
            finding("balance-mismatch", .error, row: row, column: c, ["seen": text(end), "expected": text(expected)]))
        }
      }
      if let households = v["tong_so_ho"], households > 0, let end = v["ho_ngheo_cuoi_nam"],
        let stated = v["ty_le_ngheo_cuoi_nam"], let c = column("ty_le_ngheo_cuoi_nam")
      {
        let computed = end / households * 100
        // A rate stored as a fraction under a % format reads 100 times smaller.
        let asPercent = abs(stated - computed) <= tolerance + 1e-9 || abs(stated * 100 - computed) <= tolerance + 1e-9
        if !asPercent {
          findings.append(
            finding(
              "rate-mismatch", .warning, row: row, column: c,
              [
                "seen": text(stated), "expected": text(computed),
                "field": table.form.fields.first { $0.name == "ty_le_ngheo_cuoi_nam" }?.title ?? "ty_le_ngheo_cuoi_nam",
              ]))
        }
      }
      if let households = v["tong_so_ho"], let end = v["ho_ngheo_cuoi_nam"],
        let poorColumn = column("ho_ngheo_cuoi_nam")
      {
        let poorAndNear = end + (v["ho_can_ngheo_cuoi_nam"] ?? 0)
        if poorAndNear > households {
          // At the figure that tips the sum over: the near-poor when the poor alone fit.
          let c = end <= households ? column("ho_can_ngheo_cuoi_nam") ?? poorColumn : poorColumn
          findings.append(
            finding(
              "poor-exceeds-households", .error, row: row, column: c,
              ["seen": text(poorAndNear), "expected": text(households)]))
        }
      }
      if let nameColumn, case .text(let name) = grid.value(row, nameColumn) {
        // The same area twice: the same registry unit, or the same name as written
        // (Trà Don and Trà Dơn, Tam Dân and Tam Đàn are different communes that fold alike).
        // The area's code, when the table gives one, wins over its name (DOMAIN, CHI_TIEU).
        let code = table.form.role?.areaCode.flatMap(column).map { grid.value(row, $0) }.flatMap { value -> String? in
          value.isEmpty ? nil : CanonicalCSV.text(value)
        }
        let byCode = code.map { identifier.match($0, among: children, fuzzy: false) }
        let match =
          children.isEmpty
          ? (units: [RegistryUnit](), fuzzy: false)
          : byCode.flatMap { $0.units.count == 1 ? $0 : nil } ?? identifier.match(name, among: children)
        let key =
          match.units.count == 1
          ? "code:" + match.units[0].code
          : code.map { "code:" + TextFolding.fold($0) } ?? UnitIdentifier.markedBare(name, movement.vocabulary)
        if let first = seenAreas[key] {
          findings.append(
            finding("duplicate-row", .error, row: row, column: nameColumn, ["seen": name, "expected": "\(first)"]))
        } else {
          seenAreas[key] = row
        }
        if !children.isEmpty {
          if match.units.isEmpty {
            findings.append(finding("unknown-area", .warning, row: row, column: nameColumn, ["seen": name]))
          } else if match.units.count > 1 {
            findings.append(
              finding(
                "ambiguous-unit", .error, row: row, column: nameColumn,
                ["seen": name, "candidates": match.units.map(\.name).joined(separator: ", ")]))
          } else if match.fuzzy {
            findings.append(
              finding(
                "fuzzy-match", .info, row: row, column: nameColumn, ["seen": name, "expected": match.units[0].name]))
          }
        }
      }
    }
    let sums =
      (table.totalRow.map { [DetectedTable.Subtotal(row: $0, members: table.dataRows)] } ?? []) + table.subtotals
    let counts = [
      "tong_so_ho", "ho_ngheo_dau_nam", "ho_thoat_ngheo", "ho_tai_ngheo", "ho_ngheo_phat_sinh", "ho_ngheo_cuoi_nam",
      "ho_can_ngheo_cuoi_nam",
    ]
    for sum in sums where !sum.members.isEmpty {
      let total = sum.row
      for field in counts {
        guard let c = column(field), let stated = numbers[total]?[field] else { continue }
        let added = sum.members.reduce(0) { $0 + (numbers[$1]?[field] ?? 0) }
        if added != stated {
          let title = table.form.fields.first { $0.name == field }?.title ?? field
          findings.append(
            finding(
              "total-mismatch", .error, row: total, column: c,
              ["seen": text(stated), "expected": text(added), "field": title]))
        }
      }
    }
    return findings
  }
}
