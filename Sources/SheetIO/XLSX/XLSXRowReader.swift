/// Reads one worksheet in file order, holding only the current row.
///
/// ```swift
/// let reader = try workbook.rows(of: workbook.sheets[0])
/// while let row = try reader.next() { … }
/// let merged = reader.mergedRanges   // complete once next() has returned nil
/// ```
public final class XLSXRowReader {
  private let scanner: XMLPullScanner
  let sharedStrings: [String]
  private let styles: XLSXStyles
  private let uses1904: Bool
  private let sheetName: String

  /// Merged ranges (`<mergeCells>`), which follow the cell data in the file.
  public private(set) var mergedRanges: [CellRange] = []

  private var rowNumber = 0
  private var finished = false
  private var cells: [Cell] = []
  /// In `fill`, cells go to this batch instead of `cells`; `rowStart` marks where the
  /// current row's cells begin in it.
  private var batching = false
  private var batch = CellBatch()
  private var rowStart = (cells: 0, others: 0)
  /// The row that the last `advance()` completed, outside `fill`.
  private var completedRow: Row?
  private var column = 0
  private var cellType = CellType.number
  private var cellStyle = 0
  private var valueBytes: [UInt8] = []
  /// A number parsed straight from the scanner's buffer, the common case.
  private var earlyNumber: Double?
  private var hasValue = false
  private var inValue = false
  private var inInlineText = false
  private var phoneticDepth = 0

  private enum CellType { case number, shared, boolean, error, formulaText, inline, isoDate }

  init(
    source: any ByteSource, limits: ReadLimits, sharedStrings: [String], styles: XLSXStyles,
    uses1904: Bool, sheetName: String
  ) {
    scanner = XMLPullScanner(source: source, limits: limits)
    self.sharedStrings = sharedStrings
    self.styles = styles
    self.uses1904 = uses1904
    self.sheetName = sheetName
    valueBytes.reserveCapacity(64)
  }

  /// The next row that has at least one cell with a value; nil after the last.
  /// Rows and cells without an `r` attribute are numbered on from the previous ones.
  public func next() throws(SheetReadError) -> Row? {
    do {
      guard try advance() else { return nil }
      defer { completedRow = nil }
      return completedRow
    } catch {
      throw located(error)
    }
  }

  private func located(_ error: SheetReadError) -> SheetReadError {
    let cell = column > 0 && rowNumber > 0 ? CellAddress(row: rowNumber, column: column) : nil
    return error.relocated {
      $0.sheet = sheetName
      if $0.cell == nil { $0.cell = cell }
    }
  }

  /// Reads on to the end of the next row with a cell; false at the end of the sheet.
  private func advance() throws(SheetReadError) -> Bool {
    guard !finished else { return false }
    while true {
      if try fastCell() { continue }
      switch try scanner.next() {
      case .start(let name, let attributes, let selfClosing):
        if try start(name, attributes, selfClosing) { return true }
      case .end(let name):
        if try end(name) { return true }
      case .text(let range):
        if inValue {
          valueBytes.append(contentsOf: scanner.bytes(range))
        } else if inInlineText, phoneticDepth == 0 {
          guard XMLText.decode(scanner.bytes(range), into: &valueBytes) else {
            throw scanner.malformed("undefined entity or bad character reference")
          }
        }
      case .cdata(let range):
        if inValue || (inInlineText && phoneticDepth == 0) {
          // CDATA is literal: escape what the value decoder would otherwise expand.
          for byte in scanner.bytes(range) {
            if byte == UInt8(ascii: "&") && inValue {
              valueBytes += Array("&amp;".utf8)
            } else {
              valueBytes.append(byte)
            }
          }
        }
      case .endOfDocument:
        finished = true
        return false
      }
    }
  }

