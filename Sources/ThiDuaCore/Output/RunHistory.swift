import Crypto
import Foundation
public import SheetIO

/// Which run of the results folder this is: a number, and a fingerprint of what the run
/// read (every file's name and SHA-256, the review kind and year, the movement). The
/// same inputs give the same fingerprint, so a run repeated on an unchanged inbox keeps
/// its number and writes the same bytes; a changed inbox takes the next number.
public struct RunStamp: Sendable, Equatable {
  public var run: Int
  public var fingerprint: String

  public static func fingerprint(_ result: ReviewResult, movement: MovementDefinition) -> String {
    var text = "\(movement.code)\n\(result.kind.rawValue)\n\(result.year)\n"
    for f in result.files.sorted(by: { $0.file.name < $1.file.name }) { text += "\(f.file.name)\t\(f.file.sha256)\n" }
    return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
  }

  /// The next stamp after `previous`: the same when nothing read has changed.
  public static func next(after previous: PreviousRun?, fingerprint: String) -> RunStamp {
    guard let previous else { return RunStamp(run: 1, fingerprint: fingerprint) }
    return RunStamp(
      run: previous.fingerprint == fingerprint ? previous.run : previous.run + 1, fingerprint: fingerprint)
  }

  /// The line in the corner of every printed page: `Lần chạy 2 · mã 3f9a1c2b`.
  func pageHeader(_ words: Words) -> String {
    "&R&8" + words("Lần chạy \(run) · mã \(fingerprint.prefix(8))", "Run \(run) · \(fingerprint.prefix(8))")
  }
}

/// What the run before left in the folder, read back from its report.json.
public struct PreviousRun: Sendable {
  let report: ReportFile
  /// The report itself, kept beside the new one.
  let text: Data

  public var run: Int { report.run?.number ?? 1 }
  public var fingerprint: String { report.run?.fingerprint ?? "" }
  /// Paths relative to the folder of every file that run wrote.
  public var outputs: [String] { report.outputs ?? [] }

  /// Nil when the folder holds no report.json thidua can read.
  public static func load(from folder: String) -> PreviousRun? {
    ReportFile.read((folder as NSString).appendingPathComponent("report.json")).map {
      PreviousRun(report: $0.report, text: $0.data)
    }
  }
}

/// What changed since the run before (docs/review.md, *Re-runs*).
public struct RunChanges: Sendable, Encodable {
  public struct Change: Sendable, Encodable, Equatable {
    public var code: String
    public var name: String
    public var before: String
    public var after: String
  }

  public var previousRun: Int
  public var filesAdded: [String] = []
  public var filesRemoved: [String] = []
  public var filesReplaced: [String] = []
  public var ranks: [Change] = []
  public var scores: [Change] = []
  public var proposals: [Change] = []
  /// Feedback workbooks whose content changed: to send to their units again.
  public var feedbackToResend: [String] = []
  /// Files in the folder that no run of thidua wrote, carried over into the new results.
  public var kept: [String] = []
  /// Files the run before wrote that this one does not.
  public var removed: [String] = []

