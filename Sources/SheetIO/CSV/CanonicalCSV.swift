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
    // Whole numbers below 10^15 print the same as integers, and faster; -0 keeps its sign.
    if abs(n) < 1e15, n != 0 || n.sign == .plus, let whole = WholeNumber.exact(n) { return String(whole) }
    let s = n.description
    return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
  }

  /// Appends the bytes of `field(text(value))` without building the strings: numbers and
  /// dates are written digit by digit, the hot path of `thidua convert`.
  static func appendField(_ value: CellValue, to bytes: inout [UInt8]) {
    switch value {
    case .number(let n) where abs(n) < 1e15 && (n != 0 || n.sign == .plus) && WholeNumber.exact(n) != nil:
      appendDigits(WholeNumber.exact(n) ?? 0, to: &bytes)
    case .date(let d):
      d.appendISOText(to: &bytes)
    case .boolean(let b):
      bytes.append(contentsOf: (b ? "TRUE" : "FALSE").utf8)
    case .text(let s), .error(let s):
      appendText(s, to: &bytes)
    default:
      bytes.append(contentsOf: field(text(value)).utf8)
    }
  }

  /// The bytes of `field(text)`, from the text's UTF-8 without building a string.
  private static func appendText(_ text: String, to bytes: inout [UInt8]) {
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

  /// The decimal digits of `n`, with `-` for a negative number.
  static func appendDigits(_ n: Int, to bytes: inout [UInt8]) {
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
      for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
    }
  }

  /// Quotes a field when it holds a comma, quote, CR or LF (RFC 4180 §2).
  public static func field(_ text: String) -> String {
    guard needsQuotes(text) else { return text }
    return "\"" + text.replacingQuotes() + "\""
  }

  private static func needsQuotes(_ text: String) -> Bool {
    @inline(__always) func special(_ b: UInt8) -> Bool {
      b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D
    }
    // Contiguous storage is the usual case and avoids the generic iterator.
    if let found = text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) { return found }
    return text.utf8.contains(where: special)
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
