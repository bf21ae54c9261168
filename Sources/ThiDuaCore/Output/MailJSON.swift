public import SheetIO

/// The e-mail a file came attached to, as report.json and `thidua inspect --json` give it.
public struct MailJSON: Encodable, Equatable, Sendable {
  public var from: String?
  public var subject: String?
  /// `YYYY-MM-DDTHH:MM:SS` on the sender's clock.
  public var sent: String?

  public init(_ envelope: MailEnvelope) {
    from = envelope.from
    subject = envelope.subject
    sent = envelope.sent?.isoText
  }
}
