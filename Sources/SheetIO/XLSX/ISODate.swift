/// ISO 8601 dates of `t="d"` cells (ECMA-376 Part 1, §18.17.4) turned into serials.
enum ISODate {
  /// `YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]`; a trailing `Z` is accepted.
  static func serial(_ text: String, uses1904: Bool) -> Double? {
    let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
    guard let datePart = parts.first else { return nil }
    let ymd = datePart.split(separator: "-").compactMap { Int($0) }
    // Years of four digits: the day count of a year such as 10^18 would overflow.
    guard ymd.count == 3, (1...9999).contains(ymd[0]), (1...12).contains(ymd[1]), (1...31).contains(ymd[2])
    else { return nil }
    var days = Double(DateComponents.daysFromCivil(ymd[0], ymd[1], ymd[2]))
    if uses1904 {
      days -= Double(DateComponents.daysFromCivil(1904, 1, 1))
    } else {
      let base = DateComponents.daysFromCivil(1899, 12, 30)
      days -= Double(base)
      if days < 61 { days -= 1 }  // before the fictitious 1900-02-29
    }
    guard parts.count == 2 else { return days }
    var time = parts[1]
    if time.hasSuffix("Z") { time = time.dropLast() }
    let hms = time.split(separator: ":").map { Double($0) }
    guard hms.count >= 2, hms.allSatisfy({ $0 != nil }) else { return nil }
    let seconds = hms[0]! * 3600 + hms[1]! * 60 + (hms.count > 2 ? hms[2]! : 0)
    return days + seconds / 86_400
  }
}
