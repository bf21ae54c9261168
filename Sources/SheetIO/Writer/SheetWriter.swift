import Foundation

/// Writes one sheet. Addresses are 1-based (`A1` is row 1, column 1); every value is
/// checked before libxlsxwriter sees it.
public final class SheetWriter {
  public let name: String
  private let index: Int
  private let book: LibXLSXWorkbook

  /// A date format for dates written without one.
  public static let dateStyle = CellStyle.plain.with { $0.numberFormat = "dd/mm/yyyy" }

  init(name: String, index: Int, book: LibXLSXWorkbook) {
    self.name = name
    self.index = index
    self.book = book
  }

  private func position(_ a: CellAddress) throws(WriteError) -> (Int, Int) {
    guard (1...CellAddress.maxRow).contains(a.row), (1...CellAddress.maxColumn).contains(a.column) else {
      throw .outsideGrid(sheet: name, row: a.row, column: a.column)
    }
    return (a.row - 1, a.column - 1)
  }

  /// Text as text, always: a value starting with `=`, `+`, `-` or `@` is never a formula.
  public func writeText(_ text: String, at address: CellAddress, style: CellStyle? = nil) throws(WriteError) {
    let (r, c) = try position(address)
    try book.writeString(index, r, c, try safe(text, at: address), style)
  }

  public func writeNumber(_ value: Double, at address: CellAddress, style: CellStyle? = nil) throws(WriteError) {
    let (r, c) = try position(address)
    guard value.isFinite else { throw .notFinite(sheet: name, cell: address) }
    try book.writeNumber(index, r, c, value, style)
  }

  /// A date as its serial, shown with `style`'s format or `dd/mm/yyyy`.
  public func writeDate(_ date: ExcelDate, at address: CellAddress, style: CellStyle? = nil) throws(WriteError) {
    var shown = style ?? Self.dateStyle
    if shown.numberFormat == nil { shown.numberFormat = "dd/mm/yyyy" }
    try writeNumber(date.serial, at: address, style: shown)
  }

  public func writeBoolean(_ value: Bool, at address: CellAddress, style: CellStyle? = nil) throws(WriteError) {
    let (r, c) = try position(address)
    try book.writeBoolean(index, r, c, value, style)
  }

  /// An empty cell that carries a style (a bordered input cell, say).
  public func writeBlank(at address: CellAddress, style: CellStyle) throws(WriteError) {
    let (r, c) = try position(address)
    try book.writeBlank(index, r, c, style)
  }

  /// Any model value: the reader's values written back.
  public func write(_ value: CellValue, at address: CellAddress, style: CellStyle? = nil) throws(WriteError) {
    switch value {
    case .empty: if let style { try writeBlank(at: address, style: style) }
    case .text(let s): try writeText(s, at: address, style: style)
    case .number(let n): try writeNumber(n, at: address, style: style)
    case .boolean(let b): try writeBoolean(b, at: address, style: style)
    case .date(let d): try writeDate(d, at: address, style: style)
    case .error(let e): try writeText(e, at: address, style: style)
    }
  }

  /// A formula of thidua's own (a total) with its computed result, so that readers that
  /// do not recalculate see the right value. `formula` starts with `=`.
  public func writeFormula(_ formula: String, result: Double, at address: CellAddress, style: CellStyle? = nil)
    throws(WriteError)
  {
    let (r, c) = try position(address)
    guard result.isFinite else { throw .notFinite(sheet: name, cell: address) }
    try book.writeFormula(index, r, c, formula, result, style)
  }

  /// Merges `range` and writes `text` in it.
  public func merge(_ range: CellRange, text: String, style: CellStyle? = nil) throws(WriteError) {
    let (r1, c1) = try position(range.first)
    let (r2, c2) = try position(range.last)
    try book.merge(index, r1, c1, r2, c2, try safe(text, at: range.first), style)
  }

  /// A link to a cell of a sheet in the same workbook.
  public func link(
    at address: CellAddress, toSheet sheet: String, cell: CellAddress, text: String, style: CellStyle? = nil
  )
    throws(WriteError)
  {
    let (r, c) = try position(address)
    let url = "internal:'\(sheet.replacingOccurrences(of: "'", with: "''"))'!\(cell)"
    guard url.utf16.count <= 2079 else { throw .urlTooLong(sheet: name, length: url.utf16.count) }
    try book.link(index, r, c, url, try safe(text, at: address), style)
  }

  public func comment(at address: CellAddress, text: String) throws(WriteError) {
    let (r, c) = try position(address)
    try book.comment(index, r, c, try safe(text, at: address))
  }

  /// Width in characters of the default font, for columns `first…last` (1-based).
  public func setColumns(_ columns: ClosedRange<Int>, width: Double, style: CellStyle? = nil, hidden: Bool = false)
    throws(WriteError)
  {
    _ = try position(CellAddress(row: 1, column: columns.lowerBound))
    _ = try position(CellAddress(row: 1, column: columns.upperBound))
    try book.column(index, columns.lowerBound - 1, columns.upperBound - 1, width: width, style: style, hidden: hidden)
  }

