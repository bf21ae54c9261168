public import SheetIO

/// A titled table on its own sheet, the shape of every output sheet: title, a line under
/// it, bold bordered headers frozen at the top, a filter, A4 landscape with the header
/// row repeated on every page.
struct ReportTable {
  struct Column {
    var title: String
    var width: Double
    var style: CellStyle = OutputStyles.cell
  }

  var title: String
  var subtitle: String?
  var columns: [Column]
  var rows: [[CellValue]]

  static let headerRow = 4
  static var firstDataRow: Int { headerRow + 1 }

  /// The last data row written (the header row when there are no rows).
  @discardableResult
  func write(on sheet: SheetWriter) throws(WriteError) -> Int {
    let width = max(columns.count, 1)
    try sheet.merge(
      CellRange(first: CellAddress(row: 1, column: 1), last: CellAddress(row: 1, column: max(width, 2))),
      text: title, style: OutputStyles.title)
    if let subtitle { try sheet.writeText(subtitle, at: CellAddress(row: 2, column: 1), style: OutputStyles.note) }
    for (i, column) in columns.enumerated() {
      try sheet.writeText(column.title, at: CellAddress(row: Self.headerRow, column: i + 1), style: OutputStyles.header)
      try sheet.setColumns((i + 1)...(i + 1), width: column.width)
    }
    for (r, row) in rows.enumerated() {
      for (c, value) in row.enumerated() where c < columns.count {
        let address = CellAddress(row: Self.firstDataRow + r, column: c + 1)
        try sheet.write(value, at: address, style: columns[c].style)
      }
    }
    let last = Self.headerRow + rows.count
    try sheet.freezePanes(at: CellAddress(row: Self.firstDataRow, column: 1))
    try sheet.autofilter(
      CellRange(first: CellAddress(row: Self.headerRow, column: 1), last: CellAddress(row: last, column: width)))
    var setup = PrintSetup()
    setup.landscape = true
    setup.repeatRows = Self.headerRow...Self.headerRow
    try sheet.printSetup(setup)
    return last
  }

  /// Colours a column of statuses: met green, not met red, the rest amber.
  static func colourStatuses(
    _ sheet: SheetWriter, columns: ClosedRange<Int>, lastRow: Int, words: Words
  ) throws(WriteError) {
    guard lastRow >= firstDataRow else { return }
    let range = CellRange(
      first: CellAddress(row: firstDataRow, column: columns.lowerBound),
      last: CellAddress(row: lastRow, column: columns.upperBound))
    try sheet.conditionalFormat(range, ConditionalFormat(.equalText(words("Đạt", "Met")), style: OutputStyles.good))
    try sheet.conditionalFormat(
      range, ConditionalFormat(.equalText(words("Không đạt", "Not met")), style: OutputStyles.bad))
    try sheet.conditionalFormat(
      range, ConditionalFormat(.equalText(words("Chưa đánh giá được", "Not assessable")), style: OutputStyles.unsure))
  }
}

/// Looks of the output workbooks: Times New Roman throughout (CellStyle's default).
enum OutputStyles {
  static let title = CellStyle.plain.with {
    $0.bold = true
    $0.fontSize = 14
    $0.alignment = .center
  }
  static let note = CellStyle.plain.with { $0.italic = true }
  static let header = CellStyle.plain.with {
    $0.bold = true
    $0.border = true
    $0.wrap = true
    $0.alignment = .center
    $0.verticalAlignment = .center
    $0.fill = 0xDDEBF7
  }
  static let cell = CellStyle.plain.with {
    $0.border = true
    $0.verticalAlignment = .top
  }
  static let wrapped = cell.with { $0.wrap = true }
  static let count = cell.with { $0.numberFormat = "#,##0" }
  static let decimal = cell.with { $0.numberFormat = "#,##0.00" }
  static let date = cell.with { $0.numberFormat = "dd/mm/yyyy" }
  static let centered = cell.with { $0.alignment = .center }
  static let bold = cell.with { $0.bold = true }
  static let boldCount = count.with { $0.bold = true }
  static let input = cell.with {
    $0.locked = false
    $0.fill = 0xFFF2CC
  }
  static let good = CellStyle.plain.with {
    $0.fill = 0xC6EFCE
    $0.fontColor = 0x006100
  }
  static let bad = CellStyle.plain.with {
    $0.fill = 0xFFC7CE
    $0.fontColor = 0x9C0006
  }
  static let unsure = CellStyle.plain.with {
    $0.fill = 0xFFEB9C
    $0.fontColor = 0x9C5700
  }
}
