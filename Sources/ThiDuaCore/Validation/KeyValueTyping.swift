import SheetIO

/// Types the values of a key-value form by their fields' types, and makes of them the
/// one-row table the later stages use.
enum KeyValueTyping {
  static func table(_ form: FormSchema, _ found: [String: KeyValueValue], file: String, sheet: String) -> (
    table: FileReport.Table, findings: [Finding]
  ) {
    var values: [String: CellValue] = [:]
    var cells: [String: CellAddress] = [:]
    var findings: [Finding] = []
    for field in form.fields {
      guard let stated = found[field.name] else { continue }
      cells[field.name] = stated.cell
      guard !stated.value.isEmpty else { continue }
      let typed = type(stated.value, field: field, multiplier: stated.multiplier)
      if let code = typed.finding {
        let seen = stated.value.number.map(FieldSchema.edgeText) ?? CanonicalCSV.text(stated.value)
        findings.append(
          Finding(
            code: code, severity: .error, location: Location(file: file, sheet: sheet, cell: stated.cell),
            values: ["seen": seen, "expected": typed.expected, "field": field.title]))
      } else {
        values[field.name] = typed.value
        if field.type == .string, case .text(let t) = stated.value, FormulaLikeText.matches(t) {
          findings.append(
            Finding(
              code: "formula-like-text", severity: .warning,
              location: Location(file: file, sheet: sheet, cell: stated.cell),
              values: ["seen": t, "field": field.title]))
        }
      }
    }
    let rows = cells.values.map(\.row)
    let table = FileReport.Table(
      file: file, sheet: sheet, form: form.name, headerRows: (rows.min() ?? 1)...(rows.max() ?? 1), dataRows: 1,
      fromTemplate: false, rows: [values], cells: [cells], total: nil)
    return (table, findings)
  }

  /// One value typed by its field, an amount in millions of đồng scaled to đồng.
  static func type(_ value: CellValue, field: FieldSchema, multiplier: Double = 1) -> (
    value: CellValue, finding: String?, expected: String
  ) {
    switch field.type {
    case .integer, .number, .percent:
      var number: Double?
      if case .number(let n) = value { number = n }
      if case .text(let t) = value, case .number(let n) = TypedText(t, numeric: true).value { number = n }
      guard let stated = number else { return (value, "type-error", "số") }
      let n = stated * multiplier
      guard WholeNumber.inRange(n) else { return (value, "value-out-of-range", field.allowedRange) }
      if let bound = field.rangeViolation(n) { return (value, "constraint-error", bound) }
      return (.number(n), nil, "")
    case .date:
      if case .date = value { return (value, nil, "") }
      if case .text(let t) = value, let serial = VietnameseDate.serial(t) {
        return (.date(ExcelDate(serial: serial, uses1904: false)), nil, "")
      }
      return (value, "type-error", "ngày/tháng/năm")
    case .enum:
      let allowed = field.constraints?.enum ?? []
      if case .text(let t) = value {
        let folded = TextFolding.fold(t)
        if let match = allowed.first(where: { TextFolding.fold($0) == folded }) { return (.text(match), nil, "") }
      }
      return (value, "constraint-error", allowed.joined(separator: " / "))
    case .string:
      return (value, nil, "")
    }
  }
}
