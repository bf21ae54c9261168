/// Reads a saved e-mail (`.eml`, RFC 5322 with MIME): the sender, subject and date, and
/// every attachment with its name decoded (RFC 2047 words, RFC 2231 parameters, raw
/// UTF-8 or Windows-1258 bytes). A message attached to it (`message/rfc822`, a forwarded
/// e-mail) is an attachment read in turn, to `maxNesting` deep.
public enum EMLReader {
  static let maxNesting = 5

  public static func read(_ bytes: [UInt8]) -> MailMessage { read(bytes, depth: 0) }

  private static func read(_ bytes: [UInt8], depth: Int) -> MailMessage {
    let root = MIMEParser.parse(withoutMboxLine(bytes))
    let envelope = MailEnvelope(
      from: root.header("From").map(MailHeaderText.decode),
      subject: root.header("Subject").map(MailHeaderText.decode),
      sent: root.header("Date").flatMap(MailDate.parse))
    var attachments: [MailAttachment] = []
    var unnamed = 0
    for part in root.leaves where part.isAttachment {
      let isMessage = part.contentType.type == "message/rfc822"
      let name =
        part.fileName
        ?? {
          unnamed += 1
          return "tệp đính kèm \(unnamed)" + (isMessage ? ".eml" : "")
        }()
      let content: MailAttachment.Content =
        isMessage && depth < maxNesting ? .message(read(part.body, depth: depth + 1)) : .bytes(part.body)
      attachments.append(MailAttachment(name: name, content: content))
    }
    if attachments.isEmpty, let page = tableInText(root) {
      attachments.append(MailAttachment(name: "nội dung thư.html", content: .bytes(page)))
    }
    return MailMessage(envelope: envelope, attachments: attachments)
  }

  /// The HTML text of a message without attachments, when it holds a table: a unit
  /// that pasted its table from Excel into the message. As UTF-8 with a BOM, so that
  /// the HTML reader keeps the charset the message gave.
  private static func tableInText(_ root: MIMEPart) -> [UInt8]? {
    for part in root.leaves where part.contentType.type == "text/html" {
      let lower = String(decoding: part.body.prefix(1 << 20), as: UTF8.self).lowercased()
      guard lower.contains("<table") else { continue }
      let declared = part.contentType.parameters["charset"].flatMap { TextEncoding(name: $0) }
      let utf8 = HTMLEncoding.utf8(part.body, HTMLEncoding.decide(part.body, given: declared))
      return [0xEF, 0xBB, 0xBF] + utf8
    }
    return nil
  }

  /// Thunderbird's and mbox exports begin with a `From sender date` line, no header.
  private static func withoutMboxLine(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.starts(with: Array("From ".utf8)), let end = bytes.firstIndex(of: 0x0A) else { return bytes }
    return Array(bytes[(end + 1)...])
  }
}

extension MIMEPart {
  /// The file name the part is sent under: `Content-Disposition`'s `filename`, else
  /// `Content-Type`'s `name`; nil when it has none.
  var fileName: String? {
    let name =
      header("Content-Disposition").flatMap { MailHeaderText.parameter("filename", in: $0) }
      ?? header("Content-Type").flatMap { MailHeaderText.parameter("name", in: $0) }
    let trimmed = name?.trimmingSpaces
    return trimmed?.isEmpty == false ? trimmed : nil
  }

  /// A part the sender attached, not the message's text: one marked `attachment`, one
  /// with a file name, or one of a type that is no text of the message (a workbook sent
  /// without a name). The pictures of an HTML text (with a `Content-ID`, or without a
  /// name) and signatures are not attachments.
  var isAttachment: Bool {
    let disposition = header("Content-Disposition").map { MIMEParser.valueAndParameters($0).0.lowercased() }
    if disposition == "attachment" { return true }
    let type = contentType.type
    // A picture the HTML text shows (`cid:`) is part of the text; a named picture without
    // a Content-ID is a file sent (Apple Mail marks every attachment `inline`).
    if type.hasPrefix("image/") { return fileName != nil && header("Content-ID") == nil }
    if fileName != nil { return !(disposition == "inline" && type.hasPrefix("text/")) }
    if type == "message/rfc822" { return true }
    return
      !(type.hasPrefix("text/") || type.hasPrefix("image/") || type.hasPrefix("multipart/")
      || type == "message/delivery-status" || type.hasSuffix("/pgp-signature") || type.hasSuffix("/pkcs7-signature"))
  }
}
