import Foundation

/// The letters of Vietnamese that ASCII lacks, in one fixed order shared by the legacy
/// encoding tables: for each vowel group (a â ă e ê i o ô ơ u ư y), the six tones
/// (none, sắc, huyền, hỏi, ngã, nặng), each in upper then lower case; then Đ đ.
///
/// The order is that of the UniKey converter's tables, so that each legacy table is a
/// plain list in this order (sources in docs/encodings.md).
enum VietnameseAlphabet {
  /// A vowel group: its base letter and, for â ă ê ô ơ ư, the combining mark that makes it.
  static let vowelGroups: [(base: Character, mark: Unicode.Scalar?)] = [
    ("a", nil), ("a", "\u{0302}"), ("a", "\u{0306}"), ("e", nil), ("e", "\u{0302}"), ("i", nil),
    ("o", nil), ("o", "\u{0302}"), ("o", "\u{031B}"), ("u", nil), ("u", "\u{031B}"), ("y", nil),
  ]

  /// Tone marks in table order: none, acute (sắc), grave (huyền), hook (hỏi), tilde (ngã), dot (nặng).
  static let tones: [Unicode.Scalar?] = [nil, "\u{0301}", "\u{0300}", "\u{0309}", "\u{0303}", "\u{0323}"]

  /// Every vowel with every tone, upper and lower case (144 letters, 12 of them plain
  /// ASCII), in table order, composed (NFC).
  static let vowels: [(upper: String, lower: String)] = {
    var result: [(String, String)] = []
    for group in vowelGroups {
      for tone in tones {
        var lower = String(group.base)
        if let mark = group.mark { lower.unicodeScalars.append(mark) }
        if let tone { lower.unicodeScalars.append(tone) }
        let composed = lower.precomposedStringWithCanonicalMapping
        result.append((composed.uppercased(), composed))
      }
    }
    return result
  }()

  /// The 134 letters that are not ASCII: 132 vowels with a mark or tone, and Đ đ.
  static let nonASCIILetters: [String] = {
    vowels.flatMap { [$0.upper, $0.lower] }.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) } + ["Đ", "đ"]
  }()
}
