/// UTF-16 code units to a `String`, written as UTF-8 straight into the string's storage:
/// the standard library's `String(decoding:as: UTF16.self)` takes a slow generic path
/// that cost a third of reading a 100,000-string table (docs/performance.md).
enum UTF16Transcoding {
  /// The text of `units`; an unpaired surrogate becomes U+FFFD, as the standard
  /// library's decoding does.
  static func string(_ units: [UInt16]) -> String {
    units.withUnsafeBufferPointer { source in
      // At most three UTF-8 bytes a unit (a surrogate pair: four bytes for two units).
      String(unsafeUninitializedCapacity: source.count * 3) { out in
        var i = 0
        var o = 0
        let n = source.count
        while i < n {
          let u = UInt32(source[i])
          i += 1
          if u < 0x80 {
            out[o] = UInt8(u)
            o += 1
          } else if u < 0x800 {
            out[o] = UInt8(0xC0 | u >> 6)
            out[o + 1] = UInt8(0x80 | u & 0x3F)
            o += 2
          } else if u & 0xFC00 == 0xD800, i < n, source[i] & 0xFC00 == 0xDC00 {
            let scalar = 0x10000 + ((u - 0xD800) << 10) + (UInt32(source[i]) - 0xDC00)
            i += 1
            out[o] = UInt8(0xF0 | scalar >> 18)
            out[o + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            out[o + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[o + 3] = UInt8(0x80 | scalar & 0x3F)
            o += 4
          } else {
            let scalar = u & 0xF800 == 0xD800 ? 0xFFFD : u  // a lone surrogate
            out[o] = UInt8(0xE0 | scalar >> 12)
            out[o + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[o + 2] = UInt8(0x80 | scalar & 0x3F)
            o += 3
          }
        }
        return o
      }
    }
  }

  /// Units that are all below U+0080, as ASCII.
  static func ascii(_ units: [UInt16]) -> String {
    units.withUnsafeBufferPointer { source in
      String(unsafeUninitializedCapacity: source.count) { out in
        for i in 0..<source.count { out[i] = UInt8(truncatingIfNeeded: source[i]) }
        return source.count
      }
    }
  }
}
