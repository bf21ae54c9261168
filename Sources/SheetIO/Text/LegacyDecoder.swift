import Foundation

/// Decodes bytes in the legacy Vietnamese encodings to NFC Unicode with our own tables:
/// Foundation's non-UTF decoders are unreliable on Linux (swift-foundation #1216).
public enum LegacyDecoder {
  /// Decodes `bytes` (an ASCII-compatible encoding) to an NFC string.
  public static func decode(_ bytes: some Collection<UInt8>, as encoding: TextEncoding) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 2)
    var asciiOnly = true
    for b in bytes where b >= 0x80 {
      asciiOnly = false
      break
    }
    if asciiOnly || encoding == .utf8 { return nfc(String(decoding: bytes, as: UTF8.self)) }
    switch encoding {
    case .tcvn3:
      for b in bytes { out += tables.tcvn3[Int(b)] }
      return String(decoding: out, as: UTF8.self)
    case .vni:
      var previous: UInt8? = nil
      for b in bytes {
        if let base = previous, let pair = tables.vniPairs[UInt16(base) << 8 | UInt16(b)] {
          out += pair
          previous = nil
          continue
        }
        if let base = previous { out += tables.vniSingle[Int(base)] }
        previous = b
      }
      if let base = previous { out += tables.vniSingle[Int(base)] }
      return String(decoding: out, as: UTF8.self)
    case .windows1258:
      for b in bytes { out += tables.cp1258[Int(b)] }
      return nfc(String(decoding: out, as: UTF8.self))
    case .windows1252:
      for b in bytes { out += tables.cp1252[Int(b)] }
      return String(decoding: out, as: UTF8.self)
    case .utf8, .utf16LE, .utf16BE:
      return nfc(String(decoding: bytes, as: UTF8.self))
    }
  }

  /// Composes to NFC only when a combining mark is present (rare: a scan first).
  public static func nfc(_ text: String) -> String {
    for scalar in text.unicodeScalars where (0x0300...0x036F).contains(scalar.value) {
      return text.precomposedStringWithCanonicalMapping
    }
    return text
  }

  /// The Windows-1252 byte of a scalar, as a legacy font's text appears inside an .xlsx
  /// cell ("Qu¶ng Nam"); nil when the scalar has none.
  static func cp1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
    tables.cp1252Reverse[scalar.value]
  }

  private static let tables = Tables()

  /// Every table as UTF-8 bytes per input byte (or byte pair), built once.
  private struct Tables: Sendable {
    var tcvn3: [[UInt8]] = []
    var vniSingle: [[UInt8]] = []
    var vniPairs: [UInt16: [UInt8]] = [:]
    var cp1258: [[UInt8]] = []
    var cp1252: [[UInt8]] = []
    var cp1252Reverse: [UInt32: UInt8] = [:]

    init() {
      func utf8(_ value: UInt32) -> [UInt8] { Array(String(Unicode.Scalar(value)!).utf8) }
      cp1252 = (0..<256).map { b in b < 0x80 || b >= 0xA0 ? utf8(UInt32(b)) : utf8(LegacyTables.cp1252High[b - 0x80]) }
      for b in 0..<256 {
        let value = b < 0x80 || b >= 0xA0 ? UInt32(b) : LegacyTables.cp1252High[b - 0x80]
        cp1252Reverse[value] = UInt8(b)
      }
      cp1258 = (0..<256).map { b in b < 0x80 ? [UInt8(b)] : utf8(LegacyTables.cp1258High[b - 0x80]) }

      // TCVN3: unmapped high bytes keep their Windows-1252 reading.
      tcvn3 = cp1252
      for (g, bytes) in LegacyTables.tcvn3Lower.enumerated() {
        for (t, byte) in bytes.enumerated() where byte >= 0x80 {
          tcvn3[Int(byte)] = Array(VietnameseAlphabet.vowels[g * 6 + t].lower.utf8)
        }
      }
      for (byte, letter) in LegacyTables.tcvn3Upper { tcvn3[Int(byte)] = Array(letter.utf8) }
      tcvn3[Int(LegacyTables.tcvn3LowerD)] = Array("đ".utf8)

      // VNI: single bytes, then base + mark pairs for every vowel and tone.
      vniSingle = cp1252
      for (byte, letter) in LegacyTables.vniSingles { vniSingle[Int(byte)] = Array(letter.utf8) }
      let bases: [UInt8] = [0x61, 0x61, 0x61, 0x65, 0x65, 0x69, 0x6F, 0x6F, 0xF4, 0x75, 0xF6, 0x79]
      for (g, base) in bases.enumerated() {
        for t in 0..<6 {
          let letter = VietnameseAlphabet.vowels[g * 6 + t]
          let marks: (UInt8?, UInt8?)
          switch g {
          case 1, 4, 7: marks = (LegacyTables.vniCircumflexLower[t], LegacyTables.vniCircumflexUpper[t])
          case 2: marks = (LegacyTables.vniBreveLower[t], LegacyTables.vniBreveUpper[t])
          case 5: continue  // i: single bytes only
          default: marks = (LegacyTables.vniToneLower[t], LegacyTables.vniToneUpper[t])
          }
          if g == 11 && t == 5 { continue }  // ỵ: a single byte
          let upperBase = base >= 0x80 ? (base == 0xF4 ? 0xD4 : 0xD6) : base - 0x20
          if let lower = marks.0 { vniPairs[UInt16(base) << 8 | UInt16(lower)] = Array(letter.lower.utf8) }
          if let upper = marks.1 { vniPairs[UInt16(upperBase) << 8 | UInt16(upper)] = Array(letter.upper.utf8) }
        }
      }
    }
  }
}
