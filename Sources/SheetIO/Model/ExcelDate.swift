/// A spreadsheet date serial together with the date system it counts from.
///
/// The 1900 system counts 1900-01-01 as day 1 and keeps Lotus 1-2-3's fictitious
/// 1900-02-29 as day 60 (ECMA-376 Part 1, §18.17.4.1); the 1904 system counts
/// 1904-01-01 as day 0.
public struct ExcelDate: Hashable, Sendable, Codable {
  public var serial: Double
  public var uses1904: Bool

  public init(serial: Double, uses1904: Bool) {
    self.serial = serial
    self.uses1904 = uses1904
  }

  /// The date, when `serial` is one Excel can show: from the system's day 0 to
  /// 9999-12-31 (serial 2,958,465 in the 1900 system, 2,957,003 in the 1904 one). Excel
  /// shows `#####` for any other number under a date format; thidua keeps it a number.
  public static func inRange(serial: Double, uses1904: Bool) -> ExcelDate? {
    guard serial >= 0, serial < (uses1904 ? 2_957_004 : 2_958_466) else { return nil }
    return ExcelDate(serial: serial, uses1904: uses1904)
  }

  /// A date cell's value, or the number itself when no date has that serial.
  public static func value(serial: Double, uses1904: Bool) -> CellValue {
    inRange(serial: serial, uses1904: uses1904).map { .date($0) } ?? .number(serial)
  }

  /// The serial counted on the 1900 system, so that dates from workbooks of either
  /// system compare (1904-01-01 is 1900-system day 1462).
  public var serial1900: Double { uses1904 ? serial + 1462 : serial }

  /// Calendar fields of the serial, time rounded to the nearest second.
  public var components: DateComponents {
    // Clamped to the dates Excel has (readers make no date outside them): an Int of
    // the seconds of 1e300 would trap.
    var seconds = (min(max(serial, 0), uses1904 ? 2_957_003.99999 : 2_958_465.99999) * 86_400).rounded()
    if !seconds.isFinite { seconds = 0 }
    var days = WholeNumber.int(seconds / 86_400) ?? 0
    let secondOfDay = WholeNumber.int(seconds - Double(days) * 86_400) ?? 0
    let time = (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    if uses1904 {
      days += DateComponents.daysFromCivil(1904, 1, 1)
    } else if days == 60 {
      // The day that never was: show it as Excel does.
      return DateComponents(year: 1900, month: 2, day: 29, hour: time.0, minute: time.1, second: time.2)
    } else {
      // Serial 1 is 1900-01-01; from serial 61 on, the fictitious leap day shifts by one.
      days += DateComponents.daysFromCivil(1899, 12, days < 60 ? 31 : 30)
    }
    let (y, m, d) = DateComponents.civilFromDays(days)
    return DateComponents(year: y, month: m, day: d, hour: time.0, minute: time.1, second: time.2)
  }

  /// The bytes of `isoText`, appended without building strings (CSV export).
  func appendISOText(to bytes: inout [UInt8]) {
    let c = components
    let hasTime = c.hour != 0 || c.minute != 0 || c.second != 0
    let timeOnly = !uses1904 && serial < 1 && serial >= 0
    if !timeOnly {
      c.appendDigits((c.year, 4), (c.month, 2), (c.day, 2), separator: "-", to: &bytes)
      if hasTime { bytes.append(UInt8(ascii: "T")) }
    }
    if timeOnly || hasTime { c.appendDigits((c.hour, 2), (c.minute, 2), (c.second, 2), separator: ":", to: &bytes) }
  }

  /// `YYYY-MM-DD`, with `THH:MM:SS` when there is a time of day; a pure time of day
  /// (serial below 1 in the 1900 system) is `HH:MM:SS`.
  public var isoText: String {
    let c = components
    let hasTime = c.hour != 0 || c.minute != 0 || c.second != 0
    if !uses1904 && serial < 1 && serial >= 0 { return c.timeText }
    return hasTime ? c.dateText + "T" + c.timeText : c.dateText
  }
}

/// Plain calendar fields, independent of Foundation's calendars and time zones.
public struct DateComponents: Hashable, Sendable {
  public var year, month, day, hour, minute, second: Int

  var dateText: String { digits((year, 4), (month, 2), (day, 2), separator: "-") }
  var timeText: String { digits((hour, 2), (minute, 2), (second, 2), separator: ":") }

  private func digits(_ a: (Int, Int), _ b: (Int, Int), _ c: (Int, Int), separator: Unicode.Scalar) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(12)
    appendDigits(a, b, c, separator: separator, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Three numbers, each zero-padded to its width, joined by `separator`: dates are
  /// written for every date cell of a CSV export, so without building strings or arrays.
  func appendDigits(
    _ a: (Int, Int), _ b: (Int, Int), _ c: (Int, Int), separator: Unicode.Scalar, to bytes: inout [UInt8]
  ) {
    appendPadded(a, to: &bytes)
    bytes.append(UInt8(separator.value))
    appendPadded(b, to: &bytes)
    bytes.append(UInt8(separator.value))
    appendPadded(c, to: &bytes)
  }

  private func appendPadded(_ part: (n: Int, width: Int), to bytes: inout [UInt8]) {
    guard part.n >= 0 else {
      // Not a date Excel shows (serials are clamped at 0); padded as the text "-n" was.
      let text = Array(String(part.n).utf8)
      bytes += repeatElement(UInt8(ascii: "0"), count: max(0, part.width - text.count))
      bytes += text
      return
    }
    CanonicalCSV.appendDigits(part.n, width: part.width, to: &bytes)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
