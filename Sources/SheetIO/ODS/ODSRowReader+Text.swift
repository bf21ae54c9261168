extension ODSRowReader {
  /// Reads the paragraphs of a cell into `text`, joined by line feeds as LibreOffice
  /// joins them when it saves .xlsx; returns how many there were. Only `<text:p>` and
  /// `<text:h>` children count: annotations (`office:annotation`), shapes and anything
  /// else in the cell are skipped.
  func readCellText() throws(SheetReadError) -> Int {
    let cellDepth = reader.depth
    var paragraphs = 0
    // The usual `<text:p>Tam Kỳ</text:p></table:table-cell>`, without the tag machinery.
    if reader.isTextPrefix, let simple = try reader.literalParagraph() {
      try append(simple)
      paragraphs = 1
      if try reader.literalEndTag("</table:table-cell>") { return paragraphs }
    }
    while reader.depth >= cellDepth {
      guard case .start(let namespace, let local, let selfClosing) = try reader.next() else { continue }
      if namespace == .text, reader.matches(local, "p") || reader.matches(local, "h") {
        if paragraphs > 0 { text.append(0x0A) }
        paragraphs += 1
        if !selfClosing { try readParagraph() }
      } else if !selfClosing {
        try reader.skipElement()
      }
    }
    return paragraphs
  }

  /// One paragraph, just started. Character data is kept as written, as LibreOffice
  /// reads it (it does not collapse white space, and writes runs of spaces as
  /// `<text:s>` anyway). `<text:s text:c="n"/>` is n spaces, `<text:tab/>` a tab,
  /// `<text:line-break/>` a line feed (ODF 1.2 Part 1, §6.1.3–§6.1.5); the text of spans,
  /// links and fields counts; elements of other namespaces (shapes), notes and ruby
  /// text (§6.1.1) do not, as LibreOffice leaves them out of a cell's text.
  private func readParagraph() throws(SheetReadError) {
    if let simple = try reader.simpleContent() {
      try append(simple)
      return
    }
    let depth = reader.depth
    while reader.depth >= depth {
      switch try reader.next() {
      case .start(let namespace, let local, let selfClosing):
        if namespace == .text, reader.matches(local, "s") {
          var count = 1
          if let c = reader.attribute(.text, "c") { count = try ODSCellAttributes.count(reader, c) }
          guard text.count + count <= limits.maxTokenBytes else {
            throw .repeatLimitExceeded(
              reader.location, what: "text:c=\"\(count)\" spaces in one cell", limit: limits.maxTokenBytes)
          }
          text += repeatElement(UInt8(ascii: " "), count: count)
        } else if namespace == .text, reader.matches(local, "tab") {
          text.append(0x09)
        } else if namespace == .text, reader.matches(local, "line-break") {
          text.append(0x0A)
        } else if namespace == .text, !reader.matches(local, "note"), !reader.matches(local, "ruby-text") {
          continue  // a span, a link, a field: its text is part of the paragraph
        } else if !selfClosing {
          try reader.skipElement()
          continue
        }
        // `<text:s>`, `<text:tab>` and `<text:line-break>` are empty; skip anything in them.
        if !selfClosing { try reader.skipElement() }
      case .text(let range): try append(range)
      case .cdata(let range): text.append(contentsOf: reader.scanner.bytes(range))
      case .end, .endOfDocument: continue
      }
    }
  }

  func append(_ range: Range<Int>) throws(SheetReadError) {
    guard XMLText.decode(reader.scanner.bytes(range), into: &text) else {
      throw reader.scanner.malformed("undefined entity or bad character reference")
    }
  }
}
