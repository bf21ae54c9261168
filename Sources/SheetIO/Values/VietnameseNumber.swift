import Foundation

/// Numbers written as text the way Vietnamese reports write them: `1.234.567`,
/// `1.234,5`, `11,13%`, `1.500.000 đ`, and English-style `1,234.5`.
///
/// A reading that depends on the separator convention (`1.234` alone is 1234 in the
/// Vietnamese convention and 1.234 in the English one) is returned as ambiguous; the
/// column decides (`NumberConvention.resolve`), never a guess.
public enum VietnameseNumber {
  public enum Reading: Hashable, Sendable {
    /// A number whatever the convention, or in the one the text itself shows.
    case number(Double, convention: NumberConvention?)
    /// Two readings: `vietnamese` (`.` groups thousands, `,` is the decimal mark) and `english`.
    case ambiguous(vietnamese: Double, english: Double)
    /// A lone `-`: zero in Vietnamese accounting layouts, nothing elsewhere.
    case dash
    case notANumber
  }

  /// Reads `text`; `%` divides by 100 (as a spreadsheet stores 11,13% as 0.1113).
  /// Parentheses mean a negative amount, as in accounting layouts.
  public static func read(_ text: String) -> Reading {
    // The common forms (`1234`, `1.234`, `12,5`, text without digits) from the bytes, as
    // the CSV reader reads them; the rest below.
    var utf8 = text
    let quick = utf8.withUTF8 { CSVFieldReading.classify($0, utf8: true) }
    switch quick {
    case .number(let value, let convention): return .number(value, convention: convention)
    case .ambiguous(let vietnamese, let english): return .ambiguous(vietnamese: vietnamese, english: english)
    case .dash: return .dash
    case .text where text != "–", .date: return .notANumber
    case .text, .other: break
    }
    // Most text starts with a letter that no number or currency word starts with.
    if let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
      first.properties.isAlphabetic, !"VvđĐ".unicodeScalars.contains(first)
    {
      return .notANumber
    }
    var s = Substring(text.trimmingSpaces)
    if s == "-" || s == "–" { return .dash }
    var exponent = ""
    if s.hasSuffix("%") {
      exponent = "e-2"
      s = s.dropLast().trimmingSuffixSpaces
    }
    let withoutCurrency = stripCurrency(s)
    // Dong have no subunit in use, so an amount's single mark before three digits
    // groups thousands: `750.000 đ` is seven hundred fifty thousand.
    let isAmount = withoutCurrency.count != s.count
    s = withoutCurrency
    var negative = false
    if s.hasPrefix("(") && s.hasSuffix(")") {
      negative = true
      s = s.dropFirst().dropLast()
    }
    if s.hasPrefix("-") || s.hasPrefix("+") {
      negative = s.hasPrefix("-")
      s = s.dropFirst()
    }
    guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
      s.first!.isNumber || s.first == "." || s.first == ","
    else { return .notANumber }
    // One correctly rounded conversion of the plain decimal text, the `%` as an exponent:
    // 11,13% is exactly the double nearest 0.1113, as a spreadsheet stores it.
    func finish(_ plain: String?) -> Double? { plain.flatMap { Double((negative ? "-" : "") + $0 + exponent) } }

    let dots = s.filter { $0 == "." }.count
    let commas = s.filter { $0 == "," }.count
    switch (dots, commas) {
    case (0, 0):
      return finish(String(s)).map { .number($0, convention: nil) } ?? .notANumber
    case (_, 0) where dots > 1:
      return grouped(s, by: ".").flatMap(finish).map { .number($0, convention: .vietnamese) } ?? .notANumber
    case (0, _) where commas > 1:
      return grouped(s, by: ",").flatMap(finish).map { .number($0, convention: .english) } ?? .notANumber
    case (1, 0), (0, 1):
      let mark: Character = dots == 1 ? "." : ","
      let parts = s.split(separator: mark, omittingEmptySubsequences: false)
      let (whole, fraction) = (parts[0], parts[1])
      let asDecimal = finish((whole.isEmpty ? "0" : String(whole)) + "." + (fraction.isEmpty ? "0" : String(fraction)))
      let asThousands = finish(grouped(s, by: mark))
      guard let asDecimal else { return .notANumber }
      // A group of exactly three digits after a 1–3 digit lead (not 0) reads both ways.
      guard let asThousands, fraction.count == 3, (1...3).contains(whole.count), whole != "0" else {
        return .number(asDecimal, convention: mark == "," ? .vietnamese : .english)
      }
      if isAmount { return .number(asThousands, convention: mark == "." ? .vietnamese : .english) }
      return mark == "."
        ? .ambiguous(vietnamese: asThousands, english: asDecimal)
        : .ambiguous(vietnamese: asDecimal, english: asThousands)
    default:
      // Both marks: the last one is the decimal mark, the other groups thousands.
      let lastDot = s.lastIndex(of: ".")!
      let lastComma = s.lastIndex(of: ",")!
      let (decimal, group): (Character, Character) = lastDot > lastComma ? (".", ",") : (",", ".")
      let parts = s.split(separator: decimal, omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[1].contains(group), let whole = grouped(parts[0], by: group),
        parts[1].allSatisfy(\.isNumber)
      else { return .notANumber }
      return finish(whole + "." + parts[1]).map { .number($0, convention: decimal == "," ? .vietnamese : .english) }
        ?? .notANumber
    }
  }

  /// Digits grouped by threes with `mark`: `1.234.567` → 1234567; nil when the groups
  /// are not threes.
  private static func grouped(_ s: Substring, by mark: Character) -> String? {
    let groups = s.split(separator: mark, omittingEmptySubsequences: false)
    guard let first = groups.first, (1...3).contains(first.count),
      groups.dropFirst().allSatisfy({ $0.count == 3 }), groups.allSatisfy({ $0.allSatisfy(\.isNumber) })
    else { return nil }
    return groups.joined()
  }

  /// Removes a currency word or sign before or after the amount: đ, đồng, VNĐ, VND, ₫.
  private static func stripCurrency(_ s: Substring) -> Substring {
    let plain = s.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2C || $0 == 0x2D }
    if plain { return s }
    let folded = s.lowercased()
    for unit in ["đồng", "vnđ", "vnd", "đ", "₫", "d"] {
      if folded.hasSuffix(unit), folded.count > unit.count {
        let cut = s.dropLast(unit.count)
        // "d" alone only after a space or a digit ("1.000d"), so words are not cut.
        if unit == "d", let last = cut.last, !last.isNumber && last != " " { continue }
        return cut.trimmingSuffixSpaces
      }
      if folded.hasPrefix(unit + " ") || (unit != "d" && folded.hasPrefix(unit)) {
        return Substring(s.dropFirst(unit.count).trimmingSpaces)
      }
    }
    return s
  }
}

