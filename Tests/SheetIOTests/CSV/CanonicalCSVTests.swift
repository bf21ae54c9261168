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

  /// The fast paths of `numberText` against its definition (`describedNumber`) on values a
  /// sheet holds: decimals of 1 to 17 significant digits at every scale, then any double.
  @Test func numberTextIsTheDescriptionOnManyValues() {
    var random = SplitMix64(seed: 5201)
    var mismatches: [Double] = []
    func check(_ n: Double) {
      if CanonicalCSV.numberText(n) != CanonicalCSV.describedNumber(n) { mismatches.append(n) }
    }
    for _ in 0..<200_000 {
      let digits = Int(random.next() % 17) + 1
      var mantissa: UInt64 = 1
      for _ in 0..<digits { mantissa *= 10 }
      let m = Double(random.next() % mantissa)
      let places = Int(random.next() % 20)
      var scale = 1.0
      for _ in 0..<places { scale *= 10 }
      let n = m / scale
      check(n)
      check(-n)
      check(Double(bitPattern: random.next()))
    }
    let edges: [Double] = [
      0.001, 0.000999, 0.0011, 1e15 - 0.5, 1e15, 1e15 + 2, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3,
      123_456.789, 99_999_999_999_999.9, 9_007_199_254_740_993, .pi, -.pi, .ulpOfOne,
      .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, -.infinity, .nan, -0.0, 0.5, -0.001,
    ]
    edges.forEach(check)
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { ($0, CanonicalCSV.numberText($0)) })")
  }

  @Test func decimalsAndLargeNumbersHaveTheirExactText() {
    let expected: [(Double, String)] = [
      (1234.5, "1234.5"), (-0.25, "-0.25"), (0.1 + 0.2, "0.30000000000000004"), (0.001, "0.001"),
      (0.0001, "0.0001"), (1e-5, "1e-05"), (1e15, "1000000000000000"), (1e16, "1e+16"),
      (123_456_789.123, "123456789.123"), (3.2e9, "3200000000"), (.nan, "nan"), (-.infinity, "-inf"),
    ]
    for (n, text) in expected { #expect(CanonicalCSV.numberText(n) == text, "\(n)") }
  }
}
