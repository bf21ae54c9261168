/// What the start tag of a `<table:table-cell>` or `<table:covered-table-cell>` states:
/// its value type and value (ODF 1.2 Part 1, §19.385–§19.389), style, repeat and spans.
struct ODSCellAttributes {
  enum ValueType { case none, float, percentage, currency, date, time, boolean, string }

  var valueType = ValueType.none
  /// `calcext:value-type="error"`: LibreOffice's mark of a formula whose result is an
  /// error; the error's text (`#DIV/0!`) is the cell's paragraph.
  var isError = false
  var number: Double?
  /// The serial of `office:date-value`, nil when absent or not a date (`dateText` then
  /// holds what it said).
  var dateSerial: Double?
  var dateText: String?
  var timeText: String?
  var boolean: Bool?
  var stringValue: String?
  var hasFormula = false
  /// The formula is `=TRUE()` or `=FALSE()`: how LibreOffice stores a boolean it read
  /// from an .xlsx file (a number 1 or 0 with a formula).
  var booleanFormula: Bool?
  var styleName: Range<Int>?
  var repeated = 1
  var columnsSpanned = 1
  var rowsSpanned = 1

  /// Reads the attributes of the start tag `reader` has just returned; dates are
  /// counted in `dates`.
  init(_ reader: ODSXMLReader, dates: ODSDateSystem) throws(SheetReadError) {
    for attribute in reader.attributes {
      let name = attribute.local
      let value = attribute.value
      switch attribute.namespace {
      case .office:
        if reader.matches(name, "value-type") {
          valueType = try ODSCellAttributes.valueType(reader, value)
        } else if reader.matches(name, "value") {
          number = try ODSCellAttributes.number(reader, value)
        } else if reader.matches(name, "date-value") {
          dateSerial = ODSCellAttributes.dateSerial(reader.scanner.bytes(value), dates)
          if dateSerial == nil {
            dateText = try reader.text(value)
            dateSerial = dates.serial(ofDate: dateText?.trimmingSpaces ?? "")
          }
        } else if reader.matches(name, "time-value") {
          timeText = try reader.text(value)
        } else if reader.matches(name, "boolean-value") {
          boolean = try ODSCellAttributes.boolean(reader, value)
        } else if reader.matches(name, "string-value") {
          stringValue = try reader.text(value)
        }
      case .table:
        if reader.matches(name, "style-name") {
          styleName = value
        } else if reader.matches(name, "number-columns-repeated") {
          repeated = try ODSCellAttributes.count(reader, value)
        } else if reader.matches(name, "number-columns-spanned") {
          columnsSpanned = try ODSCellAttributes.count(reader, value)
        } else if reader.matches(name, "number-rows-spanned") {
          rowsSpanned = try ODSCellAttributes.count(reader, value)
        } else if reader.matches(name, "formula") {
          hasFormula = true
          booleanFormula = ODSCellAttributes.booleanFormula(reader.scanner.bytes(value))
        }
      case .calcext:
        if reader.matches(name, "value-type") { isError = reader.matches(value, "error") }
      default: continue
      }
    }
  }

  /// True when the value is the cell's paragraphs rather than an attribute.
  var needsText: Bool { isError || valueType == .none || (valueType == .string && stringValue == nil) }

  /// A count such as `number-columns-repeated`, saturating far beyond any grid so that
  /// no later sum can overflow; `0`, which the schema does not allow, counts as 1.
  static func count(_ reader: ODSXMLReader, _ value: Range<Int>) throws(SheetReadError) -> Int {
    var n = 0
    var digits = 0
    for byte in reader.scanner.bytes(value) {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
        throw reader.scanner.malformed("count \"\(String(decoding: reader.scanner.bytes(value), as: UTF8.self))\"")
      }
      digits += 1
      if n < 1 << 40 { n = n * 10 + Int(byte - UInt8(ascii: "0")) }
    }
    guard digits > 0 else { throw reader.scanner.malformed("empty count") }
    return max(1, min(n, 1 << 40))
  }

  /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`, the forms LibreOffice writes, read from the
  /// bytes; nil for any other form, which `ISODate` then reads from text.
  private static func dateSerial(_ b: UnsafeBufferPointer<UInt8>, _ dates: ODSDateSystem) -> Double? {
    guard b.count == 10 || b.count == 19 else { return nil }
    func digits(_ from: Int, _ count: Int) -> Int? {
      var n = 0
      for i in from..<(from + count) {
        let d = b[i] &- UInt8(ascii: "0")
        guard d < 10 else { return nil }
        n = n * 10 + Int(d)
      }
      return n
    }
    guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), let y = digits(0, 4), let m = digits(5, 2),
      let d = digits(8, 2), (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    var seconds = 0
    if b.count == 19 {
      guard b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
        let h = digits(11, 2), let mi = digits(14, 2), let s = digits(17, 2)
      else { return nil }
      seconds = h * 3600 + mi * 60 + s
    }
    return dates.serial(ofCivilDays: DateComponents.daysFromCivil(y, m, d), seconds: seconds)
  }

  private static func valueType(_ reader: ODSXMLReader, _ value: Range<Int>) throws(SheetReadError) -> ValueType {
    if reader.matches(value, "float") { return .float }
    if reader.matches(value, "string") { return .string }
    if reader.matches(value, "percentage") { return .percentage }
    if reader.matches(value, "currency") { return .currency }
    if reader.matches(value, "date") { return .date }
    if reader.matches(value, "time") { return .time }
    if reader.matches(value, "boolean") { return .boolean }
    throw reader.scanner.malformed("unknown value type \"\(try reader.text(value))\"")
  }

  private static func number(_ reader: ODSXMLReader, _ value: Range<Int>) throws(SheetReadError) -> Double {
    let raw = reader.scanner.bytes(value)
    // The closing quote after the value stops `strtod`, as NumberParsing requires.
    if !raw.contains(UInt8(ascii: "&")), let n = NumberParsing.parse(raw, count: raw.count) { return n }
    var decoded = Array(try reader.text(value).utf8)
    let count = decoded.count
    decoded.append(0)
    guard let n = decoded.withUnsafeBufferPointer({ NumberParsing.parse($0, count: count) }) else {
      throw reader.scanner.malformed("office:value holds \"\(try reader.text(value))\"")
    }
    return n
  }

  private static func boolean(_ reader: ODSXMLReader, _ value: Range<Int>) throws(SheetReadError) -> Bool {
    switch try reader.text(value).trimmingSpaces.lowercased() {
    case "true", "1": return true
    case "false", "0": return false
    case let other: throw reader.scanner.malformed("office:boolean-value holds \"\(other)\"")
    }
  }

  /// `of:=TRUE()` → true, `=FALSE()` → false (any formula-language prefix, any case).
  private static func booleanFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard bytes.count <= 24 else { return nil }
    var text = String(decoding: bytes, as: UTF8.self).uppercased()
    if let equals = text.firstIndex(of: "="), let colon = text.firstIndex(of: ":"), colon < equals {
      text = String(text[text.index(after: colon)...])
    }
    switch text.filter({ $0 != " " }) {
    case "=TRUE()": return true
    case "=FALSE()": return false
    default: return nil
    }
  }
}
