/// Reads an OpenDocument XML part as a stream of namespace-resolved events, on top of
/// `XMLPullScanner` (which refuses `<!DOCTYPE` and enforces the depth and token limits).
///
/// Ranges point into the scanner's buffer and stay valid until the next call.
final class ODSXMLReader {
  /// One attribute of the last start tag: its namespace, local name and raw value.
  struct Attribute {
    var namespace: ODSNamespace
    var local: Range<Int>
    var value: Range<Int>
  }

  enum Event {
    /// A start tag; its attributes are in `attributes` until the next call.
    case start(ODSNamespace, local: Range<Int>, selfClosing: Bool)
    case end
    /// Character data, entities still encoded.
    case text(Range<Int>)
    /// CDATA content, literal.
    case cdata(Range<Int>)
    case endOfDocument
  }

  let scanner: XMLPullScanner
  let namespaces = ODSNamespaceScope()
  /// Attributes of the last start tag (set here and by the in-place cell tag reader).
  var attributes: [Attribute] = []
  /// Elements open after the last event.
  var depth = 0

  private var prefixes: [Range<Int>] = []

  init(source: any ByteSource, limits: ReadLimits) {
    scanner = XMLPullScanner(source: source, limits: limits)
    attributes.reserveCapacity(16)
    prefixes.reserveCapacity(16)
  }

  var location: Location { scanner.location }

  func next() throws(SheetReadError) -> Event {
    switch try scanner.next() {
    case .start(let name, let raw, let selfClosing):
      let elementDepth = depth + 1
      try readAttributes(raw, depth: elementDepth)
      let namespace = namespaces.element(prefix: scanner.bytes(prefix(ofElement: name)))
      if selfClosing {
        namespaces.end(depth: elementDepth)
      } else {
        depth = elementDepth
      }
      return .start(namespace, local: name, selfClosing: selfClosing)
    case .end:
      namespaces.end(depth: depth)
      depth -= 1
      return .end
    case .text(let range): return .text(range)
    case .cdata(let range): return .cdata(range)
    case .endOfDocument: return .endOfDocument
    }
  }

  /// Right after a start tag that does not close itself: reads on to its end tag without
  /// looking at what is inside (the scanner still checks that it is well formed).
  func skipElement() throws(SheetReadError) {
    let elementDepth = depth
    while true {
      // Cells, most of what a skipped table holds, without the general tag machinery.
      if let selfClosing = try cellStartTag(resolvingAttributes: false) {
        if !selfClosing, try literalParagraph() != nil { _ = try literalEndTag("</table:table-cell>") }
        continue
      }
      switch try scanner.next() {
      case .start(_, _, let selfClosing): if !selfClosing { depth += 1 }
      case .end:
        namespaces.end(depth: depth)
        depth -= 1
        if depth < elementDepth { return }
      case .text, .cdata: continue
      case .endOfDocument: throw scanner.malformed("document ends inside an element")
      }
    }
  }

  /// Right after a start tag that does not close itself: when the element holds
  /// character data only, consumes it and the end tag and returns the data's range
  /// (entities still encoded); otherwise consumes nothing. Most `<text:p>` are this.
  func simpleContent() throws(SheetReadError) -> Range<Int>? {
    guard let range = try scanner.simpleContent() else { return nil }
    namespaces.end(depth: depth)
    depth -= 1
    return range
  }

  /// Right after a start tag: when the input continues with exactly `<text:p>…</text:p>`
  /// holding character data only, consumes it and returns the data's range (entities
  /// still encoded); otherwise consumes nothing. The common paragraph, read without the
  /// general tag machinery; it is a paragraph only while `text` is ODF's text prefix
  /// (`isTextPrefix`), which callers that skip it need not check.
  func literalParagraph() throws(SheetReadError) -> Range<Int>? {
    try scanner.literalSimpleElement(open: "<text:p>", close: "</text:p>")
  }

  /// True while the prefix `text` names ODF's text namespace, as LibreOffice writes it.
  var isTextPrefix: Bool {
    "text".utf8.withContiguousStorageIfAvailable { namespaces.element(prefix: $0) == .text } ?? false
  }

  /// When the input continues with exactly the end tag `literal` of the current element,
  /// consumes it and returns true.
  func literalEndTag(_ literal: StaticString) throws(SheetReadError) -> Bool {
    guard try scanner.literalEndTag(literal) else { return false }
    namespaces.end(depth: depth)
    depth -= 1
    return true
  }

