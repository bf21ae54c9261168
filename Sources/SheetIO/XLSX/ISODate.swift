/// ISO 8601 values of `t="d"` cells (ECMA-376 Part 1, §18.17.4) turned into serials: a
/// date, a date-time, or a bare time of day (openpyxl's `iso_dates=True` writes all three).
enum ISODate {
  /// `YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]` (or a space for the `T`), or `[T]HH:MM[:SS[.fff]]` alone (a
  /// fraction of a day, below 1). A trailing `Z` or offset (`+07:00`) is accepted and
  /// ignored: a spreadsheet keeps wall-clock times, not instants.
  static func serial(_ text: String, uses1904: Bool) -> Double? {
    // `T` between date and time, or a space (RFC 3339 allows it; some writers use it).
    let parts = text.split(maxSplits: 1, omittingEmptySubsequences: false) { $0 == "T" || $0 == " " }
    if parts.count == 1 && text.contains(":") { return dayFraction(text[...]) }
    if parts.count == 2 && parts[0].isEmpty { return dayFraction(parts[1]) }
    guard let datePart = parts.first else { return nil }
    let ymd = datePart.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    // Years of four digits: the day count of a year such as 10^18 would overflow.
    guard ymd.count == 3, let y = ymd[0], let m = ymd[1], let d = ymd[2],
      (1...9999).contains(y), (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    var days = Double(DateComponents.daysFromCivil(y, m, d))
    if uses1904 {
      days -= Double(DateComponents.daysFromCivil(1904, 1, 1))
    } else {
      let base = DateComponents.daysFromCivil(1899, 12, 30)
      days -= Double(base)
      if days < 61 { days -= 1 }  // before the fictitious 1900-02-29
    }
    guard parts.count == 2 else { return days }
    guard let fraction = dayFraction(parts[1]) else { return nil }
    return days + fraction
  }

  /// `HH:MM[:SS[.fff]]` with an optional `Z` or `±HH[:MM]` after it, as a fraction of a
  /// day; `24:00:00` is the end of the day (ISO 8601 allows it).
  private static func dayFraction(_ text: Substring) -> Double? {
    var time = text
    if time.hasSuffix("Z") {
      time = time.dropLast()
    } else if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }), sign != time.startIndex {
      let offset = time[time.index(after: sign)...].split(separator: ":", omittingEmptySubsequences: false)
      guard (1...2).contains(offset.count), offset.allSatisfy({ $0.count == 2 && Int($0) != nil }) else { return nil }
      time = time[..<sign]
    }
    let fields = time.split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(fields.count), fields[0].count == 2, fields[1].count == 2,
      let hours = Int(fields[0]), let minutes = Int(fields[1]), (0...24).contains(hours), (0...59).contains(minutes)
    else { return nil }
    var seconds = 0.0
    if fields.count == 3 {
      // Digits, and a fraction after a dot or (ISO 8601 allows it) a comma.
      let text = String(fields[2].map { $0 == "," ? "." : $0 })
      guard text.count >= 2, text.first?.isASCII == true, text.first?.isNumber == true,
        text.allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) }), let s = Double(text), s < 61
      else { return nil }
      seconds = s
    }
    let total = Double(hours * 3600 + minutes * 60) + seconds
    guard total <= 86_400 else { return nil }
    return total / 86_400
  }
}
