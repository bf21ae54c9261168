import Foundation

/// Tells a saved e-mail from a web page saved as MHTML (also MIME); `FormatSniffer.sniff`
/// calls it on a file's first bytes.
public enum MailSniffer {
  /// Header lines from the first byte (after an mbox `From ` line), with a sender and one
  /// of the fields that only messages have: a recipient, a message id, a trace field. A
  /// browser's MHTML has `From: <Saved by …>` and no recipient.
  static func looksLikeMessage(_ head: [UInt8], truncated: Bool = false) -> Bool {
    if firstLineIsNoField(head) { return false }
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

  /// Whether the first line is no header field (`Name:` with letters, digits and `-`):
  /// the answer for nearly every file, without decoding a long head. False when the
  /// bytes cannot tell so simply (a leading blank or newline, an mbox `From ` line).
  private static func firstLineIsNoField(_ head: [UInt8]) -> Bool {
    guard let first = head.first, ![0x20, 0x09, 0x0A, 0x0D].contains(first), !head.starts(with: "From ".utf8)
    else { return false }
    for (i, byte) in head.enumerated() {
      if byte == UInt8(ascii: ":") { return i == 0 }
      let isNameByte =
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D
      if !isNameByte { return true }
    }
    return false
  }
}
