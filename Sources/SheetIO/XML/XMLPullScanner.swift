import Glibc

/// A pull tokenizer for the subset of XML that worksheet and shared-string parts use,
/// built for speed: it works on bytes in place and allocates nothing per token.
///
/// It is a real XML reader for what it accepts: attributes in either quote style with
/// `>` allowed inside values, namespace prefixes, self-closing elements, comments,
/// processing instructions, CDATA, the five predefined entities and character
/// references, and matching start and end tags. It refuses `<!DOCTYPE` outright, so no
/// entity can ever expand. A token that crosses a chunk boundary is carried over whole.
/// Token ranges point into the scanner's buffer and stay valid until the next call.
final class XMLPullScanner {
  enum Token {
    /// `name` is the local name's byte range; `attributes` the bytes between name and `>`.
    case start(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
    case end(name: Range<Int>)
    /// Character data with entities still encoded.
    case text(Range<Int>)
    /// CDATA content, taken literally.
    case cdata(Range<Int>)
    case endOfDocument
  }

  private let source: any ByteSource
  private let limits: ReadLimits
  private(set) var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var pos = 0
  private var end = 0
  private var exhausted = false
  /// Bytes dropped from the front of the buffer so far, for error offsets.
  private var consumed = 0
  /// Bytes before this index are known to be well-formed UTF-8.
  private var checkedEnd = 0
  /// Keys of the qualified names of open elements, to check that end tags match; a
  /// fixed stack of `maxXMLDepth` entries.
  private let openElements: UnsafeMutablePointer<UInt64>
  private var openCount = 0
  private var sawRoot = false

  init(source: any ByteSource, limits: ReadLimits, initialCapacity: Int = 256 << 10) {
    self.source = source
    self.limits = limits
    capacity = initialCapacity
    // One spare byte past the data: a guard byte that is never `<`, `>` or a quote.
    buffer = .allocate(capacity: capacity + 1)
    openElements = .allocate(capacity: max(1, limits.maxXMLDepth))
  }

  deinit {
    buffer.deallocate()
    openElements.deallocate()
  }

  /// Pops the innermost open element if its key is `key`.
  @inline(__always) private func close(_ key: UInt64) -> Bool {
    guard openCount > 0, openElements[openCount - 1] == key else { return false }
    openCount -= 1
    return true
  }

  /// Where the bytes come from.
  var location: Location { source.location }

  /// Bytes of the input read so far, up to the current position.
  var offset: Int { consumed + pos }

  /// The error for malformed input at the current position.
  func malformed(_ reason: String) -> SheetReadError {
    .malformedXML(source.location, reason: "\(reason) (byte \(consumed + pos))")
  }

  /// Moves the unread bytes to the front and reads more; grows the buffer when a single
  /// token fills it. Returns false when the source is exhausted.
  private func refill() throws(SheetReadError) -> Bool {
    if exhausted { return false }
    if pos > 0 {
      let remaining = end - pos
      if remaining > 0 { buffer.update(from: buffer + pos, count: remaining) }
      consumed += pos
      checkedEnd -= pos
      pos = 0
      end = remaining
    }
    if end == capacity {
      guard capacity < limits.maxTokenBytes else { throw malformed("token longer than \(limits.maxTokenBytes) bytes") }
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + 1)
      grown.update(from: buffer, count: end)
      buffer.deallocate()
      buffer = grown
      capacity *= 2
    }
    let n = try source.read(into: buffer + end, capacity: capacity - end)
    if n == 0 {
      exhausted = true
      // A character cut off by the end of the part.
      if checkedEnd < end { throw invalidUTF8(checkedEnd..<end, offset: checkedEnd) }
      return false
    }
    end += n
    buffer[end] = 0
    switch UTF8Validation.check(buffer, from: checkedEnd, to: end) {
    case .valid(let checked): checkedEnd = checked
    case .invalid(let start, let index): throw invalidUTF8(start..<(index + 1), offset: index)
    }
    return true
  }

  /// The error for the bytes of `range` (a character up to its bad byte, shown in hex),
  /// at `offset` in the buffer.
  private func invalidUTF8(_ range: Range<Int>, offset: Int) -> SheetReadError {
    let shown = range.map { String(buffer[$0], radix: 16, uppercase: true) }.joined(separator: " ")
    return .invalidUTF8(source.location, byteOffset: consumed + offset, bytes: shown)
  }

