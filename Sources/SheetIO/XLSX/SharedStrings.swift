/// Reads the shared-string table (`sharedStrings.xml`) in one streaming pass.
///
/// Rich-text runs (`<r><t>`) are joined; phonetic runs (`<rPh>`) are left out; text is
/// kept exactly, including the spaces that `xml:space="preserve"` protects.
enum SharedStrings {
  static func load(from source: any ByteSource, limits: ReadLimits) throws(SheetReadError) -> [String] {
    let scanner = XMLPullScanner(source: source, limits: limits)
    var strings: [String] = []
    var current: [UInt8] = []
    var inItem = false
    var inText = false
    var phoneticDepth = 0
    while true {
      switch try scanner.next() {
      case .start(let name, let attributes, let selfClosing):
        if scanner.matches(name, "si") {
          current.removeAll(keepingCapacity: true)
          inItem = true
          if selfClosing {
            strings.append("")
            inItem = false
          }
        } else if scanner.matches(name, "rPh"), !selfClosing {
          phoneticDepth += 1
        } else if scanner.matches(name, "t"), !selfClosing {
          if let text = try scanner.simpleContent() {
            if phoneticDepth == 0, inItem, !XMLText.decode(scanner.bytes(text), into: &current) {
              throw scanner.malformed("undefined entity or bad character reference")
            }
          } else {
            inText = true
          }
        } else if scanner.matches(name, "sst") {
          // A declared count sizes the table up front, bounded against lying files.
          try scanner.forEachAttribute(in: attributes) { (key, value) throws(SheetReadError) in
            if scanner.matches(key, "uniqueCount"), let n = Int(String(decoding: scanner.bytes(value), as: UTF8.self)) {
              strings.reserveCapacity(min(max(n, 0), 1 << 20))
            }
          }
        }
      case .end(let name):
        if scanner.matches(name, "t") {
          inText = false
        } else if scanner.matches(name, "rPh") {
          phoneticDepth -= 1
        } else if scanner.matches(name, "si") {
          strings.append(String(decoding: XMLText.unescapeOOXML(current), as: UTF8.self))
          inItem = false
        }
      case .text(let range):
        if inItem, inText, phoneticDepth == 0 {
          guard XMLText.decode(scanner.bytes(range), into: &current) else {
            throw scanner.malformed("undefined entity or bad character reference")
          }
        }
      case .cdata(let range):
        if inItem, inText, phoneticDepth == 0 { current.append(contentsOf: scanner.bytes(range)) }
      case .endOfDocument:
        return strings
      }
    }
  }
}
