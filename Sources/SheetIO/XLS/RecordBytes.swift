/// Little-endian fields of a record body. Callers check the body's length first:
/// these read without bounds checks, on the hot path of every cell.
extension UnsafeRawBufferPointer {
  @inline(__always)
  func u8(_ offset: Int) -> Int { Int(self[offset]) }

  @inline(__always)
  func u16(_ offset: Int) -> Int {
    Int(UInt16(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
  }

  @inline(__always)
  func u32(_ offset: Int) -> UInt32 {
    UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  @inline(__always)
  func f64(_ offset: Int) -> Double {
    Double(bitPattern: UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
  }
}
