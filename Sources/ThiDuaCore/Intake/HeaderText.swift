import SheetIO

/// A header cell or label cut into folded words, the way the matcher compares them:
/// `Tỷ lệ hộ nghèo (%)` is `ty le ho ngheo` with `%` set aside in parentheses. `%` is a
/// word of its own, since it tells a rate from a count.
struct HeaderText: Hashable, Sendable {
  struct Word: Hashable, Sendable {
    var text: String
    /// Inside parentheses: a remark or a unit, which costs nothing when unexplained.
    var aside: Bool
  }

  var words: [Word]

  init(_ text: String) {
    // Without brackets or `%` the text is one segment: folded at once, not walked by
    // characters (a list's every name passes here).
    if !text.utf8.contains(where: { [0x28, 0x29, 0x5B, 0x5D, 0x25].contains($0) }) {
      self.words = TextFolding.fold(text).split(separator: " ").map { Word(text: String($0), aside: false) }
      return
    }
    var words: [Word] = []
    var depth = 0
    var segment = ""
    func flush() {
      guard !segment.isEmpty else { return }
      for word in TextFolding.fold(segment).split(separator: " ") {
        words.append(Word(text: word == Self.percentWord ? "%" : String(word), aside: depth > 0))
      }
      segment = ""
    }
    for ch in text {
      switch ch {
      case "(", "[":
        flush()
        depth += 1
      case ")", "]":
        flush()
        depth = max(0, depth - 1)
      case "%":
        segment += " \(Self.percentWord) "
      default:
        segment.append(ch)
      }
    }
    flush()
    self.words = words
  }

  /// What `%` becomes while folding drops punctuation; no Vietnamese word is spelt so.
  private static let percentWord = "phantramx"

  var isEmpty: Bool { words.isEmpty }

  /// The positions where `phrase` stands as consecutive words; empty when it does not.
  func occurrences(of phrase: [String]) -> [Range<Int>] {
    guard !phrase.isEmpty, phrase.count <= words.count else { return [] }
    var found: [Range<Int>] = []
    for start in 0...(words.count - phrase.count)
    where words[start].text == phrase[0]
      && (1..<phrase.count).allSatisfy({ words[start + $0].text == phrase[$0] })
    {
      found.append(start..<(start + phrase.count))
    }
    return found
  }

  /// A phrase of a rule, folded into its words.
  static func phrase(_ text: String) -> [String] { HeaderText(text).words.map(\.text) }
}

extension HeaderText.Word {
  /// A word that says nothing about which field a column is: a number (a year, a
  /// column number) or a stop word.
  func isNeutral(_ stopWords: Set<String>) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } || stopWords.contains(text)
  }
}
