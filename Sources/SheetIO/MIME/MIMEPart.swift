/// One part of a MIME message (RFC 2045–2046): its headers, and its body decoded from
/// its transfer encoding, or its own parts when it is a multipart.
struct MIMEPart {
  /// Header fields unfolded, in order; names as written.
  var headers: [(name: String, value: String)] = []
  var body: [UInt8] = []
  var parts: [MIMEPart] = []

  /// The first field of that name, any case.
  func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// `type/subtype` in lower case (`text/plain` when absent) and the parameters.
  var contentType: (type: String, parameters: [String: String]) {
    let (value, parameters) = MIMEParser.valueAndParameters(header("Content-Type") ?? "text/plain")
    return (value.lowercased(), parameters)
  }

  /// Every part that is no multipart, depth first.
  var leaves: [MIMEPart] { parts.isEmpty ? [self] : parts.flatMap(\.leaves) }
}

/// Parses MIME messages: header fields, multipart bodies (nested within a depth limit),
/// base64 and quoted-printable bodies. Lenient as mail readers are: a missing closing
/// boundary ends the part at the end of the message.
enum MIMEParser {
  static let maxDepth = 20
  static let maxParts = 10_000

  static func parse(_ bytes: [UInt8]) -> MIMEPart {
    var count = 0
    return parse(bytes[...], depth: 0, count: &count)
  }

  private static func parse(_ bytes: ArraySlice<UInt8>, depth: Int, count: inout Int) -> MIMEPart {
    count += 1
    var part = MIMEPart()
    let (headers, bodyStart) = headerFields(bytes)
    part.headers = headers
    let body = bytes[bodyStart...]
    let (type, parameters) = part.contentType
    if type.hasPrefix("multipart/"), let boundary = parameters["boundary"], !boundary.isEmpty, depth < maxDepth {
      for chunk in split(body, boundary: Array(("--" + boundary).utf8)) where count < maxParts {
        part.parts.append(parse(chunk, depth: depth + 1, count: &count))
      }
      return part
    }
    switch part.header("Content-Transfer-Encoding")?.trimmingSpaces.lowercased() {
    case "base64": part.body = base64(body)
    case "quoted-printable": part.body = quotedPrintable(body)
    default: part.body = Array(body)
    }
    return part
  }

  /// The header fields, unfolded, and where the body begins (after the empty line).
  private static func headerFields(_ bytes: ArraySlice<UInt8>) -> ([(name: String, value: String)], Int) {
    var fields: [(name: String, value: String)] = []
    var i = bytes.startIndex
    while i < bytes.endIndex {
      var end = i
      while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
      var line = bytes[i..<end]
      if line.last == 0x0D { line = line.dropLast() }
      let next = min(end + 1, bytes.endIndex)
      if line.isEmpty { return (fields, next) }
      // Raw 8-bit headers that are not UTF-8 come from Vietnamese Windows mail clients.
      let text = String(validating: line, as: UTF8.self) ?? LegacyDecoder.decode(line, as: .windows1258)
      if line.first == 0x20 || line.first == 0x09, !fields.isEmpty {
        fields[fields.count - 1].value += " " + text.trimmingSpaces
      } else if let colon = text.firstIndex(of: ":") {
        fields.append((String(text[..<colon]).trimmingSpaces, String(text[text.index(after: colon)...]).trimmingSpaces))
      } else {
        // Not a header line: the message has no header block.
        return (fields, i)
      }
      i = next
    }
    return (fields, bytes.endIndex)
  }

  /// The parts between `--boundary` lines, up to `--boundary--`.
  private static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
    var chunks: [ArraySlice<UInt8>] = []
    var start: Int?
    var i = body.startIndex
    while i < body.endIndex {
      var end = i
      while end < body.endIndex, body[end] != 0x0A { end += 1 }
      let line = body[i..<end]
      if line.starts(with: boundary) {
        if let s = start {
          // The line break before the boundary belongs to it.
          var stop = i
          if stop > s, body[stop - 1] == 0x0A { stop -= 1 }
          if stop > s, body[stop - 1] == 0x0D { stop -= 1 }
          chunks.append(body[s..<stop])
        }
        if line.dropFirst(boundary.count).starts(with: [0x2D, 0x2D]) { return chunks }
        start = min(end + 1, body.endIndex)
      }
      i = min(end + 1, body.endIndex)
    }
    if let s = start, s < body.endIndex { chunks.append(body[s...]) }
    return chunks
  }

  private static let base64Values: [UInt8: UInt8] = {
    var table: [UInt8: UInt8] = [:]
    for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[c] = UInt8(i)
    }
    return table
  }()

  /// Base64 (RFC 2045 §6.8), characters outside the alphabet skipped.
  static func base64(_ text: some Collection<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.count * 3 / 4)
    var buffer: UInt32 = 0
    var bits = 0
    for c in text {
      if c == UInt8(ascii: "=") { break }
      guard let v = base64Values[c] else { continue }
      buffer = buffer << 6 | UInt32(v)
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
      }
    }
    return out
  }

  /// Quoted-printable (RFC 2045 §6.7): `=XX` a byte, `=` at a line's end a soft break.
  static func quotedPrintable(_ text: some Collection<UInt8>) -> [UInt8] {
    let bytes = Array(text)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      let c = bytes[i]
      if c == UInt8(ascii: "=") {
        if i + 1 < bytes.count, bytes[i + 1] == 0x0A {
          i += 2
          continue
        }
        if i + 2 < bytes.count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A {
          i += 3
          continue
        }
        if i + 2 < bytes.count, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
          out.append(h << 4 | l)
          i += 3
          continue
        }
      }
      out.append(c)
      i += 1
    }
    return out
  }

  static func hex(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    default: return nil
    }
  }

  /// `text/html; charset="windows-1258"` → ("text/html", ["charset": "windows-1258"]).
  static func valueAndParameters(_ field: String) -> (String, [String: String]) {
    var pieces: [String] = []
    var current = ""
    var quoted = false
    for c in field {
      if c == "\"" { quoted.toggle() }
      if c == ";" && !quoted {
        pieces.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    pieces.append(current)
    var parameters: [String: String] = [:]
    for piece in pieces.dropFirst() {
      guard let eq = piece.firstIndex(of: "=") else { continue }
      let key = piece[..<eq].trimmingSpaces.lowercased()
      var value = piece[piece.index(after: eq)...].trimmingSpaces
      if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 {
        value = String(value.dropFirst().dropLast())
      }
      parameters[key] = value
    }
    return (pieces[0].trimmingSpaces, parameters)
  }
}
