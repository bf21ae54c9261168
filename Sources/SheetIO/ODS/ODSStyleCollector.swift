/// Gathers what the reader needs from the style sections of `styles.xml` and
/// `content.xml`: font faces, cell styles (parent, data style, font), the kinds of the
/// data styles, and which table styles hide their sheet (ODF 1.2 Part 1, §16).
///
/// Styles refer to each other by name, across sections and in any order, so they are
/// only collected here; `ODSStyles` resolves them once everything has been read.
struct ODSStyleCollector {
  /// A `<style:style style:family="table-cell">` or the table-cell `<style:default-style>`.
  struct CellStyle {
    var name: String
    var parent: String?
    var dataStyle: String?
    /// `style:font-name` of its text properties: the name of a font face.
    var fontFace: String?
    /// `fo:font-family` of its text properties: a family written out.
    var fontFamily: String?
  }

  /// What a data style shows (ODF 1.2 Part 1, §16.27).
  enum DataKind { case number, percentage, currency, date, time, boolean, text }

  /// Font face name → its family (`svg:font-family`, first of the list, unquoted).
  var fontFaces: [String: String] = [:]
  var defaultStyle: CellStyle?
  /// Cell styles in the order the files define them.
  var cellStyles: [CellStyle] = []
  var dataKinds: [String: DataKind] = [:]
  /// Names of table styles with `table:display="false"`.
  var hiddenTableStyles: Set<String> = []

  /// Reads the children of the section element just started (`office:font-face-decls`,
  /// `office:styles`, `office:automatic-styles`) up to its end tag. Styles are held in
  /// memory, so the part may have been read up to `byteLimit` bytes at most by then.
  mutating func readSection(_ reader: ODSXMLReader, byteLimit: Int) throws(SheetReadError) {
    let sectionDepth = reader.depth
    while reader.depth >= sectionDepth {
      guard reader.scanner.offset <= byteLimit else {
        throw .partTooLarge(reader.location, bytes: Int64(reader.scanner.offset), limit: Int64(byteLimit))
      }
      guard case .start(let namespace, let local, let selfClosing) = try reader.next() else { continue }
      if try !readDefinition(reader, namespace, local, selfClosing), !selfClosing {
        try reader.skipElement()
      }
    }
  }

  /// Reads one definition; false when the element is not one (nothing consumed).
  private mutating func readDefinition(
    _ reader: ODSXMLReader, _ namespace: ODSNamespace, _ local: Range<Int>, _ selfClosing: Bool
  ) throws(SheetReadError) -> Bool {
    if namespace == .style, reader.matches(local, "font-face") {
      if let name = try reader.string(.style, "name"), let family = try reader.string(.svg, "font-family") {
        fontFaces[name] = ODSStyleCollector.firstFamily(family)
      }
      if !selfClosing { try reader.skipElement() }
      return true
    }
    if namespace == .style, reader.matches(local, "style") || reader.matches(local, "default-style") {
      try readStyle(reader, isDefault: reader.matches(local, "default-style"), selfClosing)
      return true
    }
    if namespace == .number, let kind = ODSStyleCollector.dataKind(reader, local) {
      if let name = try reader.string(.style, "name") { dataKinds[name] = kind }
      if !selfClosing { try reader.skipElement() }
      return true
    }
    return false
  }

  private mutating func readStyle(_ reader: ODSXMLReader, isDefault: Bool, _ selfClosing: Bool) throws(SheetReadError) {
    let family = try reader.string(.style, "family")
    let name = try reader.string(.style, "name")
    guard family == "table-cell" || family == "table", isDefault || name != nil else {
      if !selfClosing { try reader.skipElement() }
      return
    }
    var style = CellStyle(
      name: name ?? "", parent: try reader.string(.style, "parent-style-name"),
      dataStyle: try reader.string(.style, "data-style-name"))
    var hidden = false
    if !selfClosing {
      let depth = reader.depth
      while reader.depth >= depth {
        guard case .start(let namespace, let local, let childClosing) = try reader.next() else { continue }
        if namespace == .style, reader.depth == depth + (childClosing ? 0 : 1) {
          if reader.matches(local, "text-properties") {
            style.fontFace = try reader.string(.style, "font-name")
            style.fontFamily = try reader.string(.fo, "font-family").map(ODSStyleCollector.firstFamily)
          } else if reader.matches(local, "table-properties") {
            hidden = try reader.string(.table, "display") == "false"
          }
        }
        if !childClosing { try reader.skipElement() }
      }
    }
    if family == "table" {
      if hidden, let name { hiddenTableStyles.insert(name) }
    } else if isDefault {
      defaultStyle = style
    } else {
      cellStyles.append(style)
    }
  }

  private static func dataKind(_ reader: ODSXMLReader, _ local: Range<Int>) -> DataKind? {
    if reader.matches(local, "number-style") { return .number }
    if reader.matches(local, "percentage-style") { return .percentage }
    if reader.matches(local, "currency-style") { return .currency }
    if reader.matches(local, "date-style") { return .date }
    if reader.matches(local, "time-style") { return .time }
    if reader.matches(local, "boolean-style") { return .boolean }
    if reader.matches(local, "text-style") { return .text }
    return nil
  }

  /// The first family of a CSS-style list, without its quotes: `'DejaVu Sans', Arial`
  /// → `DejaVu Sans`.
  static func firstFamily(_ list: String) -> String {
    let first = list.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    var name = String(first).trimmingSpaces
    if name.count >= 2, let quote = name.first, quote == "'" || quote == "\"", name.last == quote {
      name = String(name.dropFirst().dropLast())
    }
    return name
  }
}
