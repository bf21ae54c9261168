import SheetIO

/// A form found on a sheet: where its header is, which column holds which field, and
/// which rows hold data, totals or notes.
public struct DetectedTable: Sendable {
  /// A block's own total (`I Khu vực thành thị` with figures, or `Cộng` under its rows),
  /// and the data rows it sums.
  public struct Subtotal: Hashable, Sendable {
    public var row: Int
    public var members: [Int]
  }

  public var form: FormSchema
  /// First and last header row.
  public var headerRows: ClosedRange<Int>
  /// Field code by column.
  public var columns: [Int: String]
  /// How each mapped column was matched (empty for a template's code row).
  public var matches: [Int: ColumnMatch] = [:]
  /// Header columns left unmapped, with their best score when some field came close.
  public var unmapped: [Int] = []
  public var dataRows: [Int]
  /// The table's grand total, wherever it stands (first, last).
  public var totalRow: Int?
  public var subtotals: [Subtotal] = []
  /// True when the sheet carries the field codes of a thidua template.
  public var fromTemplate: Bool

  public func column(of field: String) -> Int? { columns.first { $0.value == field }?.key }
}

/// Finds the header of each form on a sheet: under title rows, over one to three rows
/// with merged parents, with a row of column numbers or letters, in any column order,
/// with or without diacritics (docs/findings.md).
public struct TableDetector: Sendable {
  public let forms: [FormSchema]
  let vocabulary: FoldedVocabulary
  private let matchers: [HeaderMatcher]

  public init(forms: [FormSchema], movement: MovementDefinition) {
    self.init(forms: forms, vocabulary: movement.vocabulary)
  }

  init(forms: [FormSchema], vocabulary: FoldedVocabulary) {
    self.forms = forms.filter { $0.layout == .rows }
    self.vocabulary = vocabulary
    matchers = self.forms.map { HeaderMatcher(form: $0, vocabulary: vocabulary) }
  }

  /// The title cells of the sheet, each row cut into words once when first asked: every
  /// search for a header on the sheet takes its rows from them. (Reading them again for
  /// each row a table might end at made a long table cost the square of its rows.)
  func titles(_ grid: SheetGrid) -> SheetTitles {
    SheetTitles(grid, skipping: vocabulary.unitLabelExclusions)
  }

  /// The first header on the sheet (a template's code row, else the best match from the
  /// top), before its rows are sorted: it tells where the title lines end.
  /// `codeRow`: the row a template's defined name marks as the form's field codes.
  func firstHeader(_ grid: SheetGrid, titles: SheetTitles, codeRow: (form: String, row: Int)? = nil) -> DetectedTable? {
    codeRow.flatMap { markedTable(grid, $0) } ?? templateTable(grid) ?? bestHeader(grid, from: 1, titles: titles)
  }

  /// The table a template's marker names: its row of field codes decides the columns,
  /// even when columns were deleted, as long as `minimumFields` codes are left.
  private func markedTable(_ grid: SheetGrid, _ mark: (form: String, row: Int)) -> DetectedTable? {
    guard let form = forms.first(where: { $0.name == mark.form }) else { return nil }
    let codes = Set(form.fields.map(\.name))
    var columns: [Int: String] = [:]
    for cell in grid.cells(inRow: mark.row) {
      if case .text(let t) = cell.value, codes.contains(t) { columns[cell.address.column] = t }
    }
    guard columns.count >= vocabulary.limits.minimumFields else { return nil }
    return DetectedTable(
      form: form, headerRows: max(1, mark.row - 1)...mark.row, columns: columns, dataRows: [], fromTemplate: true)
  }

  /// Every table on the sheet, top to bottom, starting with `first`: after one table's
  /// last row the search starts again, so a sheet may hold, say, the poverty table and
  /// the self-assessment. A row naming `sender` is its total.
  func detectAll(
    _ grid: SheetGrid, first: DetectedTable, titles: SheetTitles, sender: RegistryUnit?, registry: UnitIdentifier?
  ) -> [DetectedTable] {
    var tables: [DetectedTable] = []
    var next: DetectedTable? = first
    while let header = next {
      let table = classified(header, grid, titles, sender, registry)
      tables.append(table)
      let end = max(
        table.dataRows.last ?? 0, table.totalRow ?? 0, table.subtotals.map(\.row).max() ?? 0,
        table.headerRows.upperBound)
      next = end < grid.lastRow ? bestHeader(grid, from: end + 1, titles: titles) : nil
    }
    return tables
  }

