import Testing

@testable import SheetIO

/// RK numbers ([MS-XLS] §2.5.217): integer or the top 30 bits of a double, either one
/// possibly divided by 100.
@Suite struct RKNumberTests {
  @Test(arguments: [
    (UInt32(1234 << 2 | 2), 1234.0),  // integer
    (UInt32(1234 << 2 | 3), 12.34),  // integer ÷ 100
    (UInt32(bitPattern: -5 << 2 | 2), -5.0),  // negative integer
    (UInt32(bitPattern: -250 << 2 | 3), -2.5),  // negative integer ÷ 100
    (0x3FF8_0000, 1.5),  // double
    (0x3FF8_0001, 0.015),  // double ÷ 100
    (UInt32(0x1FFF_FFFF) << 2 | 2, 536_870_911.0),  // largest integer
    (UInt32(bitPattern: Int32.min) | 2, -536_870_912.0),  // smallest integer
  ])
  func decodes(_ rk: UInt32, _ value: Double) {
    #expect(RKNumber.decode(rk) == value)
  }
}
