/// A plausibility score for decoded text: the share of words with non-ASCII letters that
/// are well-formed Vietnamese (only Vietnamese letters, at most one tone mark).
enum VietnameseWords {
  struct Score {
    var wellFormed = 0
    var words = 0
    var value: Double { words == 0 ? 0 : Double(wellFormed) / Double(words) }
  }

  /// Every Vietnamese letter, with how many tone marks it carries (0 or 1).
  private static let letters: [Unicode.Scalar: Int] = {
    var map: [Unicode.Scalar: Int] = [:]
    for (i, vowel) in VietnameseAlphabet.vowels.enumerated() {
      let toned = i % 6 == 0 ? 0 : 1
      for s in vowel.upper.unicodeScalars { map[s] = toned }
      for s in vowel.lower.unicodeScalars { map[s] = toned }
    }
    for s in "ĐđbcdghklmnpqrstvxBCDGHKLMNPQRSTVXfjwzFJWZ".unicodeScalars { map[s] = 0 }
    return map
  }()

  static func score(_ text: String) -> Score {
    var score = Score()
    var nonASCII = false
    var valid = true
    var tones = 0
    var inWord = false
    func endWord() {
      if inWord && nonASCII {
        score.words += 1
        if valid && tones <= 1 { score.wellFormed += 1 }
      }
      inWord = false
      nonASCII = false
      valid = true
      tones = 0
    }
    for scalar in text.unicodeScalars {
      let isSeparator = scalar.value < 0x80 ? !scalar.properties.isAlphabetic : scalar.properties.isWhitespace
      if isSeparator {
        endWord()
        continue
      }
      inWord = true
      if scalar.value >= 0x80 { nonASCII = true }
      if let t = letters[scalar] { tones += t } else { valid = false }
    }
    endWord()
    return score
  }
}
