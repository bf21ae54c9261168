/// Decodes the strings of BIFF records.
///
/// BIFF8 stores text as UTF-16LE or, when every character is below U+0100, "compressed"
/// to one byte per character: the low byte of each UTF-16 unit, i.e. ISO-8859-1, never
/// the code page ([MS-XLS] §2.5.293). BIFF5 stores bytes in the workbook's code page.
enum BIFFText {
  /// `count` characters from `bytes` at `offset`, one byte each (compressed) or two.
  @inline(__always)
  static func characters(_ bytes: UnsafeRawBufferPointer, at offset: Int, count: Int, wide: Bool) -> String {
    if wide {
      var units = [UInt16](repeating: 0, count: count)
      for i in 0..<count { units[i] = UInt16(bytes.u16(offset + 2 * i)) }
      return UTF16Transcoding.string(units)
    }
    let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    var ascii = true
    for b in slice where b >= 0x80 {
      ascii = false
      break
    }
    if ascii { return String(decoding: slice, as: UTF8.self) }
    var scalars = String.UnicodeScalarView()
    for b in slice { scalars.append(Unicode.Scalar(b)) }
    return String(scalars)
  }

  /// Bytes in a BIFF5 workbook's code page.
  static func codePage(_ bytes: UnsafeRawBufferPointer, at offset: Int, count: Int, _ encoding: TextEncoding) -> String
  {
    LegacyDecoder.decode(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: encoding)
  }

  /// A string with its character count in `countBytes` (1 or 2) bytes at `offset`,
  /// then, in BIFF8, a flags byte (bit 0: two bytes a character); the text and the
  /// offset after it. Rich-text and phonetic parts are not allowed here (LABEL,
  /// FORMAT, FONT and sheet names do not have them). Nil when it runs past the body.
  static func string(
    _ bytes: UnsafeRawBufferPointer, at offset: Int, countBytes: Int, biff8: Bool, encoding: TextEncoding
  ) -> (text: String, end: Int)? {
    guard offset + countBytes <= bytes.count else { return nil }
    let count = countBytes == 1 ? bytes.u8(offset) : bytes.u16(offset)
    var at = offset + countBytes
    guard biff8 else {
      guard at + count <= bytes.count else { return nil }
      return (codePage(bytes, at: at, count: count, encoding), at + count)
    }
    guard at < bytes.count || count == 0 else { return nil }
    let wide = at < bytes.count && bytes.u8(at) & 0x01 != 0
    at += at < bytes.count ? 1 : 0
    let size = wide ? 2 * count : count
    guard at + size <= bytes.count else { return nil }
    return (characters(bytes, at: at, count: count, wide: wide), at + size)
  }

  /// The name of a BIFF8 error code ([MS-XLS] §2.5.97 BErr).
  static func errorName(_ code: Int) -> String {
    switch code {
    case 0x00: return "#NULL!"
    case 0x07: return "#DIV/0!"
    case 0x0F: return "#VALUE!"
    case 0x17: return "#REF!"
    case 0x1D: return "#NAME?"
    case 0x24: return "#NUM!"
    case 0x2A: return "#N/A"
    case 0x2B: return "#GETTING_DATA"
    default: return "#N/A"
    }
  }
}
