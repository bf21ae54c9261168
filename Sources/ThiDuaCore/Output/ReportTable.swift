import SheetIO

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
    if let subtitle {
      // Across the table's width, wrapped, so that the page shows all of it.
      try sheet.merge(
        CellRange(first: CellAddress(row: 2, column: 1), last: CellAddress(row: 2, column: max(width, 2))),
        text: subtitle, style: OutputStyles.note.with { $0.wrap = true })
      let lines = Self.lines(.text(subtitle), width: columns.reduce(0) { $0 + $1.width })
      try sheet.setRow(2, height: min(Self.lineHeight * Double(lines) + 2, Self.maxRowHeight))
    }
    for (i, column) in columns.enumerated() {
      try sheet.writeText(column.title, at: CellAddress(row: Self.headerRow, column: i + 1), style: OutputStyles.header)
      try sheet.setColumns((i + 1)...(i + 1), width: column.width)
    }
    let headerLines = columns.map { Self.lines(.text($0.title), width: $0.width) }.max() ?? 1
    try sheet.setRow(Self.headerRow, height: Self.lineHeight * Double(headerLines) + 4)
    for (r, row) in rows.enumerated() {
      var lines = 1
      for (c, value) in row.enumerated() where c < columns.count {
        let address = CellAddress(row: Self.firstDataRow + r, column: c + 1)
        try sheet.write(Self.fitted(value), at: address, style: columns[c].style)
        if columns[c].style.wrap { lines = max(lines, Self.lines(value, width: columns[c].width)) }
      }
      // libxlsxwriter cannot measure text, and not every reader fits rows on opening.
      if lines > 1 {
        try sheet.setRow(Self.firstDataRow + r, height: min(Self.lineHeight * Double(lines) + 2, Self.maxRowHeight))
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

  /// The most a cell holds (32,767 UTF-16 units) and the tallest row (409 points), in
  /// Excel's specifications and limits.
  static let maxCellText = 32_767
  static let maxRowHeight = 409.0

  /// A text past what a cell holds, cut with a mark; CSV and JSON keep it whole.
  static func fitted(_ value: CellValue) -> CellValue {
    guard case .text(let text) = value, text.utf16.count > maxCellText else { return value }
    var cut = Substring(text)
    while cut.utf16.count > maxCellText - 2 { cut = cut.dropLast(max(1, (cut.utf16.count - maxCellText + 2) / 2)) }
    return .text(cut + " …")
  }

  /// Height of one line of 12-point Times New Roman, in points.
  static let lineHeight = 15.75

  /// Lines a wrapped cell needs: a column width counts about that many characters.
  static func lines(_ value: CellValue, width: Double) -> Int {
    guard case .text(let text) = value else { return 1 }
    let perLine = max(WholeNumber.clamped(width * 0.9, to: 0...10_000) - 1, 1)
    return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { sum, line in
      sum + max(1, (line.count + perLine - 1) / perLine)
    }
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
/// Titles and headers look as in the templates units fill in.
enum OutputStyles {
  static let title = TemplateStyles.title
  static let note = CellStyle.plain.with { $0.italic = true }
  static let header = TemplateStyles.header
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
