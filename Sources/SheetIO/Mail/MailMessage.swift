/// Who sent a message, when and under what subject: recorded with each attachment, and
/// evidence of when a report arrived when the report itself bears no date.
public struct MailEnvelope: Hashable, Sendable, Codable {
  public var from: String?
  public var subject: String?
  /// When the message was sent, on the clock of the time zone its `Date:` gives; a
  /// `.msg` keeps UTC, shown in Vietnam's time (UTC+7).
  public var sent: ExcelDate?

  public init(from: String? = nil, subject: String? = nil, sent: ExcelDate? = nil) {
    self.from = from
    self.subject = subject
    self.sent = sent
  }
}

/// A saved e-mail (`.eml` or Outlook's `.msg`) and what it carries.
public struct MailMessage: Sendable {
  public var envelope: MailEnvelope
  public var attachments: [MailAttachment]
}

public struct MailAttachment: Sendable {
  public enum Content: Sendable {
    case bytes([UInt8])
    /// A message attached to the message (a forwarded e-mail): read in turn.
    case message(MailMessage)
  }

  /// The attachment's file name as the sender's program gave it, decoded.
  public var name: String
  public var content: Content
}
