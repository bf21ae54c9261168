/// Checks that bytes are well-formed UTF-8 (RFC 3629; the Unicode Standard's table 3-7):
/// no stray continuation byte, no overlong form, no surrogate, nothing past U+10FFFF. An
/// XML processor must stop at the first malformed byte (XML 1.0 §4.3.3); decoding with
/// replacement would turn it silently into U+FFFD.
enum UTF8Validation {
  enum Outcome: Equatable {
    /// Every byte before `end` belongs to a complete character; the bytes from there on
    /// (at most three) begin one that the next bytes may complete.
    case valid(end: Int)
    /// The byte at `at` cannot stand there; its character began at `start`.
    case invalid(start: Int, at: Int)
  }

  /// Checks `bytes[from..<to]`. Eight ASCII bytes are passed over at a time: sheet XML is
  /// mostly ASCII, and the check then costs a few percent of reading it.
  static func check(_ bytes: UnsafePointer<UInt8>, from: Int, to: Int) -> Outcome {
    var i = from
    while i < to {
      if to - i >= 8 {
        let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          i += 8
          continue
        }
      }
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      // The length of the sequence, and the range its second byte must fall in.
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: (length, low) = (3, 0xA0)
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: (length, high) = (3, 0x9F)  // no surrogates
      case 0xF0: (length, low) = (4, 0x90)
      case 0xF1...0xF3: length = 4
      case 0xF4: (length, high) = (4, 0x8F)  // nothing past U+10FFFF
      default: return .invalid(start: i, at: i)
      }
      for k in 1..<length {
        guard i + k < to else { return .valid(end: i) }
        let byte = bytes[i + k]
        let allowed = k == 1 ? (low...high).contains(byte) : (0x80...0xBF).contains(byte)
        guard allowed else { return .invalid(start: i, at: i + k) }
      }
      i += length
    }
    return .valid(end: to)
  }
}
