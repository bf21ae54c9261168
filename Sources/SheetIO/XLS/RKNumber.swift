/// The RK number encoding of BIFF ([MS-XLS] §2.5.217): 30 bits of either the top of an
/// IEEE double or a signed integer, bit 1 saying which, bit 0 saying "divide by 100".
enum RKNumber {
  @inline(__always)
  static func decode(_ rk: UInt32) -> Double {
    let value: Double
    if rk & 0x02 != 0 {
      // A 30-bit signed integer in the high bits: an arithmetic shift keeps the sign.
      value = Double(Int32(bitPattern: rk) >> 2)
    } else {
      value = Double(bitPattern: UInt64(rk & 0xFFFF_FFFC) << 32)
    }
    return rk & 0x01 != 0 ? value / 100 : value
  }
}
