import Testing

@testable import SheetIO

@Suite struct VietnameseNumberTests {
  typealias Reading = VietnameseNumber.Reading

  @Test(arguments: [
    ("1.234.567", Reading.number(1_234_567, convention: .vietnamese)),
    ("1.234,5", .number(1234.5, convention: .vietnamese)),
    ("11,13%", .number(0.1113, convention: .vietnamese)),
    ("11,13 %", .number(0.1113, convention: .vietnamese)),
    ("100%", .number(1, convention: nil)),
    ("1,234.5", .number(1234.5, convention: .english)),
    ("1,234,567", .number(1_234_567, convention: .english)),
    ("12,5", .number(12.5, convention: .vietnamese)),
    ("0,123", .number(0.123, convention: .vietnamese)),
    ("1234,567", .number(1234.567, convention: .vietnamese)),
    ("3.5", .number(3.5, convention: .english)),
    ("1.500.000 đ", .number(1_500_000, convention: .vietnamese)),
    ("1.500.000đ", .number(1_500_000, convention: .vietnamese)),
    ("2.000.000 VNĐ", .number(2_000_000, convention: .vietnamese)),
    ("750.000 đồng", .number(750_000, convention: .vietnamese)),
    ("VND 1.000.000", .number(1_000_000, convention: .vietnamese)),
    ("750,000 VND", .number(750_000, convention: .english)),
    ("(1.234.567)", .number(-1_234_567, convention: .vietnamese)),
    ("-12", .number(-12, convention: nil)),
    ("  42  ", .number(42, convention: nil)),
    ("1.234", .ambiguous(vietnamese: 1234, english: 1.234)),
    ("1,234", .ambiguous(vietnamese: 1.234, english: 1234)),
    ("-1.234", .ambiguous(vietnamese: -1234, english: -1.234)),
    ("-", .dash),
    ("", .notANumber),
    ("Tam Kỳ", .notANumber),
    ("1.23.4", .notANumber),
    ("1,2,3", .notANumber),
    ("12a", .notANumber),
    ("27/09/2017", .notANumber),
  ])
  func reads(_ text: String, _ expected: Reading) {
    #expect(VietnameseNumber.read(text) == expected, "\(text)")
  }

  @Test func columnsDecideByEvidence() {
    #expect(NumberConvention.resolve(vietnamese: 3, english: 0) == .vietnamese)
    #expect(NumberConvention.resolve(vietnamese: 0, english: 1) == .english)
    #expect(NumberConvention.resolve(vietnamese: 0, english: 0) == nil)
    #expect(NumberConvention.resolve(vietnamese: 2, english: 2) == nil)
    #expect(NumberConvention.resolve(vietnamese: 9, english: 3) == .vietnamese)
  }
}

@Suite struct VietnameseDateTests {
  @Test(arguments: [
    ("27/09/2017", "2017-09-27"), ("27/9/17", "2017-09-27"), ("1/2/18", "2018-02-01"), ("27-09-2017", "2017-09-27"),
    ("27.09.2017", "2017-09-27"), ("2017-09-27", "2017-09-27"), ("ngày 27 tháng 9 năm 2017", "2017-09-27"),
    ("Ngày 05 tháng 01 năm 2016", "2016-01-05"), ("NGAY 1 THANG 10 NAM 2017", "2017-10-01"),
    ("29/02/2020", "2020-02-29"), ("31/12/99", "1999-12-31"),
  ])
  func reads(_ text: String, _ iso: String) {
    #expect(VietnameseDate.serial(text).map { ExcelDate(serial: $0, uses1904: false).isoText } == iso)
  }

  @Test(arguments: ["29/02/2019", "32/01/2017", "09/27/2017", "27/09", "Tam Kỳ", "1.234", "ngày 27 tháng 9", ""])
  func refuses(_ text: String) {
    #expect(VietnameseDate.serial(text) == nil)
  }
}

@Suite struct TypedTextTests {
  @Test func keepsTheOriginalText() {
    let typed = TypedText("1.234,5")
    #expect(typed.value == .number(1234.5))
    #expect(typed.original == "1.234,5")
    #expect(!typed.isAmbiguous)
  }

  @Test func ambiguityNeedsAConvention() {
    #expect(TypedText("1.234").isAmbiguous)
    #expect(TypedText("1.234").value == .text("1.234"))
    #expect(TypedText("1.234", convention: .vietnamese).value == .number(1234))
    #expect(TypedText("1.234", convention: .english).value == .number(1.234))
  }

  @Test func datesDashesAndText() {
    #expect(TypedText("ngày 27 tháng 9 năm 2017").value == .date(ExcelDate(serial: 43005, uses1904: false)))
    #expect(TypedText("-", numeric: true).value == .number(0))
    #expect(TypedText("-").value == .text("-"))
    #expect(TypedText("Qua\u{0309}ng Nam").value == .text("Quảng Nam"))
  }

  /// Numbers past Int64 print their digits instead of trapping: `1e19` typed in a count.
  @Test func hugeNumbersPrintWithoutTrapping() {
    #expect(VietnameseNumber.text(1e19) == "10.000.000.000.000.000.000")
    #expect(VietnameseNumber.text(-1.5e16) == "-15.000.000.000.000.000")
    #expect(VietnameseNumber.text(1e308).hasPrefix("100.000.000.000.000.001"))
    #expect(VietnameseNumber.text(1234.5) == "1.234,5")
  }
}
