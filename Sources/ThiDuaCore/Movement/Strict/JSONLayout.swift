/// Where things are in a JSON text: the line and column of every object key and value,
/// by path (`fields[3].constraints`), and of the first syntax error. Foundation's decoder
/// says neither; a Board officer editing a file by hand needs both.
///
/// A recursive-descent pass over the bytes that checks RFC 8259's grammar and keeps
/// positions, not values (the values come from `JSONDecoder`).
struct JSONLayout {
  struct Position: Hashable, Sendable {
    var line: Int
    var column: Int
  }

  struct Key: Hashable, Sendable {
    var name: String
    var position: Position
  }

  /// Object path → its keys in file order. The root object's path is "".
  private(set) var keys: [String: [Key]] = [:]
  /// Value path (`fields[3].constraints.minimum`) → where the value starts.
  private(set) var values: [String: Position] = [:]
  /// What the grammar needed where the text stops being JSON.
  enum Expected: Sendable {
    case value, endOfFile, key, colon, commaOrBrace, commaOrBracket, closingQuote, quoteBeforeLineEnd, digit
    case shallowerNesting
  }

  /// The first place the text is not JSON, and what was expected there.
  private(set) var syntaxError: (position: Position, expected: Expected)?

  private let bytes: [UInt8]
  private var i = 0
  private var line = 1
  private var lineStart = 0
  /// A place on the current line whose column is known, so that finding the next
  /// position counts only the characters since: linear even on a one-line file.
  private var mark = (index: 0, column: 1)
  private var depth = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      i = 3
      lineStart = 3
      mark = (3, 1)
    }
    do throws(Failure) {
      try value(path: "")
      skipSpace()
      if i < bytes.count { throw fail(.endOfFile) }
    } catch {
      syntaxError = (error.position, error.expected)
    }
  }

  private struct Failure: Error {
    var position: Position
    var expected: Expected
  }

  /// The column counts characters, not bytes: `Tỉnh` is four columns.
  private mutating func position() -> Position {
    let end = min(i, bytes.count)
    if mark.index > end { mark = (lineStart, 1) }
    mark.column += bytes[mark.index..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    mark.index = end
    return Position(line: line, column: mark.column)
  }

  private mutating func fail(_ expected: Expected) -> Failure { Failure(position: position(), expected: expected) }

  private mutating func skipSpace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x0A:
        line += 1
        lineStart = i + 1
        mark = (i + 1, 1)
      case 0x20, 0x09, 0x0D: break
      default: return
      }
      i += 1
    }
  }

  private mutating func value(path: String) throws(Failure) {
    skipSpace()
    values[path] = position()
    guard i < bytes.count else { throw fail(.value) }
    switch bytes[i] {
    case UInt8(ascii: "{"): try object(path: path)
    case UInt8(ascii: "["): try array(path: path)
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: try number()
    }
  }

  private mutating func nest(_ body: (inout JSONLayout) throws(Failure) -> Void) throws(Failure) {
    // Deeper than any definition needs; bounds the recursion on a hostile file.
    guard depth < 64 else { throw fail(.shallowerNesting) }
    depth += 1
    defer { depth -= 1 }
    try body(&self)
  }

  private mutating func object(path: String) throws(Failure) {
    try nest { (me) throws(Failure) in
      me.i += 1
      me.keys[path] = []
      me.skipSpace()
      if me.i < me.bytes.count, me.bytes[me.i] == UInt8(ascii: "}") {
        me.i += 1
        return
      }
      while true {
        me.skipSpace()
        let at = me.position()
        guard me.i < me.bytes.count, me.bytes[me.i] == UInt8(ascii: "\"") else { throw me.fail(.key) }
        let name = try me.string()
        me.keys[path, default: []].append(Key(name: name, position: at))
        me.skipSpace()
        guard me.i < me.bytes.count, me.bytes[me.i] == UInt8(ascii: ":") else { throw me.fail(.colon) }
        me.i += 1
        try me.value(path: path.isEmpty ? name : path + "." + name)
        me.skipSpace()
        guard me.i < me.bytes.count else { throw me.fail(.commaOrBrace) }
        if me.bytes[me.i] == UInt8(ascii: "}") {
          me.i += 1
          return
        }
        guard me.bytes[me.i] == UInt8(ascii: ",") else { throw me.fail(.commaOrBrace) }
        me.i += 1
      }
    }
  }

  private mutating func array(path: String) throws(Failure) {
    try nest { (me) throws(Failure) in
      me.i += 1
      me.skipSpace()
      if me.i < me.bytes.count, me.bytes[me.i] == UInt8(ascii: "]") {
        me.i += 1
        return
      }
      var index = 0
      while true {
        try me.value(path: "\(path)[\(index)]")
        index += 1
        me.skipSpace()
        guard me.i < me.bytes.count else { throw me.fail(.commaOrBracket) }
        if me.bytes[me.i] == UInt8(ascii: "]") {
          me.i += 1
          return
        }
        guard me.bytes[me.i] == UInt8(ascii: ",") else { throw me.fail(.commaOrBracket) }
        me.i += 1
      }
    }
  }

  /// A string's text (escapes kept as written: only keys' names are needed, and they
  /// have none in a definition).
  private mutating func string() throws(Failure) -> String {
    i += 1
    let start = i
    while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
      if bytes[i] < 0x20 { throw fail(.quoteBeforeLineEnd) }
      if bytes[i] == UInt8(ascii: "\\") { i += 1 }
      i += 1
    }
    guard i < bytes.count else { throw fail(.closingQuote) }
    i += 1
    return String(decoding: bytes[start..<(i - 1)], as: UTF8.self)
  }

  private mutating func literal(_ word: StaticString) throws(Failure) {
    let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard bytes.count - i >= text.count, bytes[i..<(i + text.count)].elementsEqual(text) else {
      throw fail(.value)
    }
    i += text.count
  }

  private mutating func number() throws(Failure) {
    let start = i
    if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
    func digits(_ me: inout JSONLayout) -> Int {
      let from = me.i
      while me.i < me.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(me.bytes[me.i]) { me.i += 1 }
      return me.i - from
    }
    guard digits(&self) > 0 else {
      i = start
      throw fail(.value)
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      guard digits(&self) > 0 else { throw fail(.digit) }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard digits(&self) > 0 else { throw fail(.digit) }
    }
  }
}
