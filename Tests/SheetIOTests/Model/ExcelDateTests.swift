import Testing

@testable import SheetIO

@Suite struct ExcelDateTests {
  @Test(arguments: [
    (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (60.0, false, "1900-02-29"),
    (61.0, false, "1900-03-01"), (43005.0, false, "2017-09-27"), (43005.5, false, "2017-09-27T12:00:00"),
    (0.75, false, "18:00:00"), (0.0, true, "1904-01-01"), (41543.0, true, "2017-09-27"),
    (2958465.0, false, "9999-12-31"), (43005.999999999, false, "2017-09-28"),
    (44196.0 + 1.0 / 86_400, false, "2020-12-31T00:00:01"),
  ])
  func serialsBecomeCalendarText(_ serial: Double, _ uses1904: Bool, _ text: String) {
    #expect(ExcelDate(serial: serial, uses1904: uses1904).isoText == text)
  }

  static let isoSerials: [(String, Bool, Double)] = [
    ("2017-09-27", false, 43005.0), ("2017-09-27T12:00:00", false, 43005.5), ("1900-01-01", false, 1.0),
    ("1900-03-01", false, 61.0), ("1904-01-02", true, 1.0), ("2017-09-27T06:00:00Z", false, 43005.25),
    // Bare times (openpyxl's iso_dates), fractions of a second, offsets set aside.
    ("14:05:00", false, 50_700.0 / 86_400), ("14:05:00", true, 50_700.0 / 86_400), ("06:00", false, 0.25),
    ("T18:00:00", false, 0.75), ("00:00:00.5", false, 0.5 / 86_400), ("12:00:00,25", false, 43_200.25 / 86_400),
    ("2017-09-27T12:00:00.000001", false, 43005.0 + 43_200.000001 / 86_400),
    ("2017-09-27T12:00:00+07:00", false, 43005.5), ("12:00:00-05", false, 0.5), ("24:00:00", false, 1.0),
    ("2017-09-27 12:00:00", false, 43005.5),
  ]

  @Test(arguments: isoSerials)
  func isoDatesBecomeSerials(_ text: String, _ uses1904: Bool, _ serial: Double) {
    #expect(ISODate.serial(text, uses1904: uses1904) == serial)
  }

  @Test(arguments: [
    "", "2017-13-01", "27/09/2017", "2017-09-27T", "2017-09-27Tnoon", "25:00:00", "12:60", "1:05", "12:00:+1",
    "12:00:00+7", "T", ":", "12:00:00:00", "24:00:01", "2017--09-27", "12:00:1e5", "12:00:-1",
  ])
  func refusesOtherText(_ text: String) {
    #expect(ISODate.serial(text, uses1904: false) == nil)
  }

  /// A number under a date format that no date has stays a number (Excel shows `#####`),
  /// and a date's calendar fields never trap, whatever its serial.
  @Test(arguments: [1e300, -1e300, -1.0, 2_958_466.0, 1e19, Double.infinity, -Double.infinity])
  func serialsNoDateHasStayNumbers(_ serial: Double) {
    #expect(ExcelDate.value(serial: serial, uses1904: false) == .number(serial))
    #expect(ExcelDate(serial: serial, uses1904: false).isoText.count >= 8)
  }

  @Test func lastDayOfEachSystemIsADate() {
    #expect(ExcelDate.value(serial: 2_958_465, uses1904: false) == .date(ExcelDate(serial: 2_958_465, uses1904: false)))
    #expect(ExcelDate.inRange(serial: 2_957_003, uses1904: true)?.isoText == "9999-12-31")
    #expect(ExcelDate.inRange(serial: 2_957_004, uses1904: true) == nil)
  }

  @Test(arguments: ["10000-01-01", "9223372036854775807-01-01", "0-01-01"])
  func isoYearsBeyondFourDigitsAreRefused(_ text: String) {
    #expect(ISODate.serial(text, uses1904: false) == nil)
  }
}
