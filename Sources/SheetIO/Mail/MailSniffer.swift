import Foundation

/// A saved e-mail's kind.
public enum MailFormat: String, Sendable {
  /// RFC 5322 text with MIME (`.eml`, Thunderbird, webmail exports, Apple Mail).
  case eml
  /// Outlook's compound file (`.msg`).
  case msg
}

/// Tells a saved e-mail from a workbook and from a web page saved as MHTML (also MIME).
public enum MailSniffer {
  public static func format(path: String) -> MailFormat? {
    guard let head = try? FileByteSource.head(path: path, count: 16 << 10) else { return nil }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      return MSGReader.isMessage(path: path) ? .msg : nil
    }
    return looksLikeMessage(head, truncated: head.count == 16 << 10) ? .eml : nil
  }

  /// Header lines from the first byte (after an mbox `From ` line), with a sender and one
  /// of the fields that only messages have: a recipient, a message id, a trace field. A
  /// browser's MHTML has `From: <Saved by …>` and no recipient.
  static func looksLikeMessage(_ head: [UInt8], truncated: Bool = false) -> Bool {
    var text = String(decoding: head, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    if text.hasPrefix("From "), let end = text.firstIndex(of: "\n") { text = String(text[text.index(after: end)...]) }
    var lines = (text.components(separatedBy: "\n\n").first ?? text).split(separator: "\n")
    // A head cut inside the header block may end inside a line.
    if truncated && !text.contains("\n\n") { lines = lines.dropLast() }
    var names: Set<String> = []
    var from = ""
    for line in lines {
      if line.first == " " || line.first == "\t" { continue }
      guard let colon = line.firstIndex(of: ":"),
        line[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }), colon != line.startIndex
      else { return false }
      let name = line[..<colon].lowercased()
      names.insert(name)
      if name == "from" { from = String(line[line.index(after: colon)...]) }
    }
    let messageOnly: Set<String> = [
      "to", "cc", "message-id", "received", "return-path", "delivered-to", "x-mozilla-status",
    ]
    return names.contains("from") && !from.contains("<Saved by") && !names.isDisjoint(with: messageOnly)
  }
}
