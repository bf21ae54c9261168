import Foundation
import SheetIO

/// Finds who submitted a sheet and for which year, from its title rows ("UBND HUYỆN NÚI
/// THÀNH", "Đơn vị: …", a code cell, "NĂM 2017") or, failing that, the file name.
public struct UnitIdentifier: Sendable {
  public let registry: UnitRegistry
  /// Each unit's names folded once: a registry of a thousand units is matched against
  /// every title cell of every file.
  private let entries: [Entry]

  struct Entry: Sendable {
    var unit: RegistryUnit
    /// Name and aliases, folded.
    var names: [String]
    /// Name, code and aliases folded, without their administrative word.
    var keys: [String]
    /// Name and aliases without their administrative word (the fuzzy match's keys).
    var fuzzyKeys: [String]
  }

  public init(registry: UnitRegistry) {
    self.registry = registry
    entries = registry.units.map { unit in
      let names = ([unit.name] + unit.aliases).map(TextFolding.fold)
      return Entry(
        unit: unit, names: names, keys: (names + [TextFolding.fold(unit.code)]).map(Self.stripPrefixes),
        fuzzyKeys: names.map(Self.stripPrefixes))
    }
  }

  /// Words that introduce a unit's name in a title line, folded.
  static let prefixes = [
    "uy ban nhan dan", "ubnd", "don vi", "huyen", "thanh pho", "thi xa", "xa", "phuong", "thi tran", "so", "ban",
  ]

  /// Registry units whose folded name or alias equals `text` folded, with or without its
  /// administrative prefix ("Huyện Núi Thành" and "Núi Thành" both match).
  public func candidates(_ text: String, among units: [RegistryUnit]? = nil) -> [RegistryUnit] {
    match(text, among: units).units
  }

  /// The units a name designates, and whether only the fuzzy match found them.
  public func match(_ text: String, among units: [RegistryUnit]? = nil) -> (units: [RegistryUnit], fuzzy: Bool) {
    let pool =
      units.map { subset in
        let codes = Set(subset.map(\.code))
        return entries.filter { codes.contains($0.unit.code) }
      } ?? entries
    let folded = TextFolding.fold(text)
    // "UBND HUYỆN NÚI THÀNH": the full name after the issuing body, first.
    var full = folded
    for lead in ["uy ban nhan dan", "ubnd", "don vi"] where full.hasPrefix(lead + " ") {
      full = String(full.dropFirst(lead.count + 1))
    }
    let exact = pool.filter { $0.names.contains(full) }.map(\.unit)
    if !exact.isEmpty { return (exact, false) }
    let key = Self.stripPrefixes(folded)
    guard !key.isEmpty else { return ([], false) }
    var found = pool.filter { $0.keys.contains(key) }.map(\.unit)
    // "Núi Thành" names both a district and its town: the administrative word decides.
    if found.count > 1, let category = Self.categoryHint(full) {
      found = found.filter { $0.category == category }
    }
    if found.isEmpty { return (fuzzy(key, among: pool), true) }
    return (found, false)
  }

  /// Names within this similarity (1 − edit distance ÷ longer length, on folded names
  /// without their administrative word) are taken as typing slips: "Tam Quan" for "Tam
  /// Quang" (0.89). Two or more such names are ambiguous, and none is a guess.
  public static let fuzzyThreshold = 0.85

  private func fuzzy(_ key: String, among pool: [Entry]) -> [RegistryUnit] {
    guard key.count >= 5 else { return [] }  // short names are too close to each other
    return pool.filter { entry in
      // An edit distance can never be below the difference in length: skip those first.
      entry.fuzzyKeys.contains { candidate in
        let longer = max(key.count, candidate.count)
        guard 1 - Double(abs(key.count - candidate.count)) / Double(longer) >= Self.fuzzyThreshold else {
          return false
        }
        return Self.similarity(key, candidate) >= Self.fuzzyThreshold
      }
    }.map(\.unit)
  }

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

  /// The category an administrative word at the start of a name points to.
  static func categoryHint(_ folded: String) -> String? {
    for (words, category) in [
      (["huyen", "thanh pho", "thi xa"], "HUYEN"), (["xa", "phuong", "thi tran"], "XA"),
      (["thon", "khoi pho"], "THON"),
      (["so", "ban"], "SO_NGANH"),
    ] where words.contains(where: { folded.hasPrefix($0 + " ") }) {
      return category
    }
    return nil
  }

  static func stripPrefixes(_ folded: String) -> String {
    var s = folded
    var changed = true
    while changed {
      changed = false
      for prefix in prefixes where s.hasPrefix(prefix + " ") {
        s = String(s.dropFirst(prefix.count + 1))
        changed = true
      }
    }
    return s
  }

  /// The unit named in rows `1..<beforeRow`, or by the file name; nil when none matches
  /// exactly one unit (the caller reports it).
  public func unit(in grid: SheetGrid, beforeRow: Int, fileName: String) -> (
    unit: RegistryUnit?, seen: String?, ambiguous: [RegistryUnit]
  ) {
    var seen: String?
    var ambiguous: [RegistryUnit] = []
    for row in 1..<max(beforeRow, 1) {
      for column in 1...max(grid.lastColumn, 1) {
        guard case .text(let text) = grid.value(row, column) else { continue }
        // "Đơn vị: X" may put X in the next cell.
        var candidate = text
        if TextFolding.fold(text).hasPrefix("don vi"), let colon = text.firstIndex(of: ":") {
          candidate = String(text[text.index(after: colon)...])
          if candidate.trimmingCharacters(in: .whitespaces).isEmpty, case .text(let next) = grid.value(row, column + 1)
          {
            candidate = next
          }
        }
        let found = candidates(candidate)
        if found.count == 1 { return (found[0], candidate, []) }
        if found.count > 1 && ambiguous.isEmpty {
          ambiguous = found
          seen = candidate.trimmingCharacters(in: .whitespaces)
        }
        if seen == nil, TextFolding.fold(text).hasPrefix("ubnd") || TextFolding.fold(text).hasPrefix("don vi") {
          seen = candidate.trimmingCharacters(in: .whitespaces)
        }
      }
    }
    let stem = " " + TextFolding.fold(fileName) + " "
    let byFile = entries.filter { entry in
      entry.fuzzyKeys.contains { key in key.count >= 4 && stem.contains(" " + key + " ") }
    }.map(\.unit)
    if byFile.count == 1 && ambiguous.isEmpty { return (byFile[0], fileName, []) }
    return (nil, seen, ambiguous)
  }

  /// A year 2010–2039 written in the title rows ("NĂM 2017"), else in the file name.
  public func year(in grid: SheetGrid, beforeRow: Int, fileName: String) -> Int? {
    for row in 1..<max(beforeRow, 1) {
      for column in 1...max(grid.lastColumn, 1) {
        if case .text(let text) = grid.value(row, column), let y = Self.year(in: text) { return y }
      }
    }
    return Self.year(in: fileName)
  }

  static func year(in text: String) -> Int? {
    var digits = ""
    for ch in text + " " {
      if ch.isASCII && ch.isNumber {
        digits.append(ch)
        continue
      }
      if digits.count == 4, let y = Int(digits), (2010...2039).contains(y) { return y }
      digits = ""
    }
    return nil
  }
}
