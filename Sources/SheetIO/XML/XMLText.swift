/// Decoding of XML character data and of the `_xHHHH_` escapes of ECMA-376.
enum XMLText {
  /// Decodes predefined entities and character references, and normalises line ends
  /// as an XML processor must (XML 1.0 §2.11): CR LF and lone CR become LF.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b == UInt8(ascii: "&") {
        guard let semi = (i + 1..<min(n, i + 12)).first(where: { bytes[$0] == UInt8(ascii: ";") }) else { return false }
        let name = Array(bytes[(i + 1)..<semi])
        switch name {
        case Array("lt".utf8): out.append(UInt8(ascii: "<"))
        case Array("gt".utf8): out.append(UInt8(ascii: ">"))
        case Array("amp".utf8): out.append(UInt8(ascii: "&"))
        case Array("quot".utf8): out.append(UInt8(ascii: "\""))
        case Array("apos".utf8): out.append(UInt8(ascii: "'"))
        default:
          guard name.first == UInt8(ascii: "#"), let scalar = characterReference(name.dropFirst()) else { return false }
          appendUTF8(scalar, to: &out)
        }
        i = semi + 1
      } else if b == 0x0D {
        out.append(0x0A)
        i += (i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
      } else {
        out.append(b)
        i += 1
      }
    }
    return true
  }

  private static func characterReference(_ digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
    var value: UInt32 = 0
    var hex = false
    var body = digits
    if body.first == UInt8(ascii: "x") {
      hex = true
      body = body.dropFirst()
    }
    guard !body.isEmpty else { return nil }
    for d in body {
      guard let v = hexValue(d), hex || v < 10 else { return nil }
      value = value * (hex ? 16 : 10) + UInt32(v)
      if value > 0x10FFFF { return nil }
    }
    // XML 1.0 Char production: no NUL, no surrogates, no U+FFFE/U+FFFF.
    guard value != 0, value != 0xFFFE, value != 0xFFFF else { return nil }
    return Unicode.Scalar(value)
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
    out.append(contentsOf: UTF8.encode(scalar)!)
  }

  /// Replaces `_xHHHH_` escapes (ECMA-376 Part 1, §22.4.2.4 ST_Xstring) with the UTF-16
  /// code unit they name; a surrogate pair spelt as two escapes becomes one character,
  /// a lone surrogate U+FFFD. `_x005F_` is how a literal `_` before `xHHHH_` is written.
  static func unescapeOOXML(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.count >= 7, bytes.contains(UInt8(ascii: "_")) else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    func unit(at j: Int) -> UInt16? {
      guard j + 7 <= bytes.count, bytes[j] == UInt8(ascii: "_"), bytes[j + 1] == UInt8(ascii: "x"),
        bytes[j + 6] == UInt8(ascii: "_")
      else { return nil }
      var v: UInt16 = 0
      for k in 2..<6 {
        guard let h = hexValue(bytes[j + k]) else { return nil }
        v = v << 4 | UInt16(h)
      }
      return v
    }
    while i < bytes.count {
      guard let u = unit(at: i) else {
        out.append(bytes[i])
        i += 1
        continue
      }
      if UTF16.isLeadSurrogate(u), let low = unit(at: i + 7), UTF16.isTrailSurrogate(low) {
        let value = 0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(low - 0xDC00)
        appendUTF8(Unicode.Scalar(value)!, to: &out)
        i += 14
      } else {
        appendUTF8(Unicode.Scalar(UInt32(u)) ?? "\u{FFFD}", to: &out)
        i += 7
      }
    }
    return out
  }
}