  /// Height in points (nil: the default), or a hidden row (a row of field codes, say).
  public func setRow(_ row: Int, height: Double? = nil, hidden: Bool = false) throws(WriteError) {
    _ = try position(CellAddress(row: row, column: 1))
    try book.row(index, row - 1, height: height, hidden: hidden)
  }

  /// Freezes the rows above and the columns left of `firstScrolling`.
  public func freezePanes(at firstScrolling: CellAddress) throws(WriteError) {
    let (r, c) = try position(firstScrolling)
    book.freeze(index, row: r, column: c)
  }

  public func autofilter(_ range: CellRange) throws(WriteError) {
    let (r1, c1) = try position(range.first)
    let (r2, c2) = try position(range.last)
    try book.autofilter(index, r1, c1, r2, c2)
  }

  public func validate(_ range: CellRange, _ rule: ValidationRule) throws(WriteError) {
    let (r1, c1) = try position(range.first)
    let (r2, c2) = try position(range.last)
    if case .list(let values) = rule.kind {
      // Excel's limit for an inline list: 255 characters, commas included.
      let joined = values.joined(separator: ",").utf16.count
      guard joined <= 255, !values.contains(where: { $0.contains(",") }) else {
        throw .library(code: -1, message: "a drop-down list longer than 255 characters or with a comma in a value")
      }
    }
    for text in [rule.inputTitle, rule.errorTitle].compactMap({ $0 }) where text.utf16.count > 32 {
      throw .library(code: -1, message: "a validation title longer than 32 characters")
    }
    for text in [rule.inputMessage, rule.errorMessage].compactMap({ $0 }) where text.utf16.count > 255 {
      throw .library(code: -1, message: "a validation message longer than 255 characters")
    }
    try book.validate(index, r1, c1, r2, c2, rule)
  }

  /// Applies `format` where its rule holds in `range`.
  public func conditionalFormat(_ range: CellRange, _ format: ConditionalFormat) throws(WriteError) {
    let (r1, c1) = try position(range.first)
    let (r2, c2) = try position(range.last)
    switch format.rule {
    case .equalText(let t), .textContains(let t): _ = try safe(t, at: range.first)
    default: break
    }
    try book.conditionalFormat(index, r1, c1, r2, c2, format)
  }

  /// An Excel table over `range`; its first row receives `spec.headers`.
  public func table(_ range: CellRange, _ spec: TableSpec) throws(WriteError) {
    let (r1, c1) = try position(range.first)
    let (r2, c2) = try position(range.last)
    guard spec.headers.count == c2 - c1 + 1, r2 > r1 else {
      throw .library(code: -1, message: "a table needs one header per column and at least one data row")
    }
    var valid = spec
    valid.name = Self.tableName(spec.name)
    valid.headers = try spec.headers.map { (h) throws(WriteError) in try safe(h, at: range.first) }
    valid.mediumStyle = min(max(spec.mediumStyle, 1), 28)
    try book.table(index, r1, c1, r2, c2, valid)
  }

  /// A chart with its top-left corner at `address`.
  public func chart(at address: CellAddress, _ spec: ChartSpec) throws(WriteError) {
    let (r, c) = try position(address)
    guard !spec.series.isEmpty else { throw .library(code: -1, message: "a chart needs at least one series") }
    try book.chart(index, r, c, spec)
  }

  /// Table names: ASCII letters, digits and `_`, starting with a letter or `_`.
  static func tableName(_ wanted: String) -> String {
    let folded = TextFolding.fold(wanted).replacingOccurrences(of: " ", with: "_")
    var name = String(folded.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }.prefix(200))
    if name.isEmpty || name.first!.isNumber { name = "T_" + name }
    return name
  }

  /// Protects the sheet; cells whose style has `locked = false` stay editable.
  public func protect(password: String? = nil) {
    book.protect(index, password: password)
  }

  public func printSetup(_ setup: PrintSetup) throws(WriteError) {
    try book.printSetup(index, setup)
  }

  public func hide() { book.hide(index) }

  /// Checks the length and escapes what a reader would otherwise decode: text that
  /// already looks like an `_xHHHH_` escape gets its `_` written as `_x005F_`
  /// (ECMA-376 Part 1, §22.4.2.4), and NUL, which XML cannot hold, becomes `_x0000_`.
  private func safe(_ text: String, at address: CellAddress) throws(WriteError) -> String {
    let length = text.utf16.count
    guard length <= 32_767 else { throw .textTooLong(sheet: name, cell: address, length: length) }
    return OOXMLEscape.escape(text)
  }
}

/// Escaping of text for ST_Xstring values.
enum OOXMLEscape {
  static func escape(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "_")) || text.utf8.contains(0) else { return text }
    var out: [UInt8] = []
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0 {
        out += Array("_x0000_".utf8)
      } else if bytes[i] == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"),
        bytes[i + 6] == UInt8(ascii: "_"), (2...5).allSatisfy({ XMLText.hexValue(bytes[i + $0]) != nil })
      {
        out += Array("_x005F_".utf8)
      } else {
        out.append(bytes[i])
      }
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
