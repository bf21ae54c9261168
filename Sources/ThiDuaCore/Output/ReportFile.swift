import Foundation

/// The parts of a written report.json that later commands read back: a re-run (what
/// changed since), `thidua decisions` (the run's fingerprint and its proposals). Keys a
/// report of an earlier version lacks are optional.
struct ReportFile: Decodable, Sendable {
  struct Run: Decodable, Sendable {
    var number: Int
    var fingerprint: String
  }
  struct File: Decodable, Sendable {
    var name: String
    var sha256: String
  }
  struct Unit: Decodable, Sendable {
    var code: String
    var name: String
    var rankInCategory: Int
    var score: Double
    var feedback: String?
    var feedbackDigest: String?
  }
  struct Proposal: Decodable, Sendable {
    var key: String?
    var subject: String
    var name: String
    var unit: String
    var category: String
    var kind: String?
    var score: Double?
    var eligible: Bool
    var form: String?
    var reason: String
    var achievement: String?
  }

  var year: Int
  var run: Run?
  var outputs: [String]?
  var files: [File]
  var units: [Unit]
  var recommendations: [Proposal]
  /// Each unit's poverty figures by year, the history of next year's outlier checks.
  var figures: [YearFigures]?

  /// The report and its bytes; nil when there is none or it is no report thidua wrote.
  static func read(_ path: String) -> (report: ReportFile, data: Data)? {
    guard let data = FileManager.default.contents(atPath: path),
      let report = try? JSONDecoder().decode(ReportFile.self, from: data)
    else { return nil }
    return (report, data)
  }
}
