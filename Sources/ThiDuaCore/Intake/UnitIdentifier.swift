import Foundation
public import SheetIO

/// Finds who submitted a sheet and for which year, from its title rows ("UBND HUYỆN NÚI
/// THÀNH", "Đơn vị: …", a code cell, "NĂM 2017") or, failing that, the file name.
public struct UnitIdentifier: Sendable {
  public let registry: UnitRegistry

  public init(registry: UnitRegistry) { self.registry = registry }

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
    let pool = units ?? registry.units
    let folded = TextFolding.fold(text)
    // "UBND HUYỆN NÚI THÀNH": the full name after the issuing body, first.
    var full = folded
    for lead in ["uy ban nhan dan", "ubnd", "don vi"] where full.hasPrefix(lead + " ") {
      full = String(full.dropFirst(lead.count + 1))
    }
    let exact = pool.filter { unit in ([unit.name] + unit.aliases).contains { TextFolding.fold($0) == full } }
    if !exact.isEmpty { return (exact, false) }
    let key = Self.stripPrefixes(folded)
    guard !key.isEmpty else { return ([], false) }
    var found = pool.filter { unit in
      ([unit.name, unit.code] + unit.aliases).contains { Self.stripPrefixes(TextFolding.fold($0)) == key }
    }
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

  private func fuzzy(_ key: String, among pool: [RegistryUnit]) -> [RegistryUnit] {
    guard key.count >= 5 else { return [] }  // short names are too close to each other
    let scored = pool.map { unit -> (RegistryUnit, Double) in
      let best =
        ([unit.name] + unit.aliases).map { Self.similarity(key, Self.stripPrefixes(TextFolding.fold($0))) }.max() ?? 0
      return (unit, best)
    }.filter { $0.1 >= Self.fuzzyThreshold }
    return scored.map(\.0)
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
    let stem = TextFolding.fold(fileName)
    let byFile = registry.units.filter { unit in
      ([unit.name] + unit.aliases).contains { alias in
        let key = Self.stripPrefixes(TextFolding.fold(alias))
        return key.count >= 4 && (" " + stem + " ").contains(" " + key + " ")
      }
    }
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
