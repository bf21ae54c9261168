import Foundation
import SheetIO

/// Matches names to registry units: a whole name (`Huyện Núi Thành`, `Núi Thành`, a code,
/// an alias, a near spelling), or every unit a line of text mentions (`UBND XÃ TAM QUANG`,
/// `Ban chỉ đạo giảm nghèo huyện Núi Thành`, `SỞ LĐ-TB&XH`, `LDTBXH_baocao_2017`).
public struct UnitIdentifier: Sendable {
  public let registry: UnitRegistry
  let vocabulary: FoldedVocabulary
  /// Each unit's names folded once: a registry of a thousand units is matched against
  /// every title cell of every file.
  let entries: [Entry]
  /// Every key, word by word, for the search of mentions: the longest name at a position
  /// is found in as many steps as it has words, not by walking the thousand keys that
  /// start with `xa`.
  private let keyTrie: KeyTrie
  /// A folded name, and a key → the entries it is of, in registry order.
  private let entriesByName: [String: [Int]]
  private let entriesByKey: [String: [Int]]
  /// A code of three characters or more, folded → its entries (`517`, `sldtbxh`).
  private let entriesByCode: [String: [Int]]
  /// A unit's code as written → its entry.
  private let entryOfUnit: [String: Int]
  /// A key written as one word (`nuithanh`, `ldtbxh`) → the entries it names.
  private let compactKeys: [String: [Int]]

  struct Entry: Sendable {
    var unit: RegistryUnit
    /// Name and aliases, folded.
    var names: [String]
    /// Name, code and aliases folded, without their administrative word.
    var keys: [String]
    /// Name and aliases without their administrative word (the fuzzy match's keys).
    var fuzzyKeys: [String]
    /// The same with their diacritics, lower case: `trà don` and `trà dơn` are two
    /// communes that fold alike.
    var markedKeys: [String]
  }

  struct Key: Sendable {
    var entry: Int
    /// The key starts with an administrative word (`huyen nui thanh`, `so noi vu`).
    var qualified: Bool
  }

  public init(movement: MovementDefinition, registry: UnitRegistry? = nil) {
    self.init(registry: registry ?? movement.registry, vocabulary: movement.vocabulary)
  }

  init(registry: UnitRegistry, vocabulary: FoldedVocabulary) {
    self.registry = registry
    self.vocabulary = vocabulary
    var entries: [Entry] = []
    var trie = KeyTrie()
    var byName: [String: [Int]] = [:]
    var byKey: [String: [Int]] = [:]
    var byCode: [String: [Int]] = [:]
    var compact: [String: [Int]] = [:]
    for unit in registry.units {
      let names = ([unit.name] + unit.aliases).map(TextFolding.fold).filter { !$0.isEmpty }
      let bare = names.map { Self.stripPrefixes($0, vocabulary) }.filter { !$0.isEmpty }
      let index = entries.count
      let keys = bare + [Self.stripPrefixes(TextFolding.fold(unit.code), vocabulary)]
      entries.append(
        Entry(
          unit: unit, names: names, keys: keys, fuzzyKeys: bare,
          markedKeys: ([unit.name] + unit.aliases).map { Self.markedBare($0, vocabulary) }))
      for name in Set(names) { byName[name, default: []].append(index) }
      for key in Set(keys) { byKey[key, default: []].append(index) }
      if unit.code.count >= 3 { byCode[TextFolding.fold(unit.code), default: []].append(index) }
      var spoken = Set(names)
      // A bare name is a mention when it cannot be an ordinary word: two words or more,
      // or one of five letters; a department's bare name ("Dân tộc") always needs its word.
      for key in bare where unit.category != "SO_NGANH" && (key.contains(" ") || key.count >= 5) { spoken.insert(key) }
      for key in spoken {
        let words = key.split(separator: " ")
        guard !words.isEmpty else { continue }
        trie.insert(words, Key(entry: index, qualified: !bare.contains(key)))
      }
      var oneWord = Set(bare.map { $0.replacingOccurrences(of: " ", with: "") }.filter { $0.count >= 6 })
      if unit.category == "SO_NGANH" {
        for key in bare { oneWord.insert(Self.initials(key)) }
      }
      for key in oneWord where key.count >= 4 { compact[key, default: []].append(index) }
    }
    self.entries = entries
    keyTrie = trie
    entriesByName = byName
    entriesByKey = byKey
    entriesByCode = byCode
    entryOfUnit = Dictionary(
      entries.indices.map { (entries[$0].unit.code, $0) }, uniquingKeysWith: { first, _ in first })
    compactKeys = compact
  }

  /// The initials of a department's name without `và`: `lao dong thuong binh va xa hoi`
  /// is `ldtbxh`, as `Sở LĐTBXH` and `LĐ-TB&XH` write it.
  static func initials(_ folded: String) -> String {
    String(folded.split(separator: " ").filter { $0 != "va" }.compactMap(\.first))
  }