  /// Index of the first `byte` at or after `from`, refilling as needed; the buffer may
  /// move, so the result is relative to `pos` after the call. Nil at the end of input.
  private func find(_ byte: UInt8, from offset: Int) throws(SheetReadError) -> Int? {
    var searched = offset  // relative to pos
    while true {
      let base = pos + searched
      if base < end, let hit = scan(for: byte, from: base) { return hit - pos }
      searched = end - pos
      guard try refill() else { return nil }
    }
  }

  /// Index of the first `byte` in `from..<end`. (An inline loop for short distances
  /// measured no better than `memchr`: 741 against 731 million instructions.)
  @inline(__always) private func scan(for byte: UInt8, from: Int) -> Int? {
    let i = from
    guard i < end, let hit = memchr(buffer + i, Int32(byte), end - i) else { return nil }
    return hit.assumingMemoryBound(to: UInt8.self) - buffer
  }

  /// Index (relative to pos) of the first occurrence of `terminator` at or after `from`.
  private func find(_ terminator: [UInt8], from offset: Int) throws(SheetReadError) -> Int? {
    var from = offset
    while let hit = try find(terminator[0], from: from) {
      while end - pos < hit + terminator.count { guard try refill() else { return nil } }
      var matches = true
      for k in 1..<terminator.count where buffer[pos + hit + k] != terminator[k] {
        matches = false
        break
      }
      if matches { return hit }
      from = hit + 1
    }
    return nil
  }

  /// Makes sure `count` bytes are available from pos.
  private func ensure(_ count: Int) throws(SheetReadError) -> Bool {
    while end - pos < count { guard try refill() else { return false } }
    return true
  }

  /// The next token.
  func next() throws(SheetReadError) -> Token {
    while true {
      if pos >= end, try !refill() {
        if openCount > 0 { throw malformed("document ends inside an element") }
        return .endOfDocument
      }
      if buffer[pos] != UInt8(ascii: "<") {
        if openCount > 0, let lt = scan(for: UInt8(ascii: "<"), from: pos) {
          let range = pos..<lt
          pos = lt
          return .text(range)
        }
        guard let lt = try find(UInt8(ascii: "<"), from: 0) else {
          let range = pos..<end
          pos = end
          if openCount == 0 && isWhitespace(range) { continue }
          throw malformed("text after the document's end")
        }
        let range = pos..<(pos + lt)
        pos += lt
        if openCount == 0 {
          if isWhitespace(range) { continue }
          throw malformed("text outside the root element")
        }
        return .text(range)
      }
      guard try ensure(2) else { throw malformed("document ends inside a tag") }
      switch buffer[pos + 1] {
      case UInt8(ascii: "/"): return try endTag()
      case UInt8(ascii: "?"):
        guard let close = try find(Array("?>".utf8), from: 2) else {
          throw malformed("unterminated processing instruction")
        }
        pos += close + 2
      case UInt8(ascii: "!"): if let token = try markupDeclaration() { return token }
      default: return try startTag()
      }
    }
  }

  /// The buffered bytes not yet consumed: `buffer[position..<bufferedEnd]`, for a
  /// caller that parses a common tag in place (`XLSXRowReader`'s `<c …>`).
  var position: Int { pos }
  var bufferedEnd: Int { end }

  /// Consumes a start tag of `length` bytes that a caller parsed in place; `name` is its
  /// qualified name's range. Opens the element unless it closes itself.
  func consumeStartTag(length: Int, name: Range<Int>, selfClosing: Bool) throws(SheetReadError) {
    if !selfClosing {
      guard openCount < limits.maxXMLDepth else { throw .xmlTooDeep(source.location, limit: limits.maxXMLDepth) }
      openElements[openCount] = hash(name)
      openCount += 1
    }
    pos += length
  }

