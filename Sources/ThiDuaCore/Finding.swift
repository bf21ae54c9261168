public import SheetIO

/// A problem found in a submission: a value in the report, never thrown.
///
/// Codes are stable and kebab-case (Frictionless' vocabulary where one fits); the text
/// comes from the message catalogue, filled from `values`.
public struct Finding: Hashable, Sendable, Codable {
  public enum Severity: String, Hashable, Sendable, Codable { case error, warning, info }

  public let code: String
  public let severity: Severity
  public let location: Location
  /// Named values for the message template: `{cell}`, `{expected}` …
  public let values: [String: String]

  public init(code: String, severity: Severity, location: Location, values: [String: String] = [:]) {
    self.code = code
    self.severity = severity
    self.location = location
    self.values = values
  }

  /// A file that could not be read becomes an error finding with the reader's message
  /// in both languages.
  public init(readError: SheetReadError) {
    self.init(
      code: readError.code, severity: .error, location: readError.location,
      values: ["message": readError.message(.vi), "message_en": readError.message(.en)])
  }
}