  /// True when `range` spells `name`.
  @inline(__always) func matches(_ range: Range<Int>, _ name: StaticString) -> Bool {
    scanner.matches(range, name)
  }

  /// The value of the attribute `namespace:name` of the last start tag, raw.
  func attribute(_ namespace: ODSNamespace, _ name: StaticString) -> Range<Int>? {
    for attribute in attributes where attribute.namespace == namespace && matches(attribute.local, name) {
      return attribute.value
    }
    return nil
  }

  /// An attribute value decoded to text (entities, attribute-value normalisation).
  func text(_ value: Range<Int>) throws(SheetReadError) -> String {
    var out: [UInt8] = []
    guard XMLText.decodeAttribute(scanner.bytes(value), into: &out) else {
      throw scanner.malformed("undefined entity or bad character reference in an attribute")
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The attribute `namespace:name` of the last start tag as text, if present.
  func string(_ namespace: ODSNamespace, _ name: StaticString) throws(SheetReadError) -> String? {
    guard let value = attribute(namespace, name) else { return nil }
    return try text(value)
  }

  /// The qualified name's prefix: the bytes between `<` and `:` before the local name.
  private func prefix(ofElement local: Range<Int>) -> Range<Int> {
    let b = scanner.buffer
    guard local.lowerBound > 0, b[local.lowerBound - 1] == UInt8(ascii: ":") else {
      return local.lowerBound..<local.lowerBound
    }
    var start = local.lowerBound - 1
    while start > 0, b[start - 1] != UInt8(ascii: "<") { start -= 1 }
    return start..<(local.lowerBound - 1)
  }

  /// Splits the attribute bytes of a start tag, applies its namespace declarations, then
  /// resolves each attribute's prefix.
  private func readAttributes(_ range: Range<Int>, depth: Int) throws(SheetReadError) {
    attributes.removeAll(keepingCapacity: true)
    prefixes.removeAll(keepingCapacity: true)
    let b = scanner.buffer
    var declares = false
    var i = range.lowerBound
    let limit = range.upperBound
    @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }
    while i < limit {
      while i < limit, isSpace(b[i]) { i += 1 }
      if i >= limit { break }
      let nameStart = i
      var colon = -1
      while i < limit, b[i] != UInt8(ascii: "="), !isSpace(b[i]) {
        if b[i] == UInt8(ascii: ":") && colon < 0 { colon = i }
        i += 1
      }
      let nameEnd = i
      while i < limit, isSpace(b[i]) { i += 1 }
      guard i < limit, b[i] == UInt8(ascii: "=") else { throw scanner.malformed("attribute without a value") }
      i += 1
      while i < limit, isSpace(b[i]) { i += 1 }
      guard i < limit, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else {
        throw scanner.malformed("attribute value without quotes")
      }
      let quote = b[i]
      let valueStart = i + 1
      i = valueStart
      while i < limit, b[i] != quote { i += 1 }
      guard i < limit else { throw scanner.malformed("unterminated attribute value") }
      let value = valueStart..<i
      i += 1
      let prefix = colon < 0 ? nameStart..<nameStart : nameStart..<colon
      let local = colon < 0 ? nameStart..<nameEnd : (colon + 1)..<nameEnd
      if matches(prefix, "xmlns") || (prefix.isEmpty && matches(local, "xmlns")) {
        declares = true
      }
      prefixes.append(prefix)
      attributes.append(Attribute(namespace: .none, local: local, value: value))
    }
    if declares {
      for (k, attribute) in attributes.enumerated() {
        let prefix = prefixes[k]
        if matches(prefix, "xmlns") {
          namespaces.declare(prefix: scanner.bytes(attribute.local), uri: try text(attribute.value), depth: depth)
        } else if prefix.isEmpty && matches(attribute.local, "xmlns") {
          namespaces.declare(prefix: scanner.bytes(prefix), uri: try text(attribute.value), depth: depth)
        }
      }
    }
    for k in attributes.indices {
      let prefix = prefixes[k]
      let namespace = namespaces.attribute(prefix: scanner.bytes(prefix))
      // Declarations are not attributes of the document; keep them out of look-ups.
      attributes[k].namespace =
        matches(prefix, "xmlns") || (prefix.isEmpty && matches(attributes[k].local, "xmlns")) ? .other : namespace
    }
  }
}
