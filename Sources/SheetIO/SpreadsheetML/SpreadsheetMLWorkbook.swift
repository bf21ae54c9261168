/// An Excel 2003 XML workbook (SpreadsheetML, `urn:schemas-microsoft-com:office:spreadsheet`),
/// as web software and old Excel versions save it, often under an .xls name.
///
/// The file is one XML document: it is parsed whole (within `maxDocumentBytes`) with the
/// same safety as an .xlsx part (no DOCTYPE, a depth limit) and each `Worksheet` becomes a
/// sheet: `Row`/`Cell` with `ss:Index` gaps, `ss:MergeAcross`/`ss:MergeDown` as merged
/// ranges, `Data ss:Type` as the value's type, the styles' `NumberFormat` for dates and
/// percentages, `WorksheetOptions/Visible` for hidden sheets.
enum SpreadsheetMLWorkbook {
  static func open(path: String, limits: ReadLimits) throws(SheetReadError) -> GridWorkbook {
    let bytes = DocumentBytes.expatReady(try DocumentBytes.read(path, limits: limits))
    let root = try ExpatTreeParser.parse(
      bytes, location: Location(file: path), maxDepth: limits.maxXMLDepth, keepsTextOrder: true)
    guard root.name == "Workbook" else {
      throw .malformedXML(Location(file: path), reason: "the root element is \(root.name), not an Excel 2003 Workbook")
    }
    let styles = SpreadsheetMLStyles(root.child("Styles"))
    let uses1904 = root.child("ExcelWorkbook")?.child("Date1904") != nil
    var contents: [GridWorkbook.Content] = []
    for worksheet in root.children("Worksheet") {
      let name = worksheet["Name"] ?? "Sheet\(contents.count + 1)"
      let info = SheetInfo(name: name, state: state(of: worksheet), index: contents.count, partPath: "")
      let location = Location(file: path, sheet: name)
      let table = worksheet.child("Table")
      let (rows, merges) =
        try table.map { t throws(SheetReadError) in
          try readTable(t, styles: styles, uses1904: uses1904, at: location)
        } ?? ([], [])
      contents.append(GridWorkbook.Content(info: info, rows: rows, merges: merges, notes: []))
    }
    return GridWorkbook(
      path: path, format: .spreadsheetML, contents: contents, styles: styles.table, uses1904: uses1904)
  }

  /// `WorksheetOptions/Visible` (`SheetHidden`, `SheetVeryHidden`), else visible.
  private static func state(of worksheet: XMLNode) -> SheetState {
    switch worksheet.child("WorksheetOptions")?.child("Visible")?.text.trimmingSpaces {
    case "SheetHidden": return .hidden
    case "SheetVeryHidden": return .veryHidden
    default: return .visible
    }
  }

  private static func readTable(
    _ table: XMLNode, styles: SpreadsheetMLStyles, uses1904: Bool, at location: Location
  ) throws(SheetReadError) -> ([Row], [CellRange]) {
    var rows: [Row] = []
    var merges: [CellRange] = []
    // The columns merges cover in the rows below their own, and their last row.
    var covered: [(columns: ClosedRange<Int>, lastRow: Int)] = []
    var rowNumber = 0
    for row in table.children("Row") {
      let number = try index(row["Index"], after: rowNumber, limit: CellAddress.maxRow, at: location, what: "row")
      rowNumber = number
      var cells: [Cell] = []
      var column = 0
      covered.removeAll { $0.lastRow < number }
      for cell in row.children("Cell") {
        column = try index(cell["Index"], after: column, limit: CellAddress.maxColumn, at: location, what: "column")
        // A cell without an index skips the columns that merges down from above cover
        // (LibreOffice writes none for them; Excel writes the index).
        if cell["Index"] == nil {
          while let span = covered.first(where: { $0.columns.contains(column) }) {
            column = span.columns.upperBound + 1
          }
          guard column <= CellAddress.maxColumn else {
            throw .beyondGrid(location, what: "a cell after column \(column - 1)")
          }
        }
        let address = CellAddress(row: number, column: column)
        let across = spanCount(cell["MergeAcross"])
        let down = spanCount(cell["MergeDown"])
        if across > 0 || down > 0 {
          guard column + across <= CellAddress.maxColumn, number + down <= CellAddress.maxRow else {
            throw .beyondGrid(location, what: "a merge from \(address)")
          }
          merges.append(CellRange(first: address, last: CellAddress(row: number + down, column: column + across)))
          if down > 0 { covered.append((column...(column + across), number + down)) }
        }
        let styleID = cell["StyleID"] ?? row["StyleID"]
        let style = styles.style(styleID)
        if let data = cell.child("Data"), let value = value(of: data, style: style, uses1904: uses1904) {
          cells.append(Cell(address: address, value: value, styleIndex: styles.index(styleID)))
        }
        column += across
      }
      if !cells.isEmpty { rows.append(Row(number: number, cells: cells)) }
      // `ss:Span` repeats the row's settings over the next rows: the next row comes after them.
      rowNumber = min(number + spanCount(row["Span"]), CellAddress.maxRow)
    }
    return (rows, merges)
  }

