extension ODSRowReader {
  /// The error values Excel writes (ECMA-376 Part 1, §18.17.4): a formula's string result
  /// that is one of them is read as an error, as the .xlsx reader reads `t="e"`.
  static let errorLiterals: Set<String> = [
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  ]

  /// Reads a cell whose start tag the reader has just returned, through its end tag.
  func readCell(selfClosing: Bool) throws(SheetReadError) {
    let attributes = try ODSCellAttributes(reader, dates: dates)
    text.removeAll(keepingCapacity: true)
    var paragraphs = 0
    if !selfClosing {
      if attributes.needsText {
        paragraphs = try readCellText()
      } else if try reader.literalParagraph() != nil, try reader.literalEndTag("</table:table-cell>") {
        // The usual `<text:p>1234</text:p></table:table-cell>` of a number: its display.
      } else {
        try reader.skipElement()
      }
    }
    let first = column
    // Saturating far past the grid: a row of huge empty repeats cannot overflow.
    column = min(first + attributes.repeated, 1 << 50)
    let style = try styleIndex(attributes.styleName, column: first)
    let value = try value(of: attributes, paragraphs: paragraphs, style: style)
    let spans = attributes.columnsSpanned > 1 || attributes.rowsSpanned > 1
    guard value != nil || spans else { return }
    let last = first + attributes.repeated - 1
    guard last <= CellAddress.maxColumn else {
      column = first
      throw .beyondGrid(
        reader.location,
        what: attributes.repeated > 1
          ? "column \(first) repeated \(attributes.repeated) times in row \(rowNumber)"
          : "column \(first) in row \(rowNumber)")
    }
    if attributes.repeated > 1 { try countRepeats(attributes.repeated - 1) }
    for c in first...last {
      if let value {
        let own = attributes.styleName == nil && c != first ? try styleIndex(nil, column: c) : style
        cells.append(Cell(address: CellAddress(row: rowNumber, column: c), value: value, styleIndex: own))
      }
      if spans { try addMerge(column: c, attributes) }
    }
  }

  private func addMerge(column c: Int, _ attributes: ODSCellAttributes) throws(SheetReadError) {
    let lastRow = rowNumber + attributes.rowsSpanned - 1
    let lastColumn = c + attributes.columnsSpanned - 1
    guard lastRow <= CellAddress.maxRow, lastColumn <= CellAddress.maxColumn else {
      throw .beyondGrid(
        reader.location,
        what: "a merge of \(attributes.columnsSpanned) columns × \(attributes.rowsSpanned) rows from column \(c)")
    }
    rowMerges.append(
      CellRange(
        first: CellAddress(row: rowNumber, column: c), last: CellAddress(row: lastRow, column: lastColumn)))
  }

  /// The value the cell states; nil for an empty cell. A value type without the
  /// attribute that holds its value (a formula saved without its result) is empty, as a
  /// formula without a cached value is in .xlsx; a value that is there but unreadable is
  /// an error.
  private func value(
    of a: ODSCellAttributes, paragraphs: Int, style: Int
  ) throws(SheetReadError) -> CellValue? {
    if a.isError {
      let error = String(decoding: text, as: UTF8.self)
      return error.isEmpty ? nil : .error(error)
    }
    switch a.valueType {
    case .float:
      guard let n = a.number else { return nil }
      if let boolean = a.booleanFormula, n == (boolean ? 1 : 0) { return .boolean(boolean) }
      guard styles.isDateStyle(style) else { return .number(n) }
      return ExcelDate.value(serial: dates.serial(ofDaysFromNullDate: n), uses1904: dates.uses1904)
    case .percentage, .currency:
      return a.number.map { .number($0) }
    case .date:
      guard let serial = a.dateSerial else {
        guard let text = a.dateText else { return nil }
        throw reader.scanner.malformed("date cell with office:date-value \"\(text)\"")
      }
      // A date Excel has no serial for (before 1900, after 9999) stays its ISO text.
      return ExcelDate.inRange(serial: serial, uses1904: dates.uses1904).map { .date($0) }
        ?? .text(a.dateText ?? "")
    case .time:
      guard let text = a.timeText else { return nil }
      guard let serial = ODSDateSystem.serial(ofDuration: text) else {
        throw reader.scanner.malformed("time cell with office:time-value \"\(text)\"")
      }
      return .date(ExcelDate(serial: serial, uses1904: dates.uses1904))
    case .boolean:
      return a.boolean.map { .boolean($0) }
    case .string:
      let string = a.stringValue ?? String(decoding: text, as: UTF8.self)
      if string.isEmpty { return nil }
      return a.hasFormula && ODSRowReader.errorLiterals.contains(string) ? .error(string) : .text(string)
    case .none:
      // LibreOffice reads a cell with paragraphs but no value type as text.
      return paragraphs > 0 && !text.isEmpty ? .text(String(decoding: text, as: UTF8.self)) : nil
    }
  }

  /// The cell's style: its own `table:style-name`, else the row's, else the column's
  /// default cell style, else index 0.
  private func styleIndex(_ name: Range<Int>?, column c: Int) throws(SheetReadError) -> Int {
    guard let name else {
      if let rowDefaultStyle { return rowDefaultStyle }
      return c <= columnStyles.count ? columnStyles[c - 1] : 0
    }
    let bytes = reader.scanner.bytes(name)
    guard bytes.count <= 7, !bytes.contains(UInt8(ascii: "&")) else { return styles.index(of: try reader.text(name)) }
    var key = UInt64(bytes.count) << 56
    for (i, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * UInt64(i)) }
    if let index = styleCache[key] { return index }
    let index = styles.index(of: String(decoding: bytes, as: UTF8.self))
    styleCache[key] = index
    return index
  }
}
