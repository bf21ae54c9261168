/// UTF-16 code units to a `String`, through UTF-8 bytes built here: the standard
/// library's `String(decoding:as: UTF16.self)` takes a slow generic path that cost a
/// third of reading a 100,000-string table (docs/performance.md).
enum UTF16Transcoding {
  /// The text of `units`; an unpaired surrogate becomes U+FFFD, as the standard
  /// library's decoding does. `scratch` is reused between calls.
  static func string(_ units: [UInt16], scratch: inout [UInt8]) -> String {
    scratch.removeAll(keepingCapacity: true)
    var i = 0
    let n = units.count
    while i < n {
      let u = UInt32(units[i])
      i += 1
      if u < 0x80 {
        scratch.append(UInt8(u))
      } else if u < 0x800 {
        scratch.append(UInt8(0xC0 | u >> 6))
        scratch.append(UInt8(0x80 | u & 0x3F))
      } else if u & 0xFC00 == 0xD800, i < n, units[i] & 0xFC00 == 0xDC00 {
        let scalar = 0x10000 + ((u - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
        i += 1
        scratch.append(UInt8(0xF0 | scalar >> 18))
        scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
        scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
        scratch.append(UInt8(0x80 | scalar & 0x3F))
      } else {
        let scalar = u & 0xF800 == 0xD800 ? 0xFFFD : u  // a lone surrogate
        scratch.append(UInt8(0xE0 | scalar >> 12))
        scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
        scratch.append(UInt8(0x80 | scalar & 0x3F))
      }
    }
    return String(decoding: scratch, as: UTF8.self)
  }
}
