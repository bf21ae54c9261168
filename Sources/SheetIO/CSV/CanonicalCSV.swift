/// The canonical CSV text of cell values (docs/cli.md, `thidua convert`).
public enum CanonicalCSV {
  /// Numbers in shortest round-trip form with `.` and no trailing `.0`; dates as
  /// `YYYY-MM-DD` (`THH:MM:SS` when there is a time); `TRUE`/`FALSE`; errors as written.
  public static func text(_ value: CellValue) -> String {
    switch value {
    case .empty: return ""
    case .text(let s): return s
    case .number(let n): return numberText(n)
    case .boolean(let b): return b ? "TRUE" : "FALSE"
    case .date(let d): return d.isoText
    case .error(let e): return e
    }
  }

  public static func numberText(_ n: Double) -> String {
    var bytes: [UInt8] = []
    appendNumber(n, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `description` without its trailing `.0`: the definition of the number's text, which
  /// the fast paths of `appendNumber` reproduce (a test compares them on many values).
  static func describedNumber(_ n: Double) -> String {
    let s = n.description
    return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
  }

  /// Appends the bytes of `numberText(n)`.
  static func appendNumber(_ n: Double, to bytes: inout [UInt8]) {
    // Whole numbers below 10^15 print the same as integers, and faster; -0 keeps its sign.
    if abs(n) < 1e15, n != 0 || n.sign == .plus, let whole = WholeNumber.exact(n) {
      appendDigits(whole, to: &bytes)
    } else if !appendShortDecimal(n, to: &bytes) {
      bytes.append(contentsOf: describedNumber(n).utf8)
    }
  }

  /// A fraction between 0.001 and 10^15 in magnitude with at most 15 significant digits,
  /// written as `description` writes it, without its general algorithm: the fewest
  /// decimal places `p` for which the nearest integer `m` to `n × 10^p` gives back `n`
  /// as `m / 10^p`. (With 15 digits at most no other decimal of `p` places is as near,
  /// so these are description's shortest, closest digits.) False, having appended
  /// nothing, for any other number.
  private static func appendShortDecimal(_ n: Double, to bytes: inout [UInt8]) -> Bool {
    let magnitude = n.magnitude
    guard magnitude >= 0.001, magnitude < 1e15 else { return false }
    var scale = 1.0
    var power = 1
    for places in 1...17 {
      scale *= 10  // exact: powers of ten up to 10^22 are
      power *= 10
      let m = (magnitude * scale).rounded()
      guard m < 1e15 else { return false }
      guard m / scale == magnitude else { continue }
      let digits = Int(m)
      if n < 0 { bytes.append(UInt8(ascii: "-")) }
      appendDigits(digits / power, to: &bytes)
      bytes.append(UInt8(ascii: "."))
      appendDigits(digits % power, width: places, to: &bytes)
      return true
    }
    return false
  }

  /// Appends the bytes of `field(text(value))` without building the strings: numbers and
  /// dates are written digit by digit, the hot path of `thidua convert`.
  static func appendField(_ value: CellValue, to bytes: inout [UInt8]) {
    switch value {
    case .number(let n):
      appendNumber(n, to: &bytes)
    case .date(let d):
      d.appendISOText(to: &bytes)
    case .boolean(let b):
      bytes.append(contentsOf: (b ? "TRUE" : "FALSE").utf8)
    case .text(let s), .error(let s):
      appendText(s, to: &bytes)
    case .empty:
      break
    }
  }

  /// The bytes of `field(text)`, from the text's UTF-8 without building a string.
  private static func appendText(_ text: String, to bytes: inout [UInt8]) {
    // Contiguous UTF-8, the usual case: checked and copied as a buffer.
    let copied = text.utf8.withContiguousStorageIfAvailable { utf8 in
      guard !utf8.contains(where: isSpecial) else { return false }
      bytes.append(contentsOf: utf8)
      return true
    }
    if copied == true { return }
    guard needsQuotes(text) else {
      bytes.append(contentsOf: text.utf8)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    for b in text.utf8 {
      bytes.append(b)
      if b == UInt8(ascii: "\"") { bytes.append(b) }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// The decimal digits of `n`, with `-` for a negative number, zero-padded after the
  /// sign to at least `width` digits.
  static func appendDigits(_ n: Int, width: Int = 1, to bytes: inout [UInt8]) {
    if n < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = n.magnitude
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      for _ in count..<max(count, width) { bytes.append(UInt8(ascii: "0")) }
      for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
    }
  }

  /// Quotes a field when it holds a comma, quote, CR or LF (RFC 4180 §2).
  public static func field(_ text: String) -> String {
    guard needsQuotes(text) else { return text }
    return "\"" + text.replacingQuotes() + "\""
  }

  private static func needsQuotes(_ text: String) -> Bool {
    // Contiguous storage is the usual case and avoids the generic iterator.
    if let found = text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: isSpecial) }) { return found }
    return text.utf8.contains(where: isSpecial)
  }

  @inline(__always) private static func isSpecial(_ b: UInt8) -> Bool {
    b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D
  }
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var out = ""
    out.reserveCapacity(utf8.count + 2)
    for ch in self { if ch == "\"" { out += "\"\"" } else { out.append(ch) } }
    return out
  }
}
