import Foundation

/// The encoding of an HTML page: its BOM; else UTF-8 when the bytes are UTF-8 with letters
/// beyond ASCII; else the charset its `<meta>` (or XML declaration) names; else the
/// detection the CSV reader uses. Legacy Vietnamese fonts
/// named in the styles (`.VnTime`, `VNI-Times`) tell TCVN3 or VNI text that a page
/// declares as Windows-1252 or not at all.
enum HTMLEncoding {
  struct Decision: Equatable {
    var encoding: TextEncoding
    var bomLength: Int
    /// How the encoding was decided, for the note of a weak detection.
    var evidence: String
    var isWeak: Bool
  }

  static func decide(_ bytes: [UInt8], given: TextEncoding? = nil) -> Decision {
    if let given { return Decision(encoding: given, bomLength: bom(bytes, given), evidence: "given", isWeak: false) }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return Decision(encoding: .utf8, bomLength: 3, evidence: "BOM", isWeak: false)
    }
    if bytes.starts(with: [0xFF, 0xFE]) {
      return Decision(encoding: .utf16LE, bomLength: 2, evidence: "BOM", isWeak: false)
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      return Decision(encoding: .utf16BE, bomLength: 2, evidence: "BOM", isWeak: false)
    }
    let head = String(decoding: bytes.prefix(64 << 10).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
    let legacyFont: TextEncoding? =
      head.contains(".vntime") || head.contains(".vnarial") ? .tcvn3 : head.contains("vni-") ? .vni : nil
    var utf8Valid = true
    var utf8Letters = 0
    switch EncodingDetector.utf8Validity(bytes) {
    case .invalid: utf8Valid = false
    case .valid(let multiByte): utf8Letters = multiByte
    case .ascii: break
    }
    // Bytes that are valid UTF-8 with letters beyond ASCII are UTF-8 whatever the page
    // declares: no legacy text of any length reads as valid UTF-8 by chance.
    if utf8Letters > 0 {
      return Decision(
        encoding: .utf8, bomLength: 0, evidence: "valid UTF-8 (\(utf8Letters) multi-byte letters)", isWeak: false)
    }
    if let label = declaredCharset(head), let declared = TextEncoding(name: label) {
      if declared == .utf8 && utf8Valid {
        return Decision(encoding: .utf8, bomLength: 0, evidence: "charset=\(label)", isWeak: false)
      }
      if declared == .windows1252, let legacyFont {
        return Decision(
          encoding: legacyFont, bomLength: 0, evidence: "charset=\(label) with legacy fonts", isWeak: false)
      }
      if declared != .utf8 {
        return Decision(encoding: declared, bomLength: 0, evidence: "charset=\(label)", isWeak: false)
      }
    }
    if !utf8Valid, let legacyFont {
      return Decision(encoding: legacyFont, bomLength: 0, evidence: "legacy font names", isWeak: false)
    }
    let detection = EncodingDetector.detect(Array(bytes.prefix(64 << 10)))
    return Decision(
      encoding: detection.encoding, bomLength: detection.bomLength, evidence: detection.evidence,
      isWeak: detection.isWeak)
  }

  private static func bom(_ bytes: [UInt8], _ encoding: TextEncoding) -> Int {
    switch encoding {
    case .utf8: return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    case .utf16LE: return bytes.starts(with: [0xFF, 0xFE]) ? 2 : 0
    case .utf16BE: return bytes.starts(with: [0xFE, 0xFF]) ? 2 : 0
    default: return 0
    }
  }

  /// The label after the first `charset=` (a `<meta charset>`, an `http-equiv`
  /// content type) or the XML declaration's `encoding=`.
  static func declaredCharset(_ lowercasedHead: String) -> String? {
    for key in ["charset=", "encoding="] {
      guard let range = lowercasedHead.range(of: key) else { continue }
      let label = lowercasedHead[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
      if !label.isEmpty { return String(label) }
    }
    return nil
  }

  /// The page as UTF-8 bytes.
  static func utf8(_ bytes: [UInt8], _ decision: Decision) -> [UInt8] {
    let body = bytes.dropFirst(decision.bomLength)
    switch decision.encoding {
    case .utf8: return Array(body)
    case .utf16LE, .utf16BE:
      let little = decision.encoding == .utf16LE
      let units = stride(from: body.startIndex, to: body.endIndex - 1, by: 2).map { i in
        little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1])
      }
      return Array(String(decoding: units, as: UTF16.self).utf8)
    default: return Array(LegacyDecoder.decode(body, as: decision.encoding).utf8)
    }
  }
}