  /// True when the input continues with exactly the bytes of `literal`.
  @inline(__always) private func startsWith(_ literal: StaticString) throws(SheetReadError) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard try ensure(n) else { return false }
    let p = literal.utf8Start
    for k in 0..<n where buffer[pos + k] != p[k] { return false }
    return true
  }

  /// When the input continues with exactly `<name>text</name>` (unprefixed, without
  /// attributes: what every producer writes for `<v>`), consumes it and returns the text's
  /// range; otherwise consumes nothing. The common case of sheet data skips the general
  /// tag machinery this way.
  func literalSimpleElement(open: StaticString, close: StaticString) throws(SheetReadError) -> Range<Int>? {
    guard openCount < limits.maxXMLDepth, try startsWith(open) else { return nil }
    let textStart = open.utf8CodeUnitCount
    guard let lt = try find(UInt8(ascii: "<"), from: textStart) else { return nil }
    let closeLength = close.utf8CodeUnitCount
    guard try ensure(lt + closeLength) else { return nil }
    let p = close.utf8Start
    for k in 0..<closeLength where buffer[pos + lt + k] != p[k] { return nil }
    let range = (pos + textStart)..<(pos + lt)
    pos += lt + closeLength
    return range
  }

  /// When the input continues with exactly the end tag `literal` (such as `</c>`) of the
  /// innermost open element, consumes it and returns true.
  func literalEndTag(_ literal: StaticString) throws(SheetReadError) -> Bool {
    guard try startsWith(literal) else { return false }
    let n = literal.utf8CodeUnitCount
    guard close(hash((pos + 2)..<(pos + n - 1))) else { return false }
    pos += n
    return true
  }

  /// Right after a start tag: when the element holds character data only (no child
  /// element, comment or CDATA), consumes the data and the end tag and returns the
  /// data's range (entities still encoded). Otherwise consumes nothing and returns nil.
  /// This halves the tokens of `<v>` and `<t>`, the bulk of sheet data.
  func simpleContent() throws(SheetReadError) -> Range<Int>? {
    guard let lt = try find(UInt8(ascii: "<"), from: 0), try ensure(lt + 2),
      buffer[pos + lt + 1] == UInt8(ascii: "/")
    else { return nil }
    guard let gt = try find(UInt8(ascii: ">"), from: lt + 2) else { throw malformed("unterminated end tag") }
    var nameEnd = pos + gt
    while nameEnd > pos + lt + 2, isSpace(buffer[nameEnd - 1]) { nameEnd -= 1 }
    guard close(hash((pos + lt + 2)..<nameEnd)) else {
      throw malformed("end tag does not match its start tag")
    }
    let range = pos..<(pos + lt)
    pos += gt + 1
    return range
  }

  private func isWhitespace(_ range: Range<Int>) -> Bool {
    for i in range {
      switch buffer[i] {
      case 0x20, 0x09, 0x0A, 0x0D: continue
      default: return false
      }
    }
    return true
  }

  /// Comments are skipped, CDATA becomes a token, a DOCTYPE is refused.
  private func markupDeclaration() throws(SheetReadError) -> Token? {
    guard try ensure(4) else { throw malformed("document ends inside markup") }
    if buffer[pos + 2] == UInt8(ascii: "-") && buffer[pos + 3] == UInt8(ascii: "-") {
      guard let close = try find(Array("-->".utf8), from: 4) else { throw malformed("unterminated comment") }
      pos += close + 3
      return nil
    }
    let cdata = Array("<![CDATA[".utf8)
    if try ensure(cdata.count), (0..<cdata.count).allSatisfy({ buffer[pos + $0] == cdata[$0] }) {
      guard openCount > 0 else { throw malformed("CDATA outside the root element") }
      guard let close = try find(Array("]]>".utf8), from: cdata.count) else {
        throw malformed("unterminated CDATA section")
      }
      let range = (pos + cdata.count)..<(pos + close)
      pos += close + 3
      return .cdata(range)
    }
    let doctype = Array("<!DOCTYPE".utf8)
    if try ensure(doctype.count), (0..<doctype.count).allSatisfy({ buffer[pos + $0] == doctype[$0] }) {
      throw .doctypeForbidden(source.location)
    }
    throw malformed("unexpected markup declaration")
  }

  private func endTag() throws(SheetReadError) -> Token {
    guard let gt = try find(UInt8(ascii: ">"), from: 2) else { throw malformed("unterminated end tag") }
    var nameEnd = pos + gt
    while nameEnd > pos + 2, isSpace(buffer[nameEnd - 1]) { nameEnd -= 1 }
    let qualified = (pos + 2)..<nameEnd
    guard close(hash(qualified)) else {
      throw malformed(
        "end tag </\(String(decoding: UnsafeBufferPointer(rebasing: UnsafeBufferPointer(start: buffer, count: end)[qualified]), as: UTF8.self))> does not match its start tag"
      )
    }
    pos += gt + 1
    return .end(name: localName(qualified))
  }

  private func startTag() throws(SheetReadError) -> Token {
    // Find the closing `>` outside quoted attribute values: take the next `>` (memchr),
    // then check the quotes before it; only a `>` inside a value sends us further on.
    var from = 1
    var quote: UInt8 = 0
    var i = pos + 1
    while true {
      guard let hit = try find(UInt8(ascii: ">"), from: from) else { throw malformed("document ends inside a tag") }
      let gt = pos + hit
      i = pos + from
      while i < gt {
        let byte = buffer[i]
        if quote != 0 {
          if byte == quote {
            quote = 0
          } else if byte == UInt8(ascii: "<") {
            throw malformed("`<` inside an attribute value")
          }
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          quote = byte
        } else if byte == UInt8(ascii: "<") {
          throw malformed("`<` inside a tag")
        }
        i += 1
      }
      if quote == 0 { break }
      from = hit + 1
    }
    let gt = i
    let selfClosing = buffer[gt - 1] == UInt8(ascii: "/") && gt - 1 > pos
    let tagEnd = selfClosing ? gt - 1 : gt
    var nameEnd = pos + 1
    while nameEnd < tagEnd, !isSpace(buffer[nameEnd]) { nameEnd += 1 }
    let qualified = (pos + 1)..<nameEnd
    guard !qualified.isEmpty else { throw malformed("tag without a name") }
    if !selfClosing {
      guard openCount < limits.maxXMLDepth else { throw .xmlTooDeep(source.location, limit: limits.maxXMLDepth) }
      openElements[openCount] = hash(qualified)
      openCount += 1
    }
    if openCount <= (selfClosing ? 0 : 1) {
      guard !sawRoot else { throw malformed("a second root element") }
      sawRoot = true
    }
    pos = gt + 1
    return .start(name: localName(qualified), attributes: nameEnd..<tagEnd, selfClosing: selfClosing)
  }

  @inline(__always) private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }

  private func localName(_ qualified: Range<Int>) -> Range<Int> {
    var i = qualified.upperBound
    while i > qualified.lowerBound, buffer[i - 1] != UInt8(ascii: ":") { i -= 1 }
    return i..<qualified.upperBound
  }

  /// A key for a qualified name: the bytes themselves for names of up to 7 bytes (all
  /// of SpreadsheetML's common ones), FNV-1a for longer ones.
  @inline(__always) private func hash(_ range: Range<Int>) -> UInt64 {
    if range.count <= 7 {
      var key = UInt64(range.count) << 56
      var shift: UInt64 = 0
      for i in range {
        key |= UInt64(buffer[i]) << shift
        shift += 8
      }
      return key
    }
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for i in range { h = (h ^ UInt64(buffer[i])) &* 0x100_0000_01b3 }
    return h
  }

  /// True when the bytes in `range` spell `name`.
  @inline(__always) func matches(_ range: Range<Int>, _ name: StaticString) -> Bool {
    guard range.count == name.utf8CodeUnitCount else { return false }
    let p = name.utf8Start
    for k in 0..<range.count where buffer[range.lowerBound + k] != p[k] { return false }
    return true
  }

  /// Calls `body` with the local name and the raw value range of each attribute.
  func forEachAttribute(
    in range: Range<Int>, _ body: (Range<Int>, Range<Int>) throws(SheetReadError) -> Void
  ) throws(SheetReadError) {
    var i = range.lowerBound
    let limit = range.upperBound
    while i < limit {
      while i < limit, isSpace(buffer[i]) { i += 1 }
      if i >= limit { break }
      let nameStart = i
      while i < limit, buffer[i] != UInt8(ascii: "="), !isSpace(buffer[i]) { i += 1 }
      let name = localName(nameStart..<i)
      while i < limit, isSpace(buffer[i]) { i += 1 }
      guard i < limit, buffer[i] == UInt8(ascii: "=") else { throw malformed("attribute without a value") }
      i += 1
      while i < limit, isSpace(buffer[i]) { i += 1 }
      guard i < limit, buffer[i] == UInt8(ascii: "\"") || buffer[i] == UInt8(ascii: "'") else {
        throw malformed("attribute value without quotes")
      }
      let quote = buffer[i]
      let valueStart = i + 1
      i = valueStart
      while i < limit, buffer[i] != quote { i += 1 }
      guard i < limit else { throw malformed("unterminated attribute value") }
      try body(name, valueStart..<i)
      i += 1
    }
  }

  /// The bytes of `range` as a buffer, for parsing in place.
  @inline(__always) func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: buffer + range.lowerBound, count: range.count)
  }
}
