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
  struct Unit: Sendable {
    var code: String
    var name: String
    var rank: Int
    var score: Double
    var feedback: String?
    var feedbackDigest: String?
  }

  public var run: Int
  public var fingerprint: String
  /// Paths relative to the folder of every file that run wrote.
  public var outputs: [String]
  var files: [String: String]
  var units: [String: Unit]
  /// Proposal key (`unit|subject|name`) → form, or "" when not eligible.
  var proposals: [String: String]
  var proposalNames: [String: String]
  /// The report itself, kept beside the new one.
  var text: Data

  /// Nil when the folder holds no report.json thidua can read.
  public static func load(from folder: String) -> PreviousRun? {
    let path = (folder as NSString).appendingPathComponent("report.json")
    guard let data = FileManager.default.contents(atPath: path),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return nil }
    var files: [String: String] = [:]
    for f in json["files"] as? [[String: Any]] ?? [] {
      if let name = f["name"] as? String { files[name] = f["sha256"] as? String ?? "" }
    }
    var units: [String: Unit] = [:]
    for u in json["units"] as? [[String: Any]] ?? [] {
      guard let code = u["code"] as? String else { continue }
      units[code] = Unit(
        code: code, name: u["name"] as? String ?? code, rank: u["rankInCategory"] as? Int ?? 0,
        score: u["score"] as? Double ?? 0, feedback: u["feedback"] as? String,
        feedbackDigest: u["feedbackDigest"] as? String)
    }
    var proposals: [String: String] = [:]
    var names: [String: String] = [:]
    for x in json["recommendations"] as? [[String: Any]] ?? [] {
      let key = "\(x["unit"] as? String ?? "")|\(x["subject"] as? String ?? "")|\(x["name"] as? String ?? "")"
      proposals[key] = (x["eligible"] as? Bool ?? false) ? (x["form"] as? String ?? "") : ""
      names[key] = x["name"] as? String ?? ""
    }
    let run = json["run"] as? [String: Any]
    return PreviousRun(
      run: run?["number"] as? Int ?? 1, fingerprint: run?["fingerprint"] as? String ?? "",
      outputs: json["outputs"] as? [String] ?? [], files: files, units: units, proposals: proposals,
      proposalNames: names, text: data)
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

  public var isEmpty: Bool {
    filesAdded.isEmpty && filesRemoved.isEmpty && filesReplaced.isEmpty && ranks.isEmpty && scores.isEmpty
      && proposals.isEmpty && feedbackToResend.isEmpty
  }

  init(previous: PreviousRun, result: ReviewResult, digests: [String: (file: String, digest: String)]) {
    previousRun = previous.run
    let now = Dictionary(result.files.map { ($0.file.name, $0.file.sha256) }, uniquingKeysWith: { a, _ in a })
    filesAdded = now.keys.filter { previous.files[$0] == nil }.sorted()
    filesRemoved = previous.files.keys.filter { now[$0] == nil }.sorted()
    filesReplaced = now.keys.filter { name in previous.files[name].map { $0 != now[name] } ?? false }.sorted()
    let words = Words(language: .vi)
    for u in result.results {
      guard let old = previous.units[u.unit.code] else {
        ranks.append(Change(code: u.unit.code, name: u.unit.name, before: "", after: "\(u.rankInCategory)"))
        continue
      }
      if old.rank != u.rankInCategory {
        ranks.append(Change(code: u.unit.code, name: u.unit.name, before: "\(old.rank)", after: "\(u.rankInCategory)"))
      }
      if old.score != u.score {
        scores.append(
          Change(code: u.unit.code, name: u.unit.name, before: words.number(old.score), after: words.number(u.score)))
      }
    }
    let current = Set(result.results.map(\.unit.code))
    for old in previous.units.values.sorted(by: { $0.code < $1.code }) where !current.contains(old.code) {
      ranks.append(Change(code: old.code, name: old.name, before: "\(old.rank)", after: ""))
    }
    var seen: Set<String> = []
    for x in result.recommendations {
      let key = "\(x.unitCode)|\(x.subject.rawValue)|\(x.name)"
      seen.insert(key)
      let form = x.eligible ? (x.form ?? "") : ""
      let before = previous.proposals[key] ?? ""
      if before != form { proposals.append(Change(code: x.unitCode, name: x.name, before: before, after: form)) }
    }
    for (key, form) in previous.proposals.sorted(by: { $0.key < $1.key }) where !seen.contains(key) && !form.isEmpty {
      let code = String(key.split(separator: "|").first ?? "")
      proposals.append(Change(code: code, name: previous.proposalNames[key] ?? "", before: form, after: ""))
    }
    feedbackToResend = digests.values.filter { entry in
      !previous.units.values.contains { $0.feedback == entry.file && $0.feedbackDigest == entry.digest }
    }.map(\.file).sorted()
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
