import Foundation
import SheetIO

/// The reviewers' copies put together, proposal by proposal (docs/decisions.md): who
/// said what, what stands agreed, what goes back for more evidence, and every edit a
/// reviewer may not make (reported, never applied).
public struct Reconciliation: Sendable, Encodable {
  public enum Answer: String, Sendable, Encodable { case agree, disagree, needsMore = "needs-more" }
  public enum Status: String, Sendable, Encodable {
    case agreed, rejected, disagreement, needsMore = "needs-more", undecided
  }

  public struct Said: Sendable, Encodable {
    public var reviewer: String
    public var answer: Answer?
    /// As typed, when it is none of the three answers.
    public var typed: String?
    public var note: String?
    public var cell: String
  }

  public struct Edit: Sendable, Encodable {
    public var reviewer: String
    public var key: String
    public var field: String
    public var cell: String
    public var was: String
    public var now: String
  }

  public struct Proposal: Sendable, Encodable {
    public var key: String
    public var name: String
    public var unit: String
    /// `unit` or `nominee`; a unit's category, a nominee's kind; what it achieved.
    public var subject: String
    public var category: String
    public var kind: String?
    public var achievement: String
    public var form: String?
    public var eligible: Bool
    public var status: Status
    public var said: [Said]
    /// Reviewers whose copy no longer has the row.
    public var missingFrom: [String]
    /// The key of the agreed proposal of the same achievement that the final list holds
    /// instead of this one: one award form per achievement, after the decisions too.
    public var sameAchievementAs: String? = nil
  }

  /// The run's fingerprint every copy carried, and the year it reviewed.
  public var fingerprint: String
  public var year: Int
  public var reviewers: [String]
  public var proposals: [Proposal]
  public var forbiddenEdits: [Edit]
  /// Rows of a copy whose key is no proposal of the run.
  public var unknownRows: [String]

  public enum Problem: Error, Sendable {
    case noReport(path: String)
    /// A copy from another run, or one whose marker is gone.
    case otherRun(file: String, found: String?, expected: String)
  }

  /// Reconciles `copies` against the proposals of the results' report.json. Each copy is
  /// one reviewer, named by its file name.
  public static func reconcile(_ copies: [ReviewerCopy], report path: String) throws(Problem) -> Reconciliation {
    guard let report = ReportFile.read(path)?.report, let expected = report.run?.fingerprint else {
      throw .noReport(path: path)
    }
    for copy in copies where copy.fingerprint != expected {
      throw .otherRun(file: copy.file, found: copy.fingerprint, expected: expected)
    }
    let original = report.recommendations.filter { $0.key != nil }
    let reviewers = copies.map { ($0.file as NSString).deletingPathExtension }
    let keys = Set(original.compactMap(\.key))
    var unknown: [String] = []
    for copy in copies {
      for row in copy.rows where !keys.contains(row.key) { unknown.append("\(copy.file): \(row.key)") }
    }
    var proposals: [Proposal] = []
    var edits: [Edit] = []
    for x in original {
      let key = x.key!
      // What the protected columns held when written.
      let was = ["name": x.name, "form": x.form ?? "—", "score": x.score.map(CanonicalCSV.numberText) ?? ""]
      var said: [Said] = []
      var missing: [String] = []
      for (copy, reviewer) in zip(copies, reviewers) {
        // A row a copy holds twice (copied down by hand) counts once: the first.
        guard let row = copy.rows.first(where: { $0.key == key }) else {
          missing.append(reviewer)
          continue
        }
        let answer = Self.answer(row.decision)
        if !row.decision.isEmpty || !row.note.isEmpty {
          said.append(
            Said(
              reviewer: reviewer, answer: answer, typed: answer == nil && !row.decision.isEmpty ? row.decision : nil,
              note: row.note.isEmpty ? nil : row.note, cell: row.decisionCell.description))
        }
        for (field, now) in row.protected.sorted(by: { $0.key < $1.key })
        where Self.differs(was[field] ?? "", now.text, field) {
          edits.append(
            Edit(
              reviewer: reviewer, key: key, field: field, cell: "\(copy.sheet)!\(now.cell)", was: was[field] ?? "",
              now: now.text))
        }
      }
      proposals.append(
        Proposal(
          key: key, name: x.name, unit: x.unit, subject: x.subject, category: x.category, kind: x.kind,
          achievement: x.achievement ?? x.reason, form: x.eligible ? x.form : nil, eligible: x.eligible,
          status: status(said.compactMap(\.answer)), said: said, missingFrom: missing))
    }
    keepOneFormPerAchievement(&proposals)
    return Reconciliation(
      fingerprint: expected, year: report.year, reviewers: reviewers, proposals: proposals, forbiddenEdits: edits,
      unknownRows: unknown)
  }

  /// Of agreed proposals of one achievement — the same unit, or the same nominee (name and
  /// kind, whatever the case and accents) — the final list keeps the first, the higher
  /// form in the review's order; the others name it.
  static func keepOneFormPerAchievement(_ proposals: inout [Proposal]) {
    var first: [String: String] = [:]
    for i in proposals.indices where proposals[i].status == .agreed && proposals[i].form != nil {
      let p = proposals[i]
      let achievement =
        p.subject == "unit" ? "unit|\(p.unit)" : "nominee|\(TextFolding.fold(p.name))|\(TextFolding.fold(p.kind ?? ""))"
      if let key = first[achievement] {
        proposals[i].sameAchievementAs = key
      } else {
        first[achievement] = p.key
      }
    }
  }

  /// One of the three answers in either language, whatever the case and accents.
  static func answer(_ typed: String) -> Answer? {
    switch TextFolding.fold(typed) {
    case "dong y", "agree": return .agree
    case "khong dong y", "disagree": return .disagree
    case "can bo sung", "needs more": return .needsMore
    default: return nil
    }
  }

  /// Any "Cần bổ sung" sends it back; otherwise all who answered agree, all refuse, or
  /// they differ.
  static func status(_ answers: [Answer]) -> Status {
    if answers.contains(.needsMore) { return .needsMore }
    let agree = answers.contains(.agree)
    let disagree = answers.contains(.disagree)
    switch (agree, disagree) {
    case (true, true): return .disagreement
    case (true, false): return .agreed
    case (false, true): return .rejected
    case (false, false): return .undecided
    }
  }

  /// A resave may turn 75 into 75.0 or add a space: only a real change counts.
  static func differs(_ was: String, _ now: String, _ field: String) -> Bool {
    if field == "score", let a = Double(was), let b = Double(now) { return abs(a - b) > 1e-9 }
    return was.trimmingSpaces != now.trimmingSpaces
  }
}