  /// `ss:Index` (1-based, past the previous one) or the next position.
  private static func index(
    _ text: String?, after previous: Int, limit: Int, at location: Location, what: String
  ) throws(SheetReadError) -> Int {
    guard let text else {
      guard previous < limit else { throw .beyondGrid(location, what: "the \(what) after \(previous)") }
      return previous + 1
    }
    guard let n = Int(text.trimmingSpaces), n > previous else {
      throw .malformedXML(location, reason: "ss:Index=\"\(text)\" of a \(what) does not follow \(previous)")
    }
    guard n <= limit else { throw .beyondGrid(location, what: "\(what) \(n)") }
    return n
  }

  /// An ISO 8601 date-time; a duration past a day is written as hours past 23 after the
  /// day before the first (`1899-12-31T36:00:00.000`, LibreOffice's export of 36 hours).
  static func dateTimeSerial(_ text: String) -> Double? {
    if let serial = ISODate.serial(text, uses1904: false) { return serial }
    let parts = text.split(separator: "T", maxSplits: 1)
    guard parts.count == 2, let day = ISODate.serial(String(parts[0]), uses1904: false) else { return nil }
    let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
    guard clock.count == 3, let h = Int(clock[0]), let m = Int(clock[1]), let sec = Double(clock[2]),
      (0..<10_000).contains(h), (0..<60).contains(m), sec >= 0, sec < 60
    else { return nil }
    return day + (Double(h) * 3600 + Double(m) * 60 + sec) / 86_400
  }

  private static func spanCount(_ text: String?) -> Int {
    text.flatMap { Int($0.trimmingSpaces) }.map { max(0, $0) } ?? 0
  }

  /// The value of `Data` by `ss:Type`: Number (a date or time under a date format),
  /// DateTime, Boolean, Error, String (the text of rich runs in order).
  private static func value(of data: XMLNode, style: SpreadsheetMLStyles.Style, uses1904: Bool) -> CellValue? {
    let text = data.allText
    switch data["Type"] {
    case "Number":
      guard let n = Double(text.trimmingSpaces), n.isFinite else { return text.isEmpty ? nil : .text(text) }
      return style.isDate ? ExcelDate.value(serial: n, uses1904: uses1904) : .number(n)
    case "DateTime":
      // Dates are written as ISO 8601 text, whatever the date system.
      guard let serial = dateTimeSerial(text.trimmingSpaces) else {
        return text.isEmpty ? nil : .text(text)
      }
      return .date(ExcelDate(serial: serial, uses1904: false))
    case "Boolean":
      return .boolean(text.trimmingSpaces == "1" || text.trimmingSpaces.lowercased() == "true")
    case "Error":
      return .error(text.trimmingSpaces)
    default:
      return text.isEmpty ? nil : .text(text)
    }
  }
}

/// The `Styles` of an Excel 2003 XML workbook: which show a date or a percentage, and
/// their fonts (`.VnTime` text is legacy TCVN3).
struct SpreadsheetMLStyles {
  struct Style {
    var isDate = false
    var isPercent = false
  }

  private var styles: [String: Style] = [:]
  /// The workbook's styles as cells refer to them: index 0 is the default.
  private(set) var table: [GridWorkbook.Style] = [GridWorkbook.Style()]
  private var indexes: [String: Int] = [:]

  /// Named formats that show dates or times (Excel 2003 XML Reference, `NumberFormat`).
  private static let dateNames: Set<String> = [
    "general date", "long date", "medium date", "short date", "long time", "medium time", "short time",
  ]
  /// The other named formats, which a format-code reading would mistake (`Fixed` has a `d`).
  private static let otherNames: Set<String> = [
    "general", "general number", "currency", "euro currency", "fixed", "standard", "percent", "scientific",
    "yes/no", "true/false", "on/off", "@",
  ]

  init(_ node: XMLNode?) {
    var formats: [String: String] = [:]
    var fonts: [String: String] = [:]
    var parents: [String: String] = [:]
    var ids: [String] = []
    for style in node?.children("Style") ?? [] {
      guard let id = style["ID"] else { continue }
      ids.append(id)
      if let format = style.child("NumberFormat")?["Format"] { formats[id] = format }
      if let font = style.child("Font")?["FontName"] { fonts[id] = font }
      if let parent = style["Parent"] { parents[id] = parent }
    }
    // A style without a format or font of its own inherits its parent's, a few levels up.
    func inherited(_ values: [String: String], _ id: String) -> String? {
      var current: String? = id
      for _ in 0..<8 {
        guard let c = current else { return nil }
        if let value = values[c] { return value }
        current = parents[c]
      }
      return nil
    }
    for id in ids where indexes[id] == nil {
      let style = inherited(formats, id).map(Self.style(ofFormat:)) ?? Style()
      styles[id] = style
      indexes[id] = table.count
      table.append(GridWorkbook.Style(fontName: inherited(fonts, id), isPercent: style.isPercent))
    }
  }

  /// The index of a style in `table`: a cell without one has the `Default` style.
  func index(_ id: String?) -> Int { indexes[id ?? Self.defaultID] ?? 0 }

  static let defaultID = "Default"

  /// What a number format shows: a format code or one of Excel's named formats
  /// (`Short Date`, `Percent` …), which HTML's `mso-number-format` uses as well.
  static func style(ofFormat format: String) -> Style {
    let lower = format.lowercased()
    return Style(
      isDate: dateNames.contains(lower) || (!otherNames.contains(lower) && DateFormat.isDateCode(format)),
      isPercent: lower == "percent" || DateFormat.isPercentCode(format))
  }

  func style(_ id: String?) -> Style { styles[id ?? Self.defaultID] ?? Style() }
}