  /// Administrative words at the start of a folded name, removed (`xa tam quang` →
  /// `tam quang`, `ubnd huyen nui thanh` → `nui thanh`).
  static func stripPrefixes(_ folded: String, _ vocabulary: FoldedVocabulary) -> String {
    var s = folded
    var changed = true
    let words = vocabulary.issuerWords + vocabulary.unitLabels + vocabulary.adminWords.map(\.words)
    while changed {
      changed = false
      for prefix in words where s.hasPrefix(prefix + " ") {
        s = String(s.dropFirst(prefix.count + 1))
        changed = true
      }
    }
    return s
  }

  /// A name without its administrative words, lower case, diacritics kept.
  static func markedBare(_ text: String, _ vocabulary: FoldedVocabulary) -> String {
    let folded = TextFolding.fold(text)
    let dropped = folded.split(separator: " ").count - stripPrefixes(folded, vocabulary).split(separator: " ").count
    return FoldedVocabulary.markedWords(text).split(separator: " ").dropFirst(max(0, dropped)).joined(separator: " ")
  }

  /// Of units whose names fold alike, those whose name is written exactly as `text`
  /// (diacritics kept); all of them when none is.
  func exactlyWritten(_ units: [RegistryUnit], _ text: String) -> [RegistryUnit] {
    guard units.count > 1 else { return units }
    let marked = " " + FoldedVocabulary.markedWords(text) + " "
    let exact = units.filter { unit in
      entries.first { $0.unit.code == unit.code }?.markedKeys.contains {
        !$0.isEmpty && marked.contains(" " + $0 + " ")
      } ?? false
    }
    return exact.isEmpty ? units : exact
  }

  /// The category an administrative word at the start of a folded name points to.
  func categoryHint(_ folded: String) -> String? {
    vocabulary.adminWords.first { folded == $0.words || folded.hasPrefix($0.words + " ") }?.category
  }

  /// Registry units whose folded name or alias equals `text` folded, with or without its
  /// administrative prefix ("Huyện Núi Thành" and "Núi Thành" both match).
  public func candidates(_ text: String, among units: [RegistryUnit]? = nil) -> [RegistryUnit] {
    match(text, among: units).units
  }

  /// The units whose code (three characters or more) is one of the folded `words`, in
  /// registry order: `20998-2017.xlsx`, `517_bao_cao`.
  func units(withCodeAmong words: some Sequence<String>) -> [RegistryUnit] {
    Set(words.flatMap { entriesByCode[$0] ?? [] }).sorted().map { entries[$0].unit }
  }

  /// The units a name designates, and whether only the fuzzy match found them.
  public func match(_ written: String, among units: [RegistryUnit]? = nil, fuzzy allowFuzzy: Bool = true) -> (
    units: [RegistryUnit], fuzzy: Bool
  ) {
    let text = vocabulary.expandingAbbreviations(written)
    let allowed = units.map { Set($0.map(\.code)) }
    func among(_ indices: [Int]?) -> [RegistryUnit] {
      (indices ?? []).map { entries[$0].unit }.filter { allowed?.contains($0.code) ?? true }
    }
    let folded = TextFolding.fold(text)
    // "UBND HUYỆN NÚI THÀNH": the full name after the issuing body, first.
    var full = folded
    for lead in vocabulary.issuerWords + vocabulary.unitLabels where full.hasPrefix(lead + " ") {
      full = String(full.dropFirst(lead.count + 1))
    }
    let exact = among(entriesByName[full])
    if !exact.isEmpty { return (exactlyWritten(exact, text), false) }
    let key = Self.stripPrefixes(folded, vocabulary)
    guard !key.isEmpty else { return ([], false) }
    var found = among(entriesByKey[key])
    // "Núi Thành" names both a district and its town: the administrative word decides.
    if found.count > 1, let category = categoryHint(full) {
      found = found.filter { $0.category == category }
    }
    if found.isEmpty {
      guard allowFuzzy else { return ([], false) }
      let pool = allowed.map { codes in entries.filter { codes.contains($0.unit.code) } } ?? entries
      return (fuzzy(key, among: pool), true)
    }
    return (exactlyWritten(found, text), false)
  }

  /// Whether folded `text` is a name of `unit` (a district's table whose row names the
  /// district itself is its total).
  func names(_ folded: String, _ unit: RegistryUnit) -> Bool {
    guard let index = entryOfUnit[unit.code] else { return false }
    let entry = entries[index]
    let verbatim = entry.names.contains(folded)
    // Stripping prefixes leaves the end of the text: one that ends in none of the unit's
    // keys can name it only verbatim (a long list's every row asks).
    guard verbatim || entry.keys.contains(where: { folded.hasSuffix($0) }) else { return false }
    // "Thị trấn Núi Thành" in the table of Huyện Núi Thành is its town, not its total.
    if let category = categoryHint(folded), category != unit.category { return false }
    return verbatim || entry.keys.contains(Self.stripPrefixes(folded, vocabulary))
  }