/// Which mark separates thousands and which the decimals.
public enum NumberConvention: String, Hashable, Sendable {
  /// `1.234.567,5`
  case vietnamese
  /// `1,234,567.5`
  case english

  /// The convention a column's values show: the only one with evidence, or, when both
  /// have some, the one with clearly more (three to one); nil when the column cannot tell.
  public static func resolve(vietnamese: Int, english: Int) -> NumberConvention? {
    switch (vietnamese, english) {
    case (0, 0): return nil
    case (_, 0): return .vietnamese
    case (0, _): return .english
    default:
      if vietnamese >= 3 * english { return .vietnamese }
      if english >= 3 * vietnamese { return .english }
      return nil
    }
  }
}

extension Substring {
  var trimmingSuffixSpaces: Substring {
    var s = self
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return s
  }
}

extension VietnameseNumber {
  /// `1.234,5`: dots group thousands, a comma marks the decimals, at most `fractionDigits`
  /// of them and no trailing zeros — how Vietnamese documents print a number.
  public static func text(_ value: Double, fractionDigits: Int = 2) -> String {
    guard value.isFinite else { return String(value) }
    let scale = pow10(fractionDigits)
    var scaled = (abs(value) * scale).rounded()
    var whole: String
    var fraction: String
    if scaled < 9e15 {
      whole = String(WholeNumber.int(scaled / scale) ?? 0)
      fraction = String(WholeNumber.int(scaled.truncatingRemainder(dividingBy: scale)) ?? 0)
      fraction = String(repeating: "0", count: max(0, fractionDigits - fraction.count)) + fraction
    } else {
      // Past 2^53 a double holds no fraction, and Int64 would trap above 9.2e18 (a
      // `1e19` typed in a count): its digits come from the double itself.
      scaled = abs(value).rounded()
      whole = wholeDigits(scaled)
      fraction = ""
    }
    while fraction.hasSuffix("0") { fraction.removeLast() }
    var grouped = ""
    while whole.count > 3 {
      grouped = "." + whole.suffix(3) + grouped
      whole.removeLast(3)
    }
    let sign = value < 0 && scaled > 0 ? "-" : ""
    return sign + whole + grouped + (fraction.isEmpty ? "" : "," + fraction)
  }

  private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }

  /// The decimal digits of a whole, non-negative, finite double of any size: the exact
  /// value the double holds, as C's `%.0f` prints it.
  static func wholeDigits(_ value: Double) -> String { String(format: "%.0f", value) }
}