  init(previous: PreviousRun, result: ReviewResult, digests: [String: (file: String, digest: String)]) {
    previousRun = previous.run
    let before = Dictionary(previous.report.files.map { ($0.name, $0.sha256) }, uniquingKeysWith: { a, _ in a })
    let now = Dictionary(result.files.map { ($0.file.name, $0.file.sha256) }, uniquingKeysWith: { a, _ in a })
    filesAdded = now.keys.filter { before[$0] == nil }.sorted()
    filesRemoved = before.keys.filter { now[$0] == nil }.sorted()
    filesReplaced = now.keys.filter { name in before[name].map { $0 != now[name] } ?? false }.sorted()
    let units = Dictionary(previous.report.units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    let words = Words(language: .vi)
    for u in result.results {
      guard let old = units[u.unit.code] else {
        ranks.append(Change(code: u.unit.code, name: u.unit.name, before: "", after: "\(u.rankInCategory)"))
        continue
      }
      if old.rankInCategory != u.rankInCategory {
        ranks.append(
          Change(code: u.unit.code, name: u.unit.name, before: "\(old.rankInCategory)", after: "\(u.rankInCategory)"))
      }
      if old.score != u.score {
        scores.append(
          Change(code: u.unit.code, name: u.unit.name, before: words.number(old.score), after: words.number(u.score)))
      }
    }
    let current = Set(result.results.map(\.unit.code))
    for old in previous.report.units.sorted(by: { $0.code < $1.code }) where !current.contains(old.code) {
      ranks.append(Change(code: old.code, name: old.name, before: "\(old.rankInCategory)", after: ""))
    }
    // Proposals by unit, subject and name: the form, or "" when not eligible.
    func key(_ unit: String, _ subject: String, _ name: String) -> String { "\(unit)|\(subject)|\(name)" }
    var was: [String: ReportFile.Proposal] = [:]
    for x in previous.report.recommendations where was[key(x.unit, x.subject, x.name)] == nil {
      was[key(x.unit, x.subject, x.name)] = x
    }
    var seen: Set<String> = []
    for x in result.recommendations {
      let k = key(x.unitCode, x.subject.rawValue, x.name)
      seen.insert(k)
      let form = x.eligible ? (x.form ?? "") : ""
      let before = was[k].map { $0.eligible ? ($0.form ?? "") : "" } ?? ""
      if before != form { proposals.append(Change(code: x.unitCode, name: x.name, before: before, after: form)) }
    }
    for (k, x) in was.sorted(by: { $0.key < $1.key }) where !seen.contains(k) && x.eligible {
      proposals.append(Change(code: x.unit, name: x.name, before: x.form ?? "", after: ""))
    }
    let sent = Dictionary(
      previous.report.units.compactMap { u in u.feedback.map { ($0, u.feedbackDigest ?? "") } },
      uniquingKeysWith: { a, _ in a })
    feedbackToResend = digests.values.filter { sent[$0.file] != $0.digest }.map(\.file).sorted()
  }

  /// What the command prints after its summary: the changes, then the files kept and
  /// removed in the results folder.
  public func summary(_ language: Language, run: Int) -> [String] {
    let words = Words(language: language)
    var out = [
      words(
        "Thay đổi so với lần chạy trước (\(previousRun) → \(run)):",
        "Changes since the run before (\(previousRun) → \(run)):")
    ]
    out += lines(words).map { "  – " + $0 }
    if !kept.isEmpty {
      out.append(
        words("Giữ lại tệp không do thidua ghi: ", "Kept, not written by thidua: ") + kept.joined(separator: ", "))
    }
    if !removed.isEmpty {
      out.append(
        words("Đã xoá tệp của lần chạy trước: ", "Removed from the run before: ") + removed.joined(separator: ", "))
    }
    return out
  }

  /// The lines of the summary and of the workbook's *Thay đổi* sheet.
  func lines(_ words: Words) -> [String] {
    var out: [String] = []
    func list(_ vi: String, _ en: String, _ items: [String]) {
      guard !items.isEmpty else { return }
      out.append(words(vi, en) + items.joined(separator: ", "))
    }
    list("Tệp mới: ", "New files: ", filesAdded)
    list("Tệp thay bản khác: ", "Files replaced: ", filesReplaced)
    list("Tệp không còn trong hộp thư: ", "Files gone from the inbox: ", filesRemoved)
    func change(_ c: Change) -> String {
      let before = c.before.isEmpty ? "—" : c.before
      let after = c.after.isEmpty ? "—" : c.after
      return "\(c.name) (\(c.code)): \(before) → \(after)"
    }
    list("Hạng: ", "Ranks: ", ranks.map(change))
    list("Điểm: ", "Scores: ", scores.map(change))
    list("Đề xuất khen thưởng: ", "Award proposals: ", proposals.map(change))
    list("Phản hồi cần gửi lại: ", "Feedback to send again: ", feedbackToResend)
    if out.isEmpty { out.append(words("Không có thay đổi.", "Nothing changed.")) }
    return out
  }
}