  private func fuzzy(_ key: String, among pool: [Entry]) -> [RegistryUnit] {
    guard key.count >= 5 else { return [] }  // short names are too close to each other
    let threshold = vocabulary.limits.fuzzySimilarity
    return pool.filter { entry in
      // An edit distance can never be below the difference in length: skip those first.
      entry.fuzzyKeys.contains { candidate in
        let longer = max(key.count, candidate.count)
        guard 1 - Double(abs(key.count - candidate.count)) / Double(longer) >= threshold else { return false }
        return Self.similarity(key, candidate) >= threshold
      }
    }.map(\.unit)
  }

  /// 1 − edit distance ÷ the longer length, on folded names.
  static func similarity(_ a: String, _ b: String) -> Double {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    guard !x.isEmpty || !y.isEmpty else { return 1 }
    var previous = Array(0...y.count)
    for i in 1...max(x.count, 1) where !x.isEmpty {
      var current = [i] + Array(repeating: 0, count: y.count)
      for j in stride(from: 1, through: y.count, by: 1) {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return 1 - Double(previous[y.count]) / Double(max(x.count, y.count))
  }
}

extension UnitIdentifier {
  /// One place where a line of text names units.
  struct Mention: Sendable {
    /// The units the words may designate (several when names fold alike).
    var units: [RegistryUnit]
    /// An administrative word came with the name (`xã Tam Quang`, `Sở Nội vụ`).
    var qualified: Bool
    /// Word position in the line, for the order of mentions.
    var position: Int
  }

  /// Every unit that folded `line` mentions, longest name first at each position; an
  /// administrative word just before a bare name decides between a district and its town.
  func mentions(in line: String, written raw: String? = nil) -> [Mention] {
    let words = line.split(separator: " ")
    var found: [Mention] = []
    var i = 0
    while i < words.count {
      let best = keyTrie.longest(words[i...])
      if let best {
        var units = uniqueUnits(best.keys.map(\.entry))
        var qualified = best.keys.contains(where: \.qualified)
        if !qualified, i > 0, let category = precedingCategory(words[..<i]) {
          let narrowed = units.filter { $0.category == category }
          if !narrowed.isEmpty {
            units = narrowed
            qualified = true
          }
        }
        if let raw { units = exactlyWritten(units, raw) }
        // "Núi Thành" alone is the district, not its town of the same name.
        if !qualified {
          let parents = Set(units.compactMap(\.parent))
          let higher = units.filter { parents.contains($0.code) }
          if !higher.isEmpty { units = higher }
        }
        found.append(Mention(units: units, qualified: qualified, position: i))
        i += best.length
        continue
      }
      // `Phòng LĐTBXH` is a district's office: its initials are not the department's.
      if let indices = compactKeys[String(words[i])], i == 0 || !vocabulary.officeWords.contains(String(words[i - 1])) {
        found.append(Mention(units: uniqueUnits(indices), qualified: true, position: i))
      }
      i += 1
    }
    return found
  }

  private func uniqueUnits(_ indices: [Int]) -> [RegistryUnit] {
    var seen: Set<String> = []
    return indices.map { entries[$0].unit }.filter { seen.insert($0.code).inserted }
  }

  /// The category of the administrative word that ends `words` (`... ubnd huyen`).
  private func precedingCategory(_ words: ArraySlice<Substring>) -> String? {
    for admin in vocabulary.adminWords {
      let parts = admin.words.split(separator: " ")
      if words.count >= parts.count, words.suffix(parts.count).elementsEqual(parts) { return admin.category }
    }
    return nil
  }
}

/// Keys by their words, one node per word.
struct KeyTrie: Sendable {
  private var children: [[Substring: Int]] = [[:]]
  private var keys: [[UnitIdentifier.Key]] = [[]]

  mutating func insert(_ words: [Substring], _ key: UnitIdentifier.Key) {
    var node = 0
    for word in words {
      if let next = children[node][word] {
        node = next
      } else {
        children.append([:])
        keys.append([])
        children[node][word] = children.count - 1
        node = children.count - 1
      }
    }
    keys[node].append(key)
  }

  /// The keys of the longest run of `words`, from its start, that is a key; with its length.
  func longest(_ words: ArraySlice<Substring>) -> (length: Int, keys: [UnitIdentifier.Key])? {
    var node = 0
    var best: (length: Int, keys: [UnitIdentifier.Key])?
    for (length, word) in words.enumerated() {
      guard let next = children[node][word] else { break }
      node = next
      if !keys[node].isEmpty { best = (length + 1, keys[node]) }
    }
    return best
  }
}
