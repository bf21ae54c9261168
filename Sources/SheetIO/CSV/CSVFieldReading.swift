/// What one CSV field holds, decided from its bytes: the common forms (plain numbers,
/// `1.234`-style numbers, `dd/mm/yyyy` dates, text without digits) without making a
/// String; anything else goes to the full readers (`VietnameseNumber`, `VietnameseDate`).
enum CSVFieldReading: Equatable, Sendable {
  case number(Double, convention: NumberConvention?)
  case ambiguous(vietnamese: Double, english: Double)
  case dash
  case date(serial: Double)
  /// No digit at all: text, nothing more to try.
  case text
  /// Digits mixed with other things: read the text in full.
  case other

  private static let powersOfTen: [Double] = (0...22).map { pow10($0) }
  private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }

  /// `[-]digits[(.|,)digits]` and `d/m/yyyy`, else `.text` or `.other`.
  /// `utf8`: the shortcut for text by its first bytes knows UTF-8 only.
  static func classify(_ b: UnsafeBufferPointer<UInt8>, utf8: Bool) -> CSVFieldReading {
    let n = b.count
    if n == 1 && b[0] == UInt8(ascii: "-") { return .dash }
    if utf8 && startsAsPlainText(b) { return .text }
    var i = 0
    var negative = false
    if n > 1 && b[0] == UInt8(ascii: "-") {
      negative = true
      i = 1
    }
    let (whole, wholeDigits) = digits(b, &i)
    if wholeDigits == 0 { return containsDigit(b) ? .other : .text }
    if i == n {
      guard wholeDigits <= 15 else { return .other }
      let v = Double(whole)
      return .number(negative ? -v : v, convention: nil)
    }
    let mark = b[i]
    if mark == UInt8(ascii: "/") { return negative ? .other : date(b) }
    guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") else { return .other }
    i += 1
    let (fraction, fractionDigits) = digits(b, &i)
    guard i == n, fractionDigits > 0, wholeDigits + fractionDigits <= 15 else { return .other }
    let mantissa = whole &* UInt64(powersOfTen[fractionDigits]) &+ fraction
    var decimal = Double(mantissa) / powersOfTen[fractionDigits]
    if negative { decimal = -decimal }
    let decimalConvention: NumberConvention = mark == UInt8(ascii: ",") ? .vietnamese : .english
    // Three digits after a 1–3 digit lead other than 0 read both ways (see VietnameseNumber).
    guard fractionDigits == 3, wholeDigits <= 3, whole != 0 else {
      return .number(decimal, convention: decimalConvention)
    }
    var thousands = Double(whole * 1000 + fraction)
    if negative { thousands = -thousands }
    return mark == UInt8(ascii: ".")
      ? .ambiguous(vietnamese: thousands, english: decimal) : .ambiguous(vietnamese: decimal, english: thousands)
  }

  /// The run of ASCII digits at `i` and its length, moving `i` past it. More than 19
  /// digits wrap around; callers refuse runs that long.
  @inline(__always)
  private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> (UInt64, Int) {
    var value: UInt64 = 0
    var count = 0
    while i < b.count, b[i] &- UInt8(ascii: "0") < 10 {
      value = value &* 10 &+ UInt64(b[i] &- UInt8(ascii: "0"))
      count += 1
      i += 1
    }
    return (value, count)
  }

  /// True when the field starts with a letter that no number, currency word (VND, VNĐ,
  /// đ, ₫) or date (ngày …) starts with: most text, decided on its first bytes.
  @inline(__always)
  private static func startsAsPlainText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = b.first else { return false }
    let second = b.count > 1 ? b[1] : 0
    switch first {
    case UInt8(ascii: "V"), UInt8(ascii: "v"): return second | 0x20 != UInt8(ascii: "n")  // VND, VNĐ
    case UInt8(ascii: "N"), UInt8(ascii: "n"):  // "ngày …" (a date) starts n, g, then a or à
      return second | 0x20 != UInt8(ascii: "g") || b.count < 3 || !(b[2] | 0x20 == UInt8(ascii: "a") || b[2] == 0xC3)
    case 0xC4:  // đ Đ: a currency sign only when a space or digit follows
      guard b.count > 2, second == 0x90 || second == 0x91 else { return true }
      return !(b[2] == 0x20 || b[2] &- UInt8(ascii: "0") < 10)
    case 0xE2: return false  // ₫ and other signs: look closer
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), 0xC3...0xF4: return true
    default: return false
    }
  }

  /// `d/m/yy` or `dd/mm/yyyy`, day first.
  private static func date(_ b: UnsafeBufferPointer<UInt8>) -> CSVFieldReading {
    var parts = (0, 0, 0)
    var lengths = (0, 0, 0)
    var index = 0
    var value = 0
    var length = 0
    for byte in b {
      if byte == UInt8(ascii: "/") {
        guard index < 2 else { return .other }
        if index == 0 { (parts.0, lengths.0) = (value, length) } else { (parts.1, lengths.1) = (value, length) }
        index += 1
        value = 0
        length = 0
      } else if byte &- UInt8(ascii: "0") < 10, length < 4 {
        value = value * 10 + Int(byte &- UInt8(ascii: "0"))
        length += 1
      } else {
        return .other
      }
    }
    (parts.2, lengths.2) = (value, length)
    guard index == 2, (1...2).contains(lengths.0), (1...2).contains(lengths.1), lengths.2 == 2 || lengths.2 == 4
    else { return .other }
    let year = lengths.2 == 2 ? (parts.2 < 50 ? 2000 + parts.2 : 1900 + parts.2) : parts.2
    let (d, m) = (parts.0, parts.1)
    guard (1900...9999).contains(year), (1...12).contains(m), d >= 1 else { return .other }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard d <= days[m - 1] else { return .other }
    // 1900 system; from March 1900 on, serial = days since 1899-12-30.
    let serial = DateComponents.daysFromCivil(year, m, d) - DateComponents.daysFromCivil(1899, 12, 30)
    return .date(serial: Double(serial))
  }

  private static func containsDigit(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in b where byte &- UInt8(ascii: "0") < 10 { return true }
    return false
  }
}
