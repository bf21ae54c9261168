/// Lays the cells of one HTML table on a grid as a browser does (HTML's table
/// processing model): each cell takes the first column its row leaves free of earlier
/// rows' `rowspan`s, and spans `colspan` columns and `rowspan` rows.
struct HTMLTableBuilder {
  /// HTML's own bounds: `colspan` at most 1000, `rowspan` at most 65534.
  static let maxColspan = 1000
  static let maxRowspan = 65_534

  struct Span {
    var first: Int
    var last: Int
    var lastRow: Int
  }

  var before: [String]
  var caption = ""
  private(set) var rows: [(number: Int, cells: [TextCell])] = []
  private(set) var merges: [CellRange] = []
  /// Cells beyond Excel's grid, left out: how many.
  private(set) var cellsBeyondGrid = 0
  /// The spans of earlier rows' cells that reach later rows.
  private var active: [Span] = []
  private var row = 0
  private var column = 1
  private var cells: [TextCell] = []

  /// The rows of a `<tfoot>`, which browsers draw after the body wherever it stands.
  private var footer: [HTMLTableBuilder] = []
  var inFooter = false {
    didSet { if inFooter && footer.isEmpty { footer = [HTMLTableBuilder(before: [])] } }
  }

  init(before: [String]) { self.before = before }

  mutating func startRow() {
    if inFooter { return footer[0].startRow() }
    if row > 0 { endRow() }
    row += 1
    column = 1
    cells = []
  }

  mutating func endRow() {
    if inFooter { return footer[0].endRow() }
    guard row > 0, rows.last?.number != row else { return }
    rows.append((row, cells))
    cells = []
  }

  var currentRow: Int { inFooter ? footer[0].row : row }

  /// Places a cell of the current row (a row is begun if the table had none); returns
  /// the column it took.
  @discardableResult
  mutating func add(_ cell: TextCell, colspan: Int, rowspan: Int) -> Int {
    if inFooter { return footer[0].add(cell, colspan: colspan, rowspan: rowspan) }
    if row == 0 || rows.last?.number == row { startRow() }
    active.removeAll { $0.lastRow < row }
    while let blocking = active.first(where: { $0.first <= column && column <= $0.last }) { column = blocking.last + 1 }
    let across = min(max(1, colspan), Self.maxColspan)
    let down = min(max(1, rowspan), Self.maxRowspan)
    guard column <= CellAddress.maxColumn, row <= CellAddress.maxRow else {
      cellsBeyondGrid += 1
      return column
    }
    let last = min(column + across - 1, CellAddress.maxColumn)
    var placed = cell
    placed.column = column
    cells.append(placed)
    if down > 1 { active.append(Span(first: column, last: last, lastRow: row + down - 1)) }
    if across > 1 || down > 1 {
      merges.append(
        CellRange(first: CellAddress(row: row, column: column), last: CellAddress(row: row + down - 1, column: last)))
    }
    let placedColumn = column
    column = last + 1
    return placedColumn
  }

  /// The table's rows; merges cut at its last row, as a browser draws them.
  mutating func finish() {
    inFooter = false
    endRow()
    if var foot = footer.first {
      foot.finish()
      let offset = rows.last?.number ?? 0
      rows += foot.rows.map { (min($0.number + offset, CellAddress.maxRow), $0.cells) }
      merges += foot.merges.map {
        CellRange(
          first: CellAddress(row: min($0.first.row + offset, CellAddress.maxRow), column: $0.first.column),
          last: CellAddress(row: min($0.last.row + offset, CellAddress.maxRow), column: $0.last.column))
      }
      cellsBeyondGrid += foot.cellsBeyondGrid
      footer = []
    }
    let lastRow = max(1, rows.last?.number ?? 1)
    merges = merges.compactMap { merge in
      let cut = CellRange(
        first: merge.first, last: CellAddress(row: min(merge.last.row, lastRow), column: merge.last.column))
      return cut.first == cut.last ? nil : cut
    }
  }
}
