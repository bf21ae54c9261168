import Foundation

/// The number formats an HTML page gives its cells: `mso-number-format` in a cell's
/// `style` or in a `<style>` rule of its class (Excel's "Save as Web Page"), and
/// LibreOffice's `sdnum`.
struct HTMLCellFormats {
  private var byClass: [String: String] = [:]

  /// Reads the `mso-number-format` of each class rule (`.xl65 {…}`, `td.xl65 {…}`).
  mutating func addStyleSheet(_ css: String) {
    var rest = Substring(css)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      let selectors = rest[..<open]
      let body = rest[rest.index(after: open)..<close]
      rest = rest[rest.index(after: close)...]
      guard let format = Self.numberFormat(inDeclarations: body) else { continue }
      for selector in selectors.split(separator: ",") {
        let name = selector.split(separator: ".").last.map { $0.trimmingSpaces } ?? ""
        if selector.contains("."), !name.isEmpty { byClass[name.lowercased()] = format }
      }
    }
  }

  /// The format of a cell: its own style first, then its classes'.
  func format(style: String?, classes: String?) -> String? {
    if let style, let own = Self.numberFormat(inDeclarations: Substring(style)) { return own }
    for name in (classes ?? "").split(separator: " ") {
      if let format = byClass[name.lowercased()] { return format }
    }
    return nil
  }

  /// The value of `mso-number-format:` in CSS declarations, without its quotes; a
  /// backslash before `@` (`"\@"`, text) is dropped, the others kept as format escapes.
  static func numberFormat(inDeclarations css: Substring) -> String? {
    let lower = css.lowercased()
    guard let key = lower.range(of: "mso-number-format") else { return nil }
    let offset = lower.distance(from: lower.startIndex, to: key.upperBound)
    var value = css.dropFirst(offset).drop { $0 == " " || $0 == ":" }
    if let quote = value.first, quote == "\"" || quote == "'" {
      value = value.dropFirst()
      var text = ""
      var escaped = false
      for c in value {
        if escaped {
          text.append(c)
          escaped = false
        } else if c == "\\" {
          text.append(c)
          escaped = true
        } else if c == quote {
          break
        } else {
          text.append(c)
        }
      }
      return text == "\\@" ? "@" : text
    }
    let bare = value.prefix { $0 != ";" }.trimmingSpaces
    return bare == "\\@" ? "@" : bare
  }

  /// The format code of LibreOffice's `sdnum="1033;0;#,##0"`: what follows the second `;`.
  static func libreOfficeFormat(_ sdnum: String) -> String? {
    let parts = sdnum.split(separator: ";", maxSplits: 2, omittingEmptySubsequences: false)
    return parts.count == 3 ? String(parts[2]) : nil
  }
}
