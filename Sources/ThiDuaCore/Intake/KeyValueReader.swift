import SheetIO

/// Reads a key-value form (`THONG_TIN`): each field's label in a cell, its value in a cell
/// to its right (`Chỉ tiêu | Giá trị`, or `Nội dung | Đơn vị tính | Số liệu`). Labels are
/// matched like column headers (`FieldRule` scores, one assignment over the sheet's labels).
struct KeyValueReader: Sendable {
  let form: FormSchema
  let vocabulary: FoldedVocabulary
  /// Field codes: a row that holds one left of a title is a list of fields (an
  /// instructions sheet), not a value.
  let knownCodes: Set<String>
  /// Built once: folding every field's rule per sheet cost a twentieth of an inbox's time.
  private let matcher: HeaderMatcher

  init(form: FormSchema, vocabulary: FoldedVocabulary, knownCodes: Set<String> = []) {
    self.form = form
    self.vocabulary = vocabulary
    self.knownCodes = knownCodes
    matcher = HeaderMatcher(form: form, vocabulary: vocabulary)
  }

  /// Columns searched right of a label for its value.
  static let valueReach = 4

  /// Field code → its value, or nil when fewer than `minimumFields` labels match.
  func read(_ grid: SheetGrid) -> [String: KeyValueValue]? {
    guard grid.lastRow > 0 else { return nil }
    var labels: [Int: HeaderText] = [:]
    var addresses: [Int: CellAddress] = [:]
    for address in grid.cells.keys.sorted() {
      guard case .text(let text) = grid.cells[address]?.value, TitleCells.isTitle(text) else { continue }
      let listsCodes = grid.cells(inRow: address.row, within: 1...address.column).contains { cell in
        cell.address.column < address.column && (cell.value.text.map(knownCodes.contains) ?? false)
      }
      guard !listsCodes, !isHeading(text, at: address, in: grid) else { continue }
      let words = HeaderText(text)
      guard !words.isEmpty, words.words.count <= TitleCells.maxWords else { continue }
      let key = addresses.count
      labels[key] = words
      addresses[key] = address
    }
    if let template = templateValues(grid) { return template }
    let valueColumns = valueColumnTitles(grid)
    var found: [String: KeyValueValue] = [:]
    for (key, match) in matcher.match(labels: labels) {
      guard let label = addresses[key] else { continue }
      let field = form.fields.first { $0.name == match.field }
      // Under a `Giá trị` title the value is in that column, filled in or not.
      if let column = valueColumns.last(where: { $0.row < label.row && $0.column > label.column })?.column {
        let cell = CellAddress(row: label.row, column: column)
        found[match.field] = KeyValueValue(
          value: grid.value(cell.row, cell.column), cell: cell, label: label, match: match,
          multiplier: field?.unit == "đồng"
            ? Self.multiplier(labels[key]!, unitText(grid, label.row, between: label.column, column)) : 1)
        continue
      }
      let (value, cell, unitText) = valueRight(of: label, in: grid, field: field)
      let multiplier = field?.unit == "đồng" ? Self.multiplier(labels[key]!, unitText) : 1
      found[match.field] = KeyValueValue(value: value, cell: cell, label: label, match: match, multiplier: multiplier)
    }
    return found.count >= vocabulary.limits.minimumFields ? found : nil
  }

  /// A line in capitals with nothing right of it (`BÁO CÁO KẾT QUẢ VẬN ĐỘNG QUỸ … NĂM
  /// 2025`) heads the sheet; it is no field's label, whatever words it shares with one.
  private func isHeading(_ text: String, at address: CellAddress, in grid: SheetGrid) -> Bool {
    guard text.contains(where: \.isLetter), text == text.uppercased() else { return false }
    let right = (address.column + 1)...(address.column + Self.valueReach)
    return !grid.cells(inRow: address.row, within: right).contains { !$0.value.isEmpty }
  }

