import SheetIO

/// A titled table on its own sheet, the shape of every output sheet: title, a line under
/// it, bold bordered headers frozen at the top, a filter, A4 landscape with the header
/// row repeated on every page, one page wide.
///
/// Columns are as wide as what they hold, measured in the font (`TextWidth`), up to
/// each column's `width`; a text wider than that wraps, and each row is as tall as its
/// most wrapped cell, so that no text is cut off on screen or on paper.
struct ReportTable {
  struct Column {
    var title: String
    /// The most the column may take, in Excel's unit; it is narrower when its texts are.
    var width: Double
    var style: CellStyle = OutputStyles.cell
  }

  var title: String
  var subtitle: String?
  var columns: [Column]
  var rows: [[CellValue]]
  /// The language of the page footer (`Trang 3/27`, `Page 3/27`).
  var words: Words

  static let headerRow = 4
  static var firstDataRow: Int { headerRow + 1 }

  /// The last data row written (the header row when there are no rows).
  @discardableResult
  func write(on sheet: SheetWriter) throws(WriteError) -> Int {
    let width = max(columns.count, 1)
    let sized = Self.fit(columns, rows: rows)
    try sheet.merge(
      CellRange(first: CellAddress(row: 1, column: 1), last: CellAddress(row: 1, column: max(width, 2))),
      text: title, style: OutputStyles.title)
    if let subtitle = subtitle.map({ Self.fitted(.text($0)).text ?? $0 }) {
      // Across the table's width, wrapped, so that the page shows all of it.
      try sheet.merge(
        CellRange(first: CellAddress(row: 2, column: 1), last: CellAddress(row: 2, column: max(width, 2))),
        text: subtitle, style: OutputStyles.note.with { $0.wrap = true })
      let total = sized.reduce(0) { $0 + $1.width } + Double(max(sized.count - 1, 0)) * 5 / 7
      let lines = TextWidth.lines(subtitle, columnWidth: total, size: OutputStyles.note.fontSize)
      try sheet.setRow(2, height: Self.height(lines: lines))
    }
    for (i, column) in sized.enumerated() {
      try sheet.writeText(column.title, at: CellAddress(row: Self.headerRow, column: i + 1), style: OutputStyles.header)
      try sheet.setColumns((i + 1)...(i + 1), width: column.width)
    }
    let headerLines =
      sized.map {
        TextWidth.lines($0.title, columnWidth: $0.width, size: OutputStyles.header.fontSize, bold: true)
      }.max() ?? 1
    try sheet.setRow(Self.headerRow, height: Self.height(lines: headerLines) + 2)
    for (r, row) in rows.enumerated() {
      var lines = 1
      for (c, value) in row.enumerated() where c < sized.count {
        let address = CellAddress(row: Self.firstDataRow + r, column: c + 1)
        let cell = Self.fitted(value)
        try sheet.write(cell, at: address, style: sized[c].style)
        if sized[c].style.wrap, case .text(let text) = cell {
          lines = max(lines, TextWidth.lines(text, columnWidth: sized[c].width, size: sized[c].style.fontSize))
        }
      }
      // libxlsxwriter cannot measure text, and not every reader fits rows on opening.
      if lines > 1 { try sheet.setRow(Self.firstDataRow + r, height: Self.height(lines: lines)) }
    }
    let last = Self.headerRow + rows.count
    try sheet.freezePanes(at: CellAddress(row: Self.firstDataRow, column: 1))
    try sheet.autofilter(
      CellRange(first: CellAddress(row: Self.headerRow, column: 1), last: CellAddress(row: last, column: width)))
    var setup = PrintSetup()
    setup.landscape = true
    setup.repeatRows = Self.headerRow...Self.headerRow
    setup.footer = Self.footer(words)
    try sheet.printSetup(setup)
    return last
  }

  /// The columns as written: each as wide as its widest line of text or number or its
  /// header (`headerPoints`), at most its `width`; a column holding a longer text wraps,
  /// and one holding a wider number or date is as wide as it, whatever `width` says.
  /// A column for the reader to type in (unlocked) keeps its width: it is empty when
  /// written.
  static func fit(_ columns: [Column], rows: [[CellValue]]) -> [Column] {
    columns.enumerated().map { c, column in
      guard column.style.locked else { return column }
      let size = column.style.fontSize
      var widest = 0.0
      // Numbers and dates do not wrap: narrower than they are, they show as ###.
      var widestFigure = 0.0
      for row in rows where c < row.count {
        let value = fitted(row[c])
        let width = points(value, style: column.style)
        widest = max(widest, width)
        if case .text = value {} else { widestFigure = max(widestFigure, width) }
      }
      let natural = TextWidth.columnWidth(points: max(widest, headerPoints(column.title, size: size), size))
      var out = column
      out.width = max(min(column.width, natural), TextWidth.columnWidth(points: widestFigure))
      if TextWidth.columnWidth(points: widest) > out.width { out.style.wrap = true }
      return out
    }
  }

  /// The narrowest a header may be: a header of up to three words on one line, a longer
  /// one on at most `lines` lines, no word cut.
  static func headerPoints(_ title: String, size: Double, lines most: Int = 3) -> Double {
    let words = title.split(whereSeparator: { $0 == " " || $0 == "\n" })
    let whole = TextWidth.points(title, size: size, bold: true)
    guard words.count > 3 else { return whole }
    var low = words.map { TextWidth.points($0, size: size, bold: true) }.max() ?? 0
    var high = whole
    // The narrowest width that keeps the header to `most` lines, to half a point.
    while high - low > 0.5 {
      let middle = (low + high) / 2
      let lines = TextWidth.lines(title, columnWidth: TextWidth.columnWidth(points: middle), size: size, bold: true)
      if lines <= most { high = middle } else { low = middle }
    }
    return high
  }

  /// The width of a value's widest line as it shows in its cell.
  static func points(_ value: CellValue, style: CellStyle) -> Double {
    let size = style.fontSize
    switch value {
    case .text(let text):
      return text.split(separator: "\n").map { TextWidth.points($0, size: size, bold: style.bold) }.max() ?? 0
    case .number(let x):
      // Digits, group marks and two decimals, as "#,##0.00" shows them.
      let digits = String(WholeNumber.clamped(abs(x), to: 0...999_999_999_999_999)).count
      let marks = style.numberFormat == nil ? 0 : (digits - 1) / 3
      let decimals = style.numberFormat?.contains(".00") == true || x != x.rounded() ? 3 : 0
      return Double(digits + marks + decimals + (x < 0 ? 1 : 0)) * size / 2
    case .date:
      // A date with its time of day where the format shows one (`dd/mm/yyyy hh:mm`).
      let shown = style.numberFormat?.contains("hh") == true ? "00/00/0000 00:00" : "00/00/0000"
      return TextWidth.points(shown, size: size)
    case .boolean: return TextWidth.points("FALSE", size: size)
    case .error(let code): return TextWidth.points(code, size: size)
    case .empty: return 0
    }
  }

  /// The page number at the foot of every printed page.
  static func footer(_ words: Words) -> String { words("&CTrang &P/&N", "&CPage &P/&N") }

  /// A row's height for lines of 12-point Times New Roman, at most the tallest row.
  static func height(lines: Int) -> Double { min(lineHeight * Double(lines) + 2, maxRowHeight) }

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
  static let dateTime = cell.with { $0.numberFormat = "dd/mm/yyyy hh:mm" }
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
