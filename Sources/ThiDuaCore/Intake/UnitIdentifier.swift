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
    let pool = units ?? registry.units
    let folded = TextFolding.fold(text)
    // "UBND HUYỆN NÚI THÀNH": the full name after the issuing body, first.
    var full = folded
    for lead in ["uy ban nhan dan", "ubnd", "don vi"] where full.hasPrefix(lead + " ") {
      full = String(full.dropFirst(lead.count + 1))
    }
    let exact = pool.filter { unit in ([unit.name] + unit.aliases).contains { TextFolding.fold($0) == full } }
    if !exact.isEmpty { return exact }
    let key = Self.stripPrefixes(folded)
    guard !key.isEmpty else { return [] }
    var found = pool.filter { unit in
      ([unit.name, unit.code] + unit.aliases).contains { Self.stripPrefixes(TextFolding.fold($0)) == key }
    }
    // "Núi Thành" names both a district and its town: the administrative word decides.
    if found.count > 1, let category = Self.categoryHint(full) {
      found = found.filter { $0.category == category }
    }
    return found
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
  public func unit(in grid: SheetGrid, beforeRow: Int, fileName: String) -> (unit: RegistryUnit?, seen: String?) {
    var seen: String?
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
        if found.count == 1 { return (found[0], candidate) }
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
    if byFile.count == 1 { return (byFile[0], fileName) }
    return (nil, seen)
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