  private func start(_ name: Range<Int>, _ attributes: Range<Int>, _ selfClosing: Bool) throws(SheetReadError) -> Bool {
    if scanner.matches(name, "c") {
      try beginCell(attributes)
      if selfClosing { return try end(name) }
      // The usual `<c …><v>…</v></c>` without going through tokens.
      if let text = try scanner.literalSimpleElement(open: "<v>", close: "</v>") {
        hasValue = true
        takeValue(text)
        if try scanner.literalEndTag("</c>") { try finishCell() }
      }
    } else if scanner.matches(name, "v") {
      hasValue = true
      if !selfClosing {
        if let text = try scanner.simpleContent() {
          takeValue(text)
        } else {
          inValue = true
        }
      }
    } else if scanner.matches(name, "row") {
      try beginRow(attributes)
      if selfClosing { return try end(name) }
    } else if scanner.matches(name, "t") {
      inInlineText = cellType == .inline && !selfClosing
      hasValue = hasValue || cellType == .inline
    } else if scanner.matches(name, "rPh") {
      if !selfClosing { phoneticDepth += 1 }
    } else if scanner.matches(name, "mergeCell") {
      try scanner.forEachAttribute(in: attributes) { (key, value) throws(SheetReadError) in
        guard scanner.matches(key, "ref") else { return }
        let text = String(decoding: scanner.bytes(value), as: UTF8.self)
        guard let range = CellRange(text) else { throw .badCellReference(scanner.location, text: text) }
        mergedRanges.append(range)
      }
    }
    return false
  }

