import Foundation
import SheetIO

/// The decisions recorded in the run's report.json: `decisions` (the reconciliation's
/// fingerprint, reviewers, counts by status, forbidden edits, where its files are) and a
/// `decision` on each proposal of `recommendations[]` (its status, and the proposal the
/// final list holds instead when one form per achievement set it aside). Everything
/// else in the report is kept as it was.
public enum ReportDecisions {
  public enum Problem: Error, Sendable { case unreadable(path: String), unwritable(path: String, message: String) }

  /// `files` are the reconciliation's outputs, relative to the results folder.
  public static func record(_ r: Reconciliation, in path: String, files: [String]) throws(Problem) {
    guard let data = FileManager.default.contents(atPath: path),
      var report = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
      let proposals = report["recommendations"] as? [[String: Any]]
    else { throw .unreadable(path: path) }
    let byKey = Dictionary(r.proposals.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    report["recommendations"] = proposals.map { entry -> [String: Any] in
      guard let key = entry["key"] as? String, let p = byKey[key] else { return entry }
      var entry = entry
      var decision: [String: Any] = ["status": p.status.rawValue]
      if let other = p.sameAchievementAs { decision["sameAchievementAs"] = other }
      entry["decision"] = decision
      return entry
    }
    report["decisions"] = [
      "fingerprint": r.fingerprint, "reviewers": r.reviewers,
      "counts": Dictionary(grouping: r.proposals, by: \.status.rawValue).mapValues(\.count),
      "forbiddenEdits": r.forbiddenEdits.count, "files": files,
    ]
    do {
      let text = try JSONSerialization.data(
        withJSONObject: report, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
      let file = try AtomicFile(destination: URL(fileURLWithPath: path))
      try file.write(String(decoding: text, as: UTF8.self) + "\n")
      try file.commit()
    } catch {
      throw .unwritable(path: path, message: "\(error)")
    }
  }
}
