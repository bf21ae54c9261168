/// The `Date:` of a message (RFC 5322 §3.3, with the obsolete forms of §4.3 that old
/// clients still write): `Mon, 4 Dec 2017 09:15:00 +0700`, `4 Dec 17 09:15 GMT`.
public enum MailDate {
  private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  /// The date and time of day as written, in the writer's own time zone (the zone
  /// itself is not needed: a report's date is the sender's calendar day); nil when the
  /// field is not a date.
  public static func parse(_ field: String) -> ExcelDate? {
    var words = field.split { $0 == " " || $0 == "\t" || $0 == "," }.map(String.init)
    // The day of the week, when present.
    if let first = words.first, first.first?.isLetter == true { words.removeFirst() }
    guard words.count >= 4, let day = Int(words[0]),
      let month = months.firstIndex(of: String(words[1].lowercased().prefix(3))).map({ $0 + 1 }),
      var year = Int(words[2])
    else { return nil }
    if words[2].count == 2 { year += year < 50 ? 2000 : 1900 }
    if words[2].count == 3 { year += 1900 }
    let time = words[3].split(separator: ":").map { Int($0) }
    guard time.count >= 2, time.allSatisfy({ $0 != nil }) else { return nil }
    let (hour, minute, second) = (time[0]!, time[1]!, time.count > 2 ? time[2]! : 0)
    guard (1900...9999).contains(year), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
      (0...60).contains(second),
      // 31 Feb is no date: the day must come back from its count.
      DateComponents.civilFromDays(DateComponents.daysFromCivil(year, month, day)) == (year, month, day)
    else { return nil }
    return ExcelDate(serial: serial(year, month, day, hour, minute, min(second, 59)), uses1904: false)
  }

  /// The 1900-system serial of a date and time (days since 1899-12-30 from March 1900).
  static func serial(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Double {
    let days = DateComponents.daysFromCivil(year, month, day) - DateComponents.daysFromCivil(1899, 12, 30)
    return Double(days) + Double(hour * 3600 + minute * 60 + second) / 86_400
  }
}
