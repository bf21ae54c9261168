import Foundation

/// The key under which names and headers are matched: `Số hộ nghèo cuối năm`,
/// `SO HO NGHEO CUOI NAM` and `so ho ngheo  cuoi nam` all fold to `so ho ngheo cuoi nam`.
///
/// Values themselves are never folded; they are kept in NFC.
public enum TextFolding {
  /// Lower case, diacritics removed (`đ` → `d`), every run of whitespace and punctuation
  /// made one space, trimmed.
  public static func fold(_ text: String) -> String {
    if let ascii = foldASCII(text) { return ascii }
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
      if (0x0300...0x036F).contains(scalar.value) { continue }  // combining marks
      let mapped: Unicode.Scalar
      switch scalar {
      case "đ", "Đ": mapped = "d"
      default: mapped = scalar
      }
      if mapped.properties.isAlphabetic || mapped.properties.numericType != nil {
        if pendingSpace && !out.isEmpty { out.append(" ") }
        pendingSpace = false
        for lower in mapped.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
      } else {
        pendingSpace = true
      }
    }
    return String(out)
  }

  /// The same folding for text that is all ASCII, without Unicode normalisation: most
  /// headers and names without diacritics, and every number and code.
  private static func foldASCII(_ text: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for b in text.utf8 {
      guard b < 0x80 else { return nil }
      let isLetter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
      if isLetter || (b >= 0x30 && b <= 0x39) {
        if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
        pendingSpace = false
        bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
      } else {
        pendingSpace = true
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