  /// A sheet of a thidua template holds each field's code in its row (a hidden column):
  /// the value is in the `Giá trị` column of that row, whatever the label says.
  private func templateValues(_ grid: SheetGrid) -> [String: KeyValueValue]? {
    let codes = Set(form.fields.map(\.name))
    var rows: [String: CellAddress] = [:]
    var otherForms = false
    for (address, cell) in grid.cells {
      guard case .text(let t) = cell.value else { continue }
      if codes.contains(t) { rows[t] = address } else if knownCodes.contains(t) { otherForms = true }
    }
    // The instructions sheet lists every form's codes: it is not the form.
    guard !otherForms, Double(rows.count) >= Double(codes.count) * vocabulary.limits.templateCodeShare else {
      return nil
    }
    let valueColumn = valueColumnTitles(grid).first?.column ?? 2
    var found: [String: KeyValueValue] = [:]
    for (code, address) in rows {
      let cell = CellAddress(row: address.row, column: valueColumn)
      let match = ColumnMatch(field: code, score: .infinity, runnerUp: nil, runnerUpScore: nil)
      let title =
        grid.cells(inRow: address.row, within: 1...valueColumn).lazy
        .filter { $0.address.column < valueColumn }.compactMap(\.value.text).first ?? ""
      let unit = unitText(grid, address.row, between: valueColumn, address.column)
      let multiplier =
        form.fields.first { $0.name == code }?.unit == "đồng" ? Self.multiplier(HeaderText(title), unit) : 1
      found[code] = KeyValueValue(
        value: grid.value(cell.row, cell.column), cell: cell, label: CellAddress(row: address.row, column: 1),
        match: match,
        multiplier: multiplier)
    }
    return found
  }

  /// Cells titled `Giá trị`, `Số liệu` …: the value column of the rows below them.
  private func valueColumnTitles(_ grid: SheetGrid) -> [CellAddress] {
    grid.cells.compactMap { address, cell in
      guard case .text(let t) = cell.value, vocabulary.valueColumnTitles.contains(TextFolding.fold(t)) else {
        return nil
      }
      return address
    }.sorted()
  }

  /// A unit of measure standing in the row between two columns (`triệu đồng`).
  private func unitText(_ grid: SheetGrid, _ row: Int, between a: Int, _ b: Int) -> String? {
    guard abs(b - a) > 1 else { return nil }
    return grid.cells(inRow: row, within: (min(a, b) + 1)...(max(a, b) - 1)).lazy
      .compactMap { $0.value.text.map(TextFolding.fold) }
      .first { Self.unitWords.contains($0) }
  }

  /// The first cell right of the label that holds a value; a unit between them (`đồng`,
  /// `hộ`, `triệu đồng`) is passed over and kept for the multiplier.
  private func valueRight(of label: CellAddress, in grid: SheetGrid, field: FieldSchema?) -> (
    CellValue, CellAddress, String?
  ) {
    var unitText: String?
    let next = CellAddress(row: label.row, column: label.column + 1)
    for column in (label.column + 1)...(label.column + Self.valueReach) {
      let value = grid.value(label.row, column)
      let here = CellAddress(row: label.row, column: column)
      switch value {
      case .empty: continue
      case .text(let t):
        let folded = TextFolding.fold(t)
        if t.contains("_") && !t.contains(" ") { continue }  // a field code
        if Self.unitWords.contains(folded) {
          unitText = folded
          continue
        }
        return (value, here, unitText)
      default: return (value, here, unitText)
      }
    }
    return (.empty, next, unitText)
  }

  /// What a unit-of-measure column holds.
  static let unitWords: Set<String> = [
    "dong", "vnd", "trieu dong", "tr dong", "trd", "nghin dong", "ngan dong", "ty dong", "ho", "cai", "can", "nha",
    "bao cao", "don", "mo hinh", "lan", "ngay", "nam", "nguoi", "khau", "phan tram",
  ]

  /// Đồng per unit of an amount whose label or unit cell says `triệu đồng` (×10⁶),
  /// `nghìn đồng` (×10³) or `tỷ đồng` (×10⁹).
  static func multiplier(_ label: HeaderText, _ unit: String?) -> Double {
    let text = " " + label.words.map(\.text).joined(separator: " ") + " " + (unit ?? "") + " "
    if text.contains(" ty dong ") { return 1e9 }
    if text.contains(" trieu dong ") || text.contains(" tr dong ") || text.contains(" trd ") { return 1e6 }
    if text.contains(" nghin dong ") || text.contains(" ngan dong ") { return 1e3 }
    return 1
  }
}
