import Foundation

/// Sheet names made from unit names: valid for Excel and unique within a workbook.
///
/// Excel's rules: 1–31 characters, none of `[ ] : * ? / \`, not beginning or ending
/// with an apostrophe, unique without regard to case, and not `History` (reserved).
public struct SheetNamer: Sendable {
  private var used: Set<String> = []

  public init() {}

  /// A valid name as close to `wanted` as allowed: forbidden characters become spaces,
  /// the name is cut to 31 characters, and a clash gets ` (2)`, ` (3)` … within the limit.
  public mutating func name(for wanted: String) throws(WriteError) -> String {
    var base = String(wanted.map { "[]:*?/\\".contains($0) ? " " : $0 })
    while base.contains("  ") { base = base.replacingOccurrences(of: "  ", with: " ") }
    base = base.trimmingSpacesAndApostrophes
    if base.isEmpty { throw .invalidSheetName(wanted) }
    if base.lowercased() == "history" { base += " 1" }
    var candidate = String(base.prefix(31)).trimmingSpacesAndApostrophes
    var n = 1
    while used.contains(candidate.lowercased()) {
      n += 1
      let suffix = " (\(n))"
      candidate = String(base.prefix(31 - suffix.count)).trimmingSpacesAndApostrophes + suffix
    }
    used.insert(candidate.lowercased())
    return candidate
  }
}

extension String {
  fileprivate var trimmingSpacesAndApostrophes: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "'" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "'" { s = s.dropLast() }
    return String(s)
  }
}
