/// The words of mail headers that are not plain ASCII: RFC 2047 encoded words
/// (`=?UTF-8?B?…?=`, `=?windows-1258?Q?…?=`) in subjects, senders and file names, and
/// RFC 2231 parameter values (`filename*=UTF-8''B%C3%A1o.xlsx`, split as `filename*0*=`,
/// `filename*1*=` …), as webmail, Thunderbird and Outlook write them.
enum MailHeaderText {
  /// A header value with its encoded words decoded; the white space between two encoded
  /// words is dropped (RFC 2047 §6.2). Words in a charset thidua does not know stay as
  /// written.
  static func decode(_ value: String) -> String {
    guard value.contains("=?") else { return value }
    var out = ""
    var pendingSpace = ""
    var afterWord = false
    var rest = Substring(value)
    while !rest.isEmpty {
      if rest.hasPrefix("=?"), let (text, length) = encodedWord(rest) {
        if !afterWord { out += pendingSpace }
        pendingSpace = ""
        out += text
        afterWord = true
        rest = rest.dropFirst(length)
        continue
      }
      let c = rest.removeFirst()
      if c == " " || c == "\t" {
        pendingSpace.append(c)
        continue
      }
      out += pendingSpace
      pendingSpace = ""
      out.append(c)
      afterWord = false
    }
    return LegacyDecoder.nfc(out + pendingSpace)
  }

  /// `=?charset?B|Q?text?=` at the start of `text`: the decoded text and the word's
  /// length, or nil when it is no well-formed encoded word.
  private static func encodedWord(_ text: Substring) -> (String, Int)? {
    let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
    guard parts.count == 4, parts[3].hasPrefix("="), parts[1].count == 1 else { return nil }
    // `charset*language` (RFC 2231 §5): the language is not needed.
    let charset = parts[0].split(separator: "*").first.map(String.init) ?? ""
    let payload = Array(parts[2].utf8)
    let bytes: [UInt8]
    switch parts[1].uppercased() {
    case "B": bytes = MIMEParser.base64(payload)
    case "Q": bytes = MIMEParser.quotedPrintable(payload.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 })
    default: return nil
    }
    guard let decoded = string(bytes, charset: charset) else { return nil }
    let length = 2 + parts[0].count + 1 + 1 + 1 + parts[2].count + 2
    return (decoded, length)
  }

  /// Bytes in a named charset; nil for a charset thidua does not know. ASCII and the
  /// ISO Latin sets that mail clients name for plain text read as their supersets.
  static func string(_ bytes: [UInt8], charset: String) -> String? {
    let key = charset.lowercased().filter { $0.isLetter || $0.isNumber }
    let encoding: TextEncoding
    switch key {
    case "usascii", "ascii", "": encoding = .utf8
    case "iso885915": encoding = .windows1252
    default:
      guard let named = TextEncoding(name: charset) else { return nil }
      encoding = named
    }
    if encoding == .utf8 { return String(decoding: bytes, as: UTF8.self) }
    return LegacyDecoder.decode(bytes, as: encoding)
  }

  /// A parameter of a header value, however it is written: plain (`name="x"`, itself
  /// possibly holding encoded words, as Outlook and Gmail write them), extended
  /// (`name*=charset'lang'%XX…`) or continued (`name*0=`, `name*1*=` …).
  static func parameter(_ name: String, in field: String) -> String? {
    let parameters = MIMEParser.valueAndParameters(field).1
    let key = name.lowercased()
    if let extended = parameters[key + "*"] {
      let (charset, bytes) = extendedValue(extended, first: true)
      return text(bytes, charset: charset)
    }
    guard parameters[key + "*0"] != nil || parameters[key + "*0*"] != nil else { return parameters[key].map(decode) }
    var bytes: [UInt8] = []
    var charset = "utf-8"
    for i in 0..<1000 {
      if let piece = parameters["\(key)*\(i)*"] {
        let (named, raw) = extendedValue(piece, first: i == 0)
        if i == 0 { charset = named }
        bytes += raw
      } else if let piece = parameters["\(key)*\(i)"] {
        bytes += Array(piece.utf8)
      } else {
        break
      }
    }
    return text(bytes, charset: charset)
  }

  private static func text(_ bytes: [UInt8], charset: String) -> String {
    LegacyDecoder.nfc(string(bytes, charset: charset) ?? String(decoding: bytes, as: UTF8.self))
  }

  /// `charset'language'percent-encoded` (charset and language in the first piece only):
  /// the charset named and the bytes.
  private static func extendedValue(_ value: String, first: Bool) -> (charset: String, bytes: [UInt8]) {
    var charset = "utf-8"
    var encoded = Substring(value)
    if first {
      let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
      if pieces.count == 3 {
        if !pieces[0].isEmpty { charset = String(pieces[0]) }
        encoded = pieces[2]
      }
    }
    var bytes: [UInt8] = []
    let raw = Array(encoded.utf8)
    var i = 0
    while i < raw.count {
      if raw[i] == UInt8(ascii: "%"), i + 2 < raw.count, let h = MIMEParser.hex(raw[i + 1]),
        let l = MIMEParser.hex(raw[i + 2])
      {
        bytes.append(h << 4 | l)
        i += 3
      } else {
        bytes.append(raw[i])
        i += 1
      }
    }
    return (charset, bytes)
  }
}
