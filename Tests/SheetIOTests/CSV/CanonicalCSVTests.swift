import Testing

@testable import SheetIO

/// The byte path of the CSV export writes exactly what the text path does.
@Suite struct CanonicalCSVTests {
  static let values: [CellValue] = [
    .number(0), .number(-0.0), .number(7), .number(-5), .number(1234.5), .number(999_999_999_999_999),
    .number(-999_999_999_999_999), .number(1e15), .number(1e16), .number(0.30000000000000004), .number(1e-5),
    .number(123_456_789_012_345), .date(ExcelDate(serial: 43005, uses1904: false)),
    .date(ExcelDate(serial: 43005.25, uses1904: false)), .date(ExcelDate(serial: 0.75, uses1904: false)),
    .date(ExcelDate(serial: 60, uses1904: false)), .date(ExcelDate(serial: 0, uses1904: true)),
    .date(ExcelDate(serial: 2_958_465.999, uses1904: false)), .date(ExcelDate(serial: -3, uses1904: false)),
    .boolean(true), .boolean(false), .error("#N/A"), .text(""), .text("Quảng Nam"), .text("a,b"),
    .text("dấu \"ngoặc\""), .text("dòng 1\ndòng 2"), .empty,
  ]

  @Test(arguments: values)
  func bytesMatchTheText(_ value: CellValue) {
    var bytes: [UInt8] = []
    CanonicalCSV.appendField(value, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == CanonicalCSV.field(CanonicalCSV.text(value)))
  }

  @Test func wholeNumbersPrintAsDoubleDescriptionWould() {
    for n in [0.0, 1, -1, 42, 1e14, 999_999_999_999_999, -123_456_789_012_345] {
      let s = n.description
      #expect(CanonicalCSV.numberText(n) == (s.hasSuffix(".0") ? String(s.dropLast(2)) : s))
    }
    #expect(CanonicalCSV.numberText(-0.0) == "-0")
  }
}
