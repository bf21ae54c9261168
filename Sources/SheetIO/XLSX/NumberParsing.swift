import Glibc

/// Parses the numbers of `<v>` elements: `xsd:double` text.
///
/// The fallback is `strtod`, which reads the C locale's `.` because thidua never calls
/// `setlocale`; under a locale with another decimal mark it would stop early, and the
/// end check below turns that into an error, never a wrong value.
enum NumberParsing {
  /// The byte after `bytes` must be one that cannot continue a number (NUL, or the `<`
  /// that ends the text in the scanner's buffer), for `strtod` to stop there.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> Double? {
    var start = 0
    var stop = count
    while start < stop, isSpace(bytes[start]) { start += 1 }
    while stop > start, isSpace(bytes[stop - 1]) { stop -= 1 }
    guard start < stop else { return nil }
    if let fast = fastPath(bytes, start, stop) { return fast }
    // Rare forms (exponents, more than 15 digits): the C library, exactly rounded.
    var parsedEnd: UnsafeMutablePointer<CChar>? = nil
    let base = UnsafeRawPointer(bytes.baseAddress! + start).assumingMemoryBound(to: CChar.self)
    let value = strtod(base, &parsedEnd)
    guard let parsedEnd, UnsafePointer(parsedEnd) == base + (stop - start) else {
      return nil
    }
    // xsd:double allows INF and NaN, but no hexadecimal floats.
    for i in start..<stop where bytes[i] == UInt8(ascii: "x") || bytes[i] == UInt8(ascii: "X") { return nil }
    return value
  }

  /// Up to 15 significant digits with an optional sign and point: exact in a Double,
  /// so one correctly rounded division gives the correctly rounded result.
  @inline(__always)
  private static func fastPath(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int) -> Double? {
    var i = start
    var negative = false
    if b[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var fraction = 0
    var seenPoint = false
    var sawDigit = false
    while i < stop {
      let c = b[i]
      if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
        sawDigit = true
        if digits > 0 || c != UInt8(ascii: "0") { digits += 1 }
        mantissa = mantissa &* 10 &+ UInt64(c - UInt8(ascii: "0"))
        if seenPoint { fraction += 1 }
      } else if c == UInt8(ascii: ".") && !seenPoint {
        seenPoint = true
      } else {
        return nil
      }
      i += 1
    }
    guard sawDigit, digits <= 15, fraction <= 22 else { return nil }
    var value = Double(mantissa)
    if fraction > 0 { value /= powerOfTen(fraction) }
    return negative ? -value : value
  }

  /// 10^k for k in 1...22, every one exact in a Double; literals rather than a table, which
  /// would be a global array looked up once per number.
  @inline(__always) private static func powerOfTen(_ k: Int) -> Double {
    switch k {
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    case 16: 1e16
    case 17: 1e17
    case 18: 1e18
    case 19: 1e19
    case 20: 1e20
    case 21: 1e21
    default: 1e22
    }
  }

  @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }
}
