import Testing

@testable import SheetIO

@Suite struct NumberParsingTests {
  static func parse(_ text: String) -> Double? {
    var bytes = Array(text.utf8)
    let count = bytes.count
    bytes.append(0)
    return bytes.withUnsafeBufferPointer { NumberParsing.parse($0, count: count) }
  }

  @Test(arguments: [
    ("0", 0.0), ("42", 42), ("-7", -7), ("1234.5", 1234.5), ("0.1113", 0.1113), (" 42 ", 42),
    ("0.30000000000000004", 0.30000000000000004), ("1.5E-5", 1.5e-5), ("1e308", 1e308),
    ("12345678901234567890", 12345678901234567890), ("-0", -0.0), (".5", 0.5), ("5.", 5),
    ("123456789012345", 123456789012345), ("0.000000000000000000001", 1e-21),
  ])
  func parsesXSDDoubles(_ text: String, _ value: Double) {
    #expect(Self.parse(text) == value)
    #expect(Self.parse(text)?.sign == value.sign)
  }

  @Test(arguments: ["", " ", "abc", "1,5", "1.2.3", "0x10", "1e", "--1", "."])
  func refusesOtherText(_ text: String) {
    #expect(Self.parse(text) == nil)
  }

  @Test func fastPathAgreesWithStrtodOnSeededRandomNumbers() {
    var generator = SplitMix64(seed: 5201)
    for _ in 0..<20_000 {
      let digits = Int(generator.next() % 15) + 1
      let scale = Int(generator.next() % 10)
      var text = String(generator.next() % UInt64(pow10(digits)))
      if scale > 0 && scale < text.count { text.insert(".", at: text.index(text.endIndex, offsetBy: -scale)) }
      #expect(Self.parse(text) == Double(text), "\(text)")
    }
  }

  private func pow10(_ n: Int) -> UInt64 { (0..<n).reduce(1) { r, _ in r * 10 } }
}

/// A small seeded generator, so failures repeat.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
