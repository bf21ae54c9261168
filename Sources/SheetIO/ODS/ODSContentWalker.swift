/// Walks the outline of `content.xml` (ODF 1.2 Part 1, §3.1.3): the style sections
/// before the body, then `office:body` › `office:spreadsheet` with its calculation
/// settings and its tables. Everything else is skipped unread.
///
/// The same walk serves twice: once when the workbook opens, to collect the styles, the
/// null date and the list of tables; then once per sheet read, to stop at its table.
struct ODSContentWalker {
  /// Called with each style section started (`office:font-face-decls`,
  /// `office:automatic-styles`); it must read the section to its end.
  var section: (ODSXMLReader) throws(SheetReadError) -> Void = { (reader) throws(SheetReadError) in
    try reader.skipElement()
  }
  /// Called with the text of `table:null-date`'s `table:date-value`.
  var nullDate: (String) -> Void = { _ in }
  /// Called just after the start tag of each table (`selfClosing` when it has no
  /// content); returns true to stop the walk there.
  var table: (ODSXMLReader, _ selfClosing: Bool) throws(SheetReadError) -> Bool

  /// Walks from the start of the part; true when `table` stopped it.
  func walk(_ reader: ODSXMLReader) throws(SheetReadError) -> Bool {
    while true {
      switch try reader.next() {
      case .start(let namespace, let local, let selfClosing):
        if try visit(reader, namespace, local, selfClosing) { return true }
      case .end, .text, .cdata: continue
      case .endOfDocument: return false
      }
    }
  }

  private func visit(
    _ reader: ODSXMLReader, _ namespace: ODSNamespace, _ local: Range<Int>, _ selfClosing: Bool
  ) throws(SheetReadError) -> Bool {
    let depth = reader.depth + (selfClosing ? 1 : 0)
    switch (depth, namespace) {
    case (1, .office) where reader.matches(local, "document-content"): return false
    case (2, .office) where reader.matches(local, "body"): return false
    case (2, .office) where reader.matches(local, "font-face-decls") || reader.matches(local, "automatic-styles"):
      if !selfClosing { try section(reader) }
      return false
    case (3, .office) where reader.matches(local, "spreadsheet"): return false
    case (4, .table) where reader.matches(local, "calculation-settings"): return false
    case (5, .table) where reader.matches(local, "null-date"):
      if let text = try reader.string(.table, "date-value") { nullDate(text) }
    case (4, .table) where reader.matches(local, "table"):
      if try table(reader, selfClosing) { return true }
    default: break
    }
    if !selfClosing { try reader.skipElement() }
    return false
  }
}
