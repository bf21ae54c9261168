import Glibc

extension ODSXMLReader {
  /// When the input continues with a `<table:table-cell …>` start tag written the usual
  /// way (the `table` prefix bound to ODF's table namespace, attributes
  /// `prefix:name="value"` one space apart, no namespace declaration), reads it in place,
  /// fills `attributes` (unless only skipping), consumes it and returns whether it closes
  /// itself. Returns nil, having consumed nothing, for anything else, which the general
  /// path then reads.
  ///
  /// Cells are most of an .ods: this saves the scanner's quote-by-quote pass over each
  /// tag, and the second pass that splits its attributes, by jumping from quote to quote.
  func cellStartTag(resolvingAttributes: Bool) throws(SheetReadError) -> Bool? {
    let b = scanner.buffer
    let start = scanner.position
    let end = scanner.bufferedEnd
    let name: StaticString = "<table:table-cell"
    let nameLength = name.utf8CodeUnitCount
    guard end - start > nameLength + 1 else { return nil }
    let literal = name.utf8Start
    for k in 0..<nameLength where b[start + k] != literal[k] { return nil }
    guard "table".utf8.withContiguousStorageIfAvailable({ namespaces.element(prefix: $0) == .table }) == true
    else { return nil }
    if resolvingAttributes { attributes.removeAll(keepingCapacity: true) }
    var i = start + nameLength
    var selfClosing = false
    while true {
      guard i + 1 < end else { return nil }
      if b[i] == UInt8(ascii: ">") {
        i += 1
        break
      }
      if b[i] == UInt8(ascii: "/") {
        guard b[i + 1] == UInt8(ascii: ">") else { return nil }
        selfClosing = true
        i += 2
        break
      }
      guard b[i] == 0x20 else { return nil }
      i += 1
      let nameStart = i
      var colon = -1
      while i < end, b[i] != UInt8(ascii: "=") {
        switch b[i] {
        case UInt8(ascii: ":") where colon < 0: colon = i
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "<"), UInt8(ascii: "\""),
          UInt8(ascii: "'"):
          return nil
        default: break
        }
        i += 1
      }
      guard colon > nameStart, i + 1 < end else { return nil }
      let equals = i
      let quote = b[i + 1]
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
      let valueStart = i + 2
      guard let hit = memchr(b + valueStart, Int32(quote), end - valueStart) else { return nil }
      let valueEnd = hit.assumingMemoryBound(to: UInt8.self) - b
      i = valueEnd + 1
      let prefix = nameStart..<colon
      if matches(prefix, "xmlns") { return nil }
      if resolvingAttributes {
        let namespace = namespaces.attribute(prefix: scanner.bytes(prefix))
        attributes.append(Attribute(namespace: namespace, local: (colon + 1)..<equals, value: valueStart..<valueEnd))
      }
    }
    // A `<` anywhere inside is not well formed: the general path names the error.
    guard memchr(b + start + 1, Int32(UInt8(ascii: "<")), i - start - 1) == nil else { return nil }
    try scanner.consumeStartTag(length: i - start, name: (start + 1)..<(start + nameLength), selfClosing: selfClosing)
    if !selfClosing { depth += 1 }
    return selfClosing
  }
}
