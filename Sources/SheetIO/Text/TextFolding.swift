import Foundation

/// The key under which names and headers are matched: `Số hộ nghèo cuối năm`,
/// `SO HO NGHEO CUOI NAM` and `so ho ngheo  cuoi nam` all fold to `so ho ngheo cuoi nam`.
///
/// Values themselves are never folded; they are kept in NFC.
public enum TextFolding {
  /// Lower case, diacritics removed (`đ` → `d`), every run of whitespace and punctuation
  /// made one space, trimmed.
  public static func fold(_ text: String) -> String {
    if let latin = foldLatin(text) { return latin }
    return foldUnicode(text)
  }

  /// Whether `text` carries a diacritic: a combining mark (U+0300–U+036F) once decomposed,
  /// or `đ`. Read from `LatinBase` for the Latin blocks; other text is decomposed whole.
  public static func hasDiacritics(_ text: String) -> Bool {
    for scalar in text.unicodeScalars where scalar.value >= 0x80 {
      // A string's decomposition is that of each scalar, reordered: a mark is in one of them.
      guard let marked = LatinBase.table.isMarked(scalar.value) else { return decomposedHasDiacritics(text) }
      if marked { return true }
    }
    return false
  }

  static func decomposedHasDiacritics(_ text: String) -> Bool {
    text.decomposedStringWithCanonicalMapping.unicodeScalars.contains {
      (0x0300...0x036F).contains($0.value) || $0 == "đ" || $0 == "Đ"
    }
  }

  /// The general folding, through Unicode normalisation: any script.
  static func foldUnicode(_ text: String) -> String {
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

  /// The same folding for ASCII and the Latin letters with diacritics (Vietnamese in NFC
  /// or NFD), from a table, without Unicode normalisation; nil for any other scalar,
  /// which `foldUnicode` then handles. Normalising through Foundation took a tenth of a
  /// review's time.
  private static func foldLatin(_ text: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      var letter: UInt8
      if v < 0x80 {
        let b = UInt8(v)
        let isLetter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        guard isLetter || (b >= 0x30 && b <= 0x39) else {
          pendingSpace = true
          continue
        }
        letter = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
      } else if (0x0300...0x036F).contains(v) {
        continue  // a combining mark, as normalisation would drop it
      } else if let base = LatinBase.table.letter(v) {
        guard base != LatinBase.separator else {
          pendingSpace = true
          continue
        }
        letter = base
      } else {
        return nil
      }
      if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
      pendingSpace = false
      bytes.append(letter)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// What `TextFolding.foldUnicode` makes of each scalar of the Latin blocks with
/// precomposed letters (U+00A0–U+024F, U+1E00–U+1EFF) and of General Punctuation
/// (U+2000–U+206F): an ASCII letter (`ệ` → `e`, `Đ` → `d`), a separator (`–`, `…`, a
/// no-break space, `×`), or 0 for anything else (`ß`, `æ`, `²`), left to that function.
/// Computed once from it, so both ways fold alike by construction; `TextWidth` measures
/// a letter with diacritics by its base letter from here.
struct LatinBase: Sendable {
  static let table = LatinBase()
  static let separator: UInt8 = 0x20
  private static let starts: [UInt32] = [0x00A0, 0x1E00, 0x2000]
  private static let ends: [UInt32] = [0x024F, 0x1EFF, 0x206F]
  private var blocks: [[UInt8]] = []
  /// For each scalar of the blocks, whether it is a diacritic or carries one.
  private var marks: [[Bool]] = []

  private init() {
    for (start, end) in zip(Self.starts, Self.ends) {
      marks.append(
        (start...end).map { v in
          Unicode.Scalar(v).map { TextFolding.decomposedHasDiacritics(String(Character($0))) } ?? false
        })
      blocks.append(
        (start...end).map { v in
          guard let scalar = Unicode.Scalar(v) else { return 0 }
          let text = String(Character(scalar))
          let folded = Array(TextFolding.foldUnicode(text).utf8)
          if folded.count == 1, folded[0] >= 0x61, folded[0] <= 0x7A { return folded[0] }
          let alone = text.decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar])
          let wordPart = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
          return alone && !wordPart && folded.isEmpty ? Self.separator : 0
        })
    }
  }

  /// Whether `v` is or carries a diacritic (`TextFolding.hasDiacritics`); nil outside the
  /// blocks, but for the combining marks themselves.
  func isMarked(_ v: UInt32) -> Bool? {
    if (0x0300...0x036F).contains(v) { return true }
    for (i, start) in Self.starts.enumerated() where v >= start && v <= Self.ends[i] {
      return marks[i][Int(v - start)]
    }
    return nil
  }

  /// The letter or `separator` for `v`; nil outside the blocks or where the table has 0.
  func letter(_ v: UInt32) -> UInt8? {
    for (i, start) in Self.starts.enumerated() where v >= start && v <= Self.ends[i] {
      let found = blocks[i][Int(v - start)]
      return found == 0 ? nil : found
    }
    return nil
  }
}