  /// Every table on the sheet, for a sheet read on its own (no sender known).
  public func detectAll(_ grid: SheetGrid) -> [DetectedTable] {
    let titles = titles(grid)
    return firstHeader(grid, titles: titles).map {
      detectAll(grid, first: $0, titles: titles, sender: nil, registry: nil)
    } ?? []
  }

  /// The best header from `from` on: each candidate block, for each form, is one
  /// assignment; the highest total wins, then the shallower block, then the earlier.
  func bestHeader(_ grid: SheetGrid, from: Int, titles sheetTitles: SheetTitles) -> DetectedTable? {
    let limits = vocabulary.limits
    let lastStart = min(grid.lastRow, from + limits.headerSearchRows - 1)
    guard lastStart >= from else { return nil }
    let titles = sheetTitles.titles(from...min(grid.lastRow, lastStart + limits.maxHeaderRows - 1))
    var caches = Array(repeating: [String: [Double?]](), count: matchers.count)
    var best: (score: Double, depth: Int, table: DetectedTable)?
    for start in from...lastStart where titles.byRow[start] != nil {
      for depth in 1...max(1, limits.maxHeaderRows) where start + depth - 1 <= grid.lastRow {
        guard let block = HeaderBlock(grid, rows: start...(start + depth - 1), titles: titles, years: vocabulary.years),
          block.paths.count >= limits.minimumFields
        else { continue }
        for (i, matcher) in matchers.enumerated() {
          let matches = matcher.match(block, cache: &caches[i])
          let form = matcher.form
          let required = form.fields.filter(\.isRequired).map(\.name)
          let found = Set(matches.values.map(\.field))
          let requiredFound = required.filter { found.contains($0) }.count
          guard matches.count >= limits.minimumFields, requiredFound * 2 >= required.count else { continue }
          let score = matches.values.reduce(0) { $0 + $1.score }
          if let current = best {
            let tie = abs(score - current.score) <= 1e-9
            guard score > current.score + 1e-9 || (tie && depth < current.depth) else { continue }
          }
          var table = DetectedTable(
            form: form, headerRows: block.rows, columns: matches.mapValues(\.field), dataRows: [], fromTemplate: false)
          table.matches = matches
          table.unmapped = block.paths.keys.filter { matches[$0] == nil }.sorted()
          best = (score, depth, table)
        }
      }
    }
    return best?.table
  }

  /// A sheet made from a thidua template holds a row of field codes (hidden): the mapping
  /// is exact, whatever the titles above say.
  private func templateTable(_ grid: SheetGrid) -> DetectedTable? {
    guard grid.lastRow >= 1 else { return nil }
    for form in forms {
      let codes = Set(form.fields.map(\.name))
      for row in 1...min(grid.lastRow, vocabulary.limits.headerSearchRows) {
        var columns: [Int: String] = [:]
        for cell in grid.cells(inRow: row) {
          if case .text(let t) = cell.value, codes.contains(t) { columns[cell.address.column] = t }
        }
        if Double(columns.count) >= Double(codes.count) * vocabulary.limits.templateCodeShare {
          return DetectedTable(
            form: form, headerRows: max(1, row - 1)...row, columns: columns, dataRows: [], fromTemplate: true)
        }
      }
    }
    return nil
  }

  private func classified(
    _ header: DetectedTable, _ grid: SheetGrid, _ titles: SheetTitles, _ sender: RegistryUnit?,
    _ registry: UnitIdentifier?
  ) -> DetectedTable {
    var table = header
    let rows = RowClassifier(
      table: header, grid: grid, vocabulary: vocabulary, sender: sender, registry: registry,
      startsAnotherTable: { startsAnotherTable(grid, $0, besides: header.columns, titles: titles) }
    ).classify()
    table.dataRows = rows.data
    table.totalRow = rows.total
    table.subtotals = rows.subtotals
    return table
  }

  /// Whether `row` holds column titles of a form — other titles than `columns`' own.
  private func startsAnotherTable(
    _ grid: SheetGrid, _ row: Int, besides columns: [Int: String], titles sheetTitles: SheetTitles
  ) -> Bool {
    let titles = sheetTitles.titles(row...row)
    // A data row has a name or two among its figures; titles fill the row.
    guard (titles.byRow[row]?.count ?? 0) >= vocabulary.limits.minimumFields,
      let block = HeaderBlock(grid, rows: row...row, titles: titles, years: vocabulary.years)
    else { return false }
    return matchers.contains { matcher in
      var cache: [String: [Double?]] = [:]
      let found = matcher.match(block, cache: &cache).mapValues(\.field)
      return found.count >= vocabulary.limits.minimumFields && found != columns
    }
  }
}
