/// How .ods dates and times become serials of the same convention as the .xlsx reader's
/// (`ExcelDate`).
///
/// An .ods cell states its date as ISO 8601 text (`office:date-value`), so the serial
/// depends only on the date system; the workbook's null date (`table:null-date`,
/// 1899-12-30 unless stated, ODF 1.2 Part 1, §19.639) is the 1904 system when it is
/// 1904-01-01, as LibreOffice writes for a workbook that came from a 1904 .xlsx. The
/// null date also counts the days of a plain number shown with a date style.
struct ODSDateSystem: Sendable {
  /// Days from 1970-01-01 to the null date.
  let nullDate: Int
  var uses1904: Bool { nullDate == DateComponents.daysFromCivil(1904, 1, 1) }

  static let standard = ODSDateSystem(nullDate: DateComponents.daysFromCivil(1899, 12, 30))

  init(nullDate: Int) { self.nullDate = nullDate }

  /// The null date from `table:date-value` (`YYYY-MM-DD`); nil when malformed.
  init?(nullDateText text: String) {
    let ymd = text.split(separator: "T").first?.split(separator: "-").compactMap { Int($0) } ?? []
    // Years of four digits: the day count of a year such as 10^18 would overflow.
    guard ymd.count == 3, (1...9999).contains(ymd[0]), (1...12).contains(ymd[1]), (1...31).contains(ymd[2])
    else { return nil }
    nullDate = DateComponents.daysFromCivil(ymd[0], ymd[1], ymd[2])
  }

  /// The serial of an `office:date-value`.
  func serial(ofDate text: String) -> Double? { ISODate.serial(text, uses1904: uses1904) }

  /// The serial of a calendar day (days from 1970-01-01) and a time of day, as `ISODate`
  /// counts it: before the fictitious 1900-02-29, one day lower.
  func serial(ofCivilDays civil: Int, seconds: Int) -> Double {
    var days: Int
    if uses1904 {
      days = civil - DateComponents.daysFromCivil(1904, 1, 1)
    } else {
      days = civil - DateComponents.daysFromCivil(1899, 12, 30)
      if days < 61 { days -= 1 }
    }
    return Double(days) + Double(seconds) / 86_400
  }

  /// The serial of a number of days from the null date: a float cell with a date style.
  func serial(ofDaysFromNullDate days: Double) -> Double {
    let absolute = Double(nullDate) + days
    if uses1904 { return absolute - Double(DateComponents.daysFromCivil(1904, 1, 1)) }
    let serial = absolute - Double(DateComponents.daysFromCivil(1899, 12, 30))
    // Excel counts a 1900-02-29 that never was: dates before it are one lower. Below 1
    // is a time of day on no date, the same in both.
    return serial >= 1 && serial < 61 ? serial - 1 : serial
  }

  /// The serial of an `office:time-value`, an ISO 8601 duration such as `PT14H05M00S`:
  /// its length in days. Days, hours, minutes and seconds are read, with a fraction on
  /// the last; years and months have no fixed length and are refused (nil).
  static func serial(ofDuration text: String) -> Double? {
    var bytes = Substring(text.trimmingSpaces).utf8[...]
    var sign = 1.0
    if bytes.first == UInt8(ascii: "-") {
      sign = -1
      bytes = bytes.dropFirst()
    }
    guard bytes.first == UInt8(ascii: "P") else { return nil }
    bytes = bytes.dropFirst()
    var seconds = 0.0
    var inTime = false
    var number: [UInt8] = []
    var sawComponent = false
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "T") where !inTime && number.isEmpty: inTime = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: ","):
        number.append(byte == UInt8(ascii: ",") ? UInt8(ascii: ".") : byte)
      default:
        guard let value = Double(String(decoding: number, as: UTF8.self)) else { return nil }
        number.removeAll()
        switch (byte, inTime) {
        case (UInt8(ascii: "D"), false): seconds += value * 86_400
        case (UInt8(ascii: "H"), true): seconds += value * 3600
        case (UInt8(ascii: "M"), true): seconds += value * 60
        case (UInt8(ascii: "S"), true): seconds += value
        default: return nil
        }
        sawComponent = true
      }
    }
    guard sawComponent, number.isEmpty else { return nil }
    return sign * seconds / 86_400
  }
}
