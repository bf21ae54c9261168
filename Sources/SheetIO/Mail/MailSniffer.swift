import Foundation

/// Tells a saved e-mail from a web page saved as MHTML (also MIME); `FormatSniffer.sniff`
/// calls it on a file's first bytes.
public enum MailSniffer {
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