  /// The usual unprefixed `<c r="…" s="…" t="…">` parsed in one pass straight from the
  /// scanner's buffer, followed by the `<v>…</v></c>` shortcut. Returns false, having
  /// consumed nothing, for anything else (a prefix, an odd attribute, a tag cut by the
  /// buffer's end), which the token path then reads.
  private func fastCell() throws(SheetReadError) -> Bool {
    let b = scanner.buffer
    let start = scanner.position
    let end = scanner.bufferedEnd
    guard end - start > 3, b[start] == UInt8(ascii: "<"), b[start + 1] == UInt8(ascii: "c") else { return false }
    let afterName = b[start + 2]
    guard afterName == 0x20 || afterName == UInt8(ascii: ">") || afterName == UInt8(ascii: "/") else { return false }
    var i = start + 2
    var address: CellAddress?
    var typeRange: Range<Int>?
    var style = 0
    var selfClosing = false
    @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }
    while true {
      while i < end, isSpace(b[i]) { i += 1 }
      guard i < end else { return false }
      if b[i] == UInt8(ascii: ">") {
        i += 1
        break
      }
      if b[i] == UInt8(ascii: "/") {
        guard i + 1 < end, b[i + 1] == UInt8(ascii: ">") else { return false }
        selfClosing = true
        i += 2
        break
      }
      let nameStart = i
      while i < end, b[i] != UInt8(ascii: "="), !isSpace(b[i]), b[i] != UInt8(ascii: ">") { i += 1 }
      guard i < end, b[i] == UInt8(ascii: "="), i - nameStart == 1 || b[nameStart + 1] != UInt8(ascii: ":") else {
        return false
      }
      let name = b[nameStart]
      let single = i - nameStart == 1
      i += 1
      guard i < end, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { return false }
      let quote = b[i]
      let valueStart = i + 1
      i = valueStart
      while i < end, b[i] != quote {
        if b[i] == UInt8(ascii: "<") || b[i] == UInt8(ascii: "&") { return false }
        i += 1
      }
      guard i < end else { return false }
      let value = valueStart..<i
      i += 1
      guard single else { continue }
      switch name {
      case UInt8(ascii: "r"):
        guard let a = CellAddress.parse(scanner.bytes(value)) else { return false }
        address = a
      case UInt8(ascii: "t"): typeRange = value
      case UInt8(ascii: "s"):
        guard let n = parseInt(value) else { return false }
        style = n
      default: continue
      }
    }
    try startCell(address: address, typeRange: typeRange, style: style)
    try scanner.consumeStartTag(length: i - start, name: (start + 1)..<(start + 2), selfClosing: selfClosing)
    if selfClosing {
      try finishCell()
      return true
    }
    if let text = try scanner.literalSimpleElement(open: "<v>", close: "</v>") {
      hasValue = true
      takeValue(text)
      if try scanner.literalEndTag("</c>") { try finishCell() }
    }
    return true
  }

  /// Keeps the text of a `<v>` element, parsing a number at once while its bytes are
  /// still in the scanner's buffer.
  private func takeValue(_ text: Range<Int>) {
    let bytes = scanner.bytes(text)
    if cellType == .number || cellType == .shared, !bytes.isEmpty, !bytes.contains(UInt8(ascii: "&")),
      let number = NumberParsing.parse(bytes, count: bytes.count)
    {
      earlyNumber = number
    } else {
      valueBytes.append(contentsOf: bytes)
    }
  }

  private func end(_ name: Range<Int>) throws(SheetReadError) -> Bool {
    if scanner.matches(name, "c") {
      try finishCell()
    } else if scanner.matches(name, "v") {
      inValue = false
    } else if scanner.matches(name, "t") {
      inInlineText = false
    } else if scanner.matches(name, "rPh") {
      phoneticDepth -= 1
    } else if scanner.matches(name, "row") {
      column = 0
      if batching {
        guard batch.cellCount > rowStart.cells else { return false }
        batch.endRow(number: rowNumber)
        rowStart = batch.mark
      } else {
        guard !cells.isEmpty else { return false }
        completedRow = Row(number: rowNumber, cells: cells)
        cells.removeAll(keepingCapacity: true)
      }
      return true
    }
    return false
  }

  private func beginRow(_ attributes: Range<Int>) throws(SheetReadError) {
    var number = rowNumber + 1
    try scanner.forEachAttribute(in: attributes) { (key, value) throws(SheetReadError) in
      guard scanner.matches(key, "r") else { return }
      guard let n = parseInt(value), (1...CellAddress.maxRow).contains(n) else {
        throw .badCellReference(scanner.location, text: "row " + String(decoding: scanner.bytes(value), as: UTF8.self))
      }
      number = n
    }
    rowNumber = number
    column = 0
    cells.removeAll(keepingCapacity: true)
    if batching { batch.dropCells(after: rowStart) }
  }

  private func beginCell(_ attributes: Range<Int>) throws(SheetReadError) {
    var address: CellAddress?
    var typeRange: Range<Int>?
    var style = 0
    // A hand-written loop rather than forEachAttribute: this runs once per cell.
    let b = scanner.buffer
    var i = attributes.lowerBound
    let stop = attributes.upperBound
    while i < stop {
      while i < stop, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
      if i >= stop { break }
      let nameStart = i
      while i < stop, b[i] != UInt8(ascii: "="), b[i] > 0x20 { i += 1 }
      var local = nameStart
      for k in nameStart..<i where b[k] == UInt8(ascii: ":") { local = k + 1 }
      let name = local..<i
      while i < stop, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "'") { i += 1 }
      guard i < stop else { throw scanner.malformed("attribute without a quoted value") }
      let quote = b[i]
      let valueStart = i + 1
      i = valueStart
      while i < stop, b[i] != quote { i += 1 }
      guard i < stop else { throw scanner.malformed("unterminated attribute value") }
      let value = valueStart..<i
      i += 1
      guard name.count == 1 else { continue }
      switch b[name.lowerBound] {
      case UInt8(ascii: "r"):
        guard let a = CellAddress.parse(scanner.bytes(value)) else {
          throw .badCellReference(scanner.location, text: String(decoding: scanner.bytes(value), as: UTF8.self))
        }
        address = a
      case UInt8(ascii: "t"): typeRange = value
      case UInt8(ascii: "s"): style = parseInt(value) ?? 0
      default: continue
      }
    }
    try startCell(address: address, typeRange: typeRange, style: style)
  }

  /// Starts a cell from its parsed attributes; a cell without `r` follows the previous one.
  @inline(__always)
  private func startCell(address: CellAddress?, typeRange: Range<Int>?, style: Int) throws(SheetReadError) {
    if let typeRange { cellType = try type(of: typeRange) } else { cellType = .number }
    cellStyle = style
    hasValue = false
    earlyNumber = nil
    valueBytes.removeAll(keepingCapacity: true)
    if let address {
      column = address.column
      rowNumber = address.row
    } else {
      column += 1
      guard column <= CellAddress.maxColumn else {
        throw .badCellReference(scanner.location, text: "column \(column)")
      }
    }
  }

  private func type(of value: Range<Int>) throws(SheetReadError) -> CellType {
    if scanner.matches(value, "s") { return .shared }
    if scanner.matches(value, "n") { return .number }
    if scanner.matches(value, "b") { return .boolean }
    if scanner.matches(value, "e") { return .error }
    if scanner.matches(value, "str") { return .formulaText }
    if scanner.matches(value, "inlineStr") { return .inline }
    if scanner.matches(value, "d") { return .isoDate }
    throw scanner.malformed("unknown cell type t=\"\(String(decoding: scanner.bytes(value), as: UTF8.self))\"")
  }

  private func finishCell() throws(SheetReadError) {
    inValue = false
    inInlineText = false
    guard hasValue, rowNumber > 0 else { return }
    let value: CellValue
    switch cellType {
    case .inline:
      value = .text(String(decoding: XMLText.unescapeOOXML(valueBytes), as: UTF8.self))
    case .number:
      guard let number = try decodedNumber() else { return }
      if styles.isDateStyle(cellStyle) {
        value = ExcelDate.value(serial: number, uses1904: uses1904)
      } else if batching {
        return batch.appendNumber(number, column: column)
      } else {
        value = .number(number)
      }
    case .shared:
      guard let index = try decodedNumber() else { return }
      guard index >= 0, index < Double(sharedStrings.count), index == index.rounded() else {
        throw scanner.malformed("shared string index \(index) outside the table of \(sharedStrings.count)")
      }
      // In a batch the index stands for the string: no retain on this thread.
      if batching { return batch.appendShared(Int(index), column: column) }
      value = .text(sharedStrings[Int(index)])
    case .boolean:
      let text = try decodedText()
      switch text.trimmingSpaces {
      case "1", "true": value = .boolean(true)
      case "0", "false": value = .boolean(false)
      default: throw scanner.malformed("boolean cell holds \"\(text)\"")
      }
    case .error:
      value = .error(try decodedText().trimmingSpaces)
    case .formulaText:
      value = .text(String(decoding: XMLText.unescapeOOXML(Array(try decodedText().utf8)), as: UTF8.self))
    case .isoDate:
      let text = try decodedText().trimmingSpaces
      guard let serial = ISODate.serial(text, uses1904: uses1904) else {
        throw scanner.malformed("date cell holds \"\(text)\"")
      }
      // A date before the system's day 0 stays the text it was written as.
      value = ExcelDate.inRange(serial: serial, uses1904: uses1904).map { .date($0) } ?? .text(text)
    }
    if batching { return batch.append(value, column: column) }
    cells.append(Cell(address: CellAddress(row: rowNumber, column: column), value: value, styleIndex: cellStyle))
  }

  /// The cells of whole rows, as `next()` would give them, without making rows.
  func fill(_ target: inout CellBatch, cells: Int) throws(SheetReadError) -> Bool {
    batching = true
    swap(&batch, &target)
    rowStart = batch.mark
    defer {
      // The cells of a row that has not ended (at a failure, at the end) are not kept.
      batch.dropCells(after: rowStart)
      swap(&batch, &target)
      batching = false
    }
    do {
      while batch.cellCount < cells {
        guard try advance() else { return false }
      }
      return true
    } catch {
      throw located(error)
    }
  }

  /// The `<v>` text as a number; nil for an empty `<v/>`.
  private func decodedNumber() throws(SheetReadError) -> Double? {
    if let earlyNumber { return earlyNumber }
    if valueBytes.contains(UInt8(ascii: "&")) {
      valueBytes = Array(try decodedText().utf8)
    }
    let count = valueBytes.count
    guard count > 0 else { return nil }
    valueBytes.append(0)
    defer { valueBytes.removeLast() }
    let parsed = valueBytes.withUnsafeBufferPointer { NumberParsing.parse($0, count: count) }
    guard let parsed else {
      throw scanner.malformed("number cell holds \"\(String(decoding: valueBytes[0..<count], as: UTF8.self))\"")
    }
    return parsed
  }

  private func decodedText() throws(SheetReadError) -> String {
    var out: [UInt8] = []
    let ok = valueBytes.withUnsafeBufferPointer { XMLText.decode($0, into: &out) }
    guard ok else { throw scanner.malformed("undefined entity or bad character reference") }
    return String(decoding: out, as: UTF8.self)
  }

  private func parseInt(_ range: Range<Int>) -> Int? {
    guard !range.isEmpty, range.count <= 9 else { return nil }
    var n = 0
    for byte in scanner.bytes(range) {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      n = n * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return n
  }
}
