import Testing

@testable import SheetIO

/// The small parsers behind .ods values: durations, null dates, font families.
@Suite struct ODSValueTests {
  static let durations: [(String, Double)] = [
    ("PT14H05M00S", 50_700 / 86_400), ("PT36H00M00S", 1.5), ("P1DT2H", 93_600 / 86_400),
    ("PT1H30M15.5S", 5415.5 / 86_400), ("PT0,5S", 0.5 / 86_400), ("-PT1H", -3600 / 86_400), ("P2D", 2),
  ]

  @Test(arguments: durations)
  func durationsAreLengthsInDays(_ text: String, _ days: Double) {
    #expect(ODSDateSystem.serial(ofDuration: text) == days)
  }

  @Test(arguments: ["", "P", "PT", "14:05:00", "P1Y", "P1M", "PT1D", "PT1H2", "PTxS", "P1W"])
  func malformedOrCalendarDurationsAreRefused(_ text: String) {
    #expect(ODSDateSystem.serial(ofDuration: text) == nil)
  }

  @Test func nullDateDecidesTheDateSystemAndCountsPlainNumbers() throws {
    let standard = ODSDateSystem.standard
    #expect(!standard.uses1904)
    // 43005 days after 1899-12-30 is 2017-09-27, Excel's serial 43005.
    #expect(standard.serial(ofDaysFromNullDate: 43005) == 43005)
    // 1900-01-01 is LibreOffice's day 2 and Excel's day 1; times of day stay as they are.
    #expect(standard.serial(ofDaysFromNullDate: 2) == 1)
    #expect(standard.serial(ofDaysFromNullDate: 0.75) == 0.75)
    let mac = try #require(ODSDateSystem(nullDateText: "1904-01-01"))
    #expect(mac.uses1904)
    #expect(mac.serial(ofDaysFromNullDate: 0) == 0)
    #expect(mac.serial(ofDate: "1908-01-01") == 1461)
    let starCalc = try #require(ODSDateSystem(nullDateText: "1900-01-01"))
    #expect(starCalc.serial(ofDaysFromNullDate: 43003) == 43005)
    #expect(ODSDateSystem(nullDateText: "30/12/1899") == nil)
  }

  @Test(arguments: [
    ("'DejaVu Sans'", "DejaVu Sans"), ("'Times New Roman', serif", "Times New Roman"), (".VnTime", ".VnTime"),
    ("\"VNI-Times\"", "VNI-Times"), (" Arial , Helvetica", "Arial"),
  ])
  func fontFamiliesLoseTheirQuotesAndAlternatives(_ list: String, _ first: String) {
    #expect(ODSStyleCollector.firstFamily(list) == first)
  }
}
