import CLibXML2

/// An HTML page (or an MHTML single-file web page: its HTML parts) read as a workbook: each `<table>` is a sheet, named by its `<caption>`
/// or `Bảng 1`, `Bảng 2` … in the order the tables begin. Web report software and
/// Excel's "Save as Web Page" write such pages, often under an .xls name.
///
/// libxml2's HTML parser reads the page as browsers do (unclosed cells and rows,
/// entities, stray markup), without network access; the page is first turned into
/// UTF-8 (`HTMLEncoding`) and its own charset hint then ignored. The text around the
/// tables is laid out as for a Word document (`DocxWorkbook`): the lines between the
/// previous table and this one first, in column A, then the table; the last sheet ends
/// with the lines after the last table. A table inside a cell is a sheet of its own.
enum HTMLWorkbook {
  static func open(path: String, encoding: TextEncoding?, limits: ReadLimits) throws(SheetReadError) -> GridWorkbook {
    let raw = try DocumentBytes.read(path, limits: limits)
    var decision = HTMLEncoding.decide(raw, given: encoding)
    var bytes = HTMLEncoding.utf8(raw, decision)
    if MHTML.looks(raw) {
      // A single-file web page: its HTML parts, one after the other.
      bytes = MHTML.pages(raw, given: encoding).flatMap { $0 }
      decision.isWeak = false
    }
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue
        | XML_PARSE_HUGE.rawValue)
    let document =
      bytes.isEmpty
      ? nil
      : bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          htmlReadMemory($0, Int32(clamping: buffer.count), nil, "UTF-8", options)
        }
      }
    var walker = HTMLPageWalker()
    if let document {
      defer { xmlFreeDoc(document) }
      walker.walk(xmlDocGetRootElement(document))
    }
    var contents = walker.sheets()
    if decision.isWeak, !contents.isEmpty {
      contents[0].notes.insert(
        ReadNote(
          code: "weak-encoding-evidence", cell: nil, detail: "\(decision.encoding.rawValue): \(decision.evidence)"),
        at: 0)
    }
    return GridWorkbook(path: path, format: .html, contents: contents)
  }
}
