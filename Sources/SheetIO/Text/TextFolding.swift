import Foundation

/// The key under which names and headers are matched: `Số hộ nghèo cuối năm`,
/// `SO HO NGHEO CUOI NAM` and `so ho ngheo  cuoi nam` all fold to `so ho ngheo cuoi nam`.
///
/// Values themselves are never folded; they are kept in NFC.
public enum TextFolding {
  /// Lower case, diacritics removed (`đ` → `d`), every run of whitespace and punctuation
  /// made one space, trimmed.
  public static func fold(_ text: String) -> String {
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
}
