import Foundation
public import SheetIO

/// Writes a review's outputs into one folder (docs/review.md):
///
///     <out>/tham-dinh-<review>-<year>.xlsx   the reviewers' workbook
///     <out>/phan-hoi/<code>-<name>.xlsx      feedback, one per unit that sent something
///     <out>/csv/<FORM>.csv                   normalized data, one per form
///     <out>/report.json                      everything, for machines
///     <out>/report.previous.json             the run before's, when there was one
///
/// Files thidua wrote earlier in `phan-hoi/` and `csv/` are removed first, so the
/// folder holds one run's results only. Every file is written whole, then renamed.
/// Given the folder of the run before (`previous`, `replacing`), the outputs say what
/// changed since, and the files there that no run wrote are carried over.
public struct ReviewOutputs: Sendable {
  public let result: ReviewResult
  public let movement: MovementDefinition
  public let language: Language

  public init(result: ReviewResult, movement: MovementDefinition, language: Language) {
    self.result = result
    self.movement = movement
    self.language = language
  }

  public var workbookName: String {
    let kind = result.kind == .annual ? "nam" : result.kind.rawValue
    return language == .vi
      ? "tham-dinh-\(kind)-\(result.year).xlsx" : "review-\(result.kind.rawValue)-\(result.year).xlsx"
  }

  /// The run before, read from the folder being replaced, and this run's stamp.
  public var previous: PreviousRun?
  public var stamp: RunStamp?
  /// The folder the results will replace, whose files that thidua did not write are
  /// copied into the new results.
  public var replacing: String?

  /// Threads that write the feedback workbooks.
  public var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// The paths written, the reviewers' workbook first.
  public func write(to folder: String) throws -> [String] { try writeResults(to: folder).written }

  /// The paths written, and what changed since the run before (nil on a first run).
  public func writeResults(to folder: String) throws -> (written: [String], changes: RunChanges?) {
    let manager = FileManager.default
    let feedback = (folder as NSString).appendingPathComponent("phan-hoi")
    let csv = (folder as NSString).appendingPathComponent("csv")
    for (sub, ext) in [(feedback, "xlsx"), (csv, "csv")] {
      try manager.createDirectory(atPath: sub, withIntermediateDirectories: true)
      for name in try manager.contentsOfDirectory(atPath: sub) where name.hasSuffix("." + ext) {
        try manager.removeItem(atPath: (sub as NSString).appendingPathComponent(name))
      }
    }
    let words = Words(language: language)
    let index = FeedbackWorkbook.Index(result)
    let books = result.results.map { unit in
      let code = unit.unit.code
      var book = FeedbackWorkbook(
        result: result, unit: unit, recommendation: index.recommendations[code], files: index.files[code] ?? [],
        owned: index.owned[code] ?? [], nominees: index.nominees[code] ?? [],
        submissions: index.submissions[code] ?? [], movement: movement, words: words,
        ranked: (
          index.ranked[unit.unit.category] ?? 0,
          unit.unit.cluster.flatMap { index.ranked[unit.unit.category + "|" + $0] } ?? 0
        ))
      book.stamp = stamp
      return book
    }
    let names = result.results.map { "phan-hoi/" + Self.feedbackName($0.unit) + ".xlsx" }
    var digests: [String: (file: String, digest: String)] = [:]
    for (book, name) in zip(books, names) { digests[book.unit.unit.code] = (name, book.digest) }
    var changes = previous.map { RunChanges(previous: $0, result: result, digests: digests) }

    var written: [String] = []
    let main = (folder as NSString).appendingPathComponent(workbookName)
    var reviewers = ReviewerWorkbook(result: result, movement: movement, words: words)
    reviewers.stamp = stamp
    reviewers.changes = changes
    try reviewers.write(to: main)
    written.append(main)
    // One workbook per unit, each on its own: written on every core (a thousand units'
    // feedback was the longest part of a run written one after another).
    let paths = names.map { (folder as NSString).appendingPathComponent($0) }
    let failures = Failures()
    let threads = self.threads
    DispatchQueue.concurrentPerform(iterations: min(threads, max(paths.count, 1))) { slot in
      for i in stride(from: slot, to: paths.count, by: threads) {
        do { try books[i].write(to: paths[i]) } catch { failures.add(i, error) }
      }
    }
    if let first = failures.first { throw first }
    written += paths
    let used = result.submissions.filter { result.period.contains($0.year) }
    for form in movement.forms.values.sorted(by: { $0.name < $1.name }) {
      let path = (csv as NSString).appendingPathComponent(form.name + ".csv")
      try NormalizedCSV(form: form, submissions: used).write(to: path)
      written.append(path)
    }
    if let previous {
      let path = (folder as NSString).appendingPathComponent("report.previous.json")
      try previous.text.write(to: URL(fileURLWithPath: path))
      written.append(path)
    }
    let json = (folder as NSString).appendingPathComponent("report.json")
    var outputs = (written + [json]).map { String($0.dropFirst(folder.count + 1)) }
    if let replacing, let previous {
      let ours = Set(previous.outputs + outputs)
      // A report.json of a version before the manifest: what that version wrote.
      let legacy = previous.outputs.isEmpty
      let carried = try Self.carryOver(from: replacing, to: folder) { path in
        ours.contains(path) || (legacy && Self.legacyOutput(path))
      }
      changes?.kept = carried
      changes?.removed = previous.outputs.filter { !outputs.contains($0) }.sorted()
    }
    outputs.sort()
    try Self.save(
      try ReviewJSON(
        result, movement: movement, language: language, stamp: stamp, changes: changes, outputs: outputs,
        feedback: digests
      ).text(), to: json)
    written.append(json)
    return (written, changes)
  }

  /// What versions without a manifest wrote: the workbook, feedback and CSV files.
  static func legacyOutput(_ path: String) -> Bool {
    let parts = path.split(separator: "/")
    switch parts.count {
    case 1:
      return (path.hasPrefix("tham-dinh-") || path.hasPrefix("review-")) && path.hasSuffix(".xlsx")
    case 2:
      return (parts[0] == "phan-hoi" && path.hasSuffix(".xlsx")) || (parts[0] == "csv" && path.hasSuffix(".csv"))
    default: return false
    }
  }

  /// Copies into `folder` every file under `old` that is not one of `ours` (the outputs
  /// of the run before and of this one): a note the clerk saved among the results
  /// survives the run. Returns their paths, relative and sorted.
  static func carryOver(from old: String, to folder: String, ours: (String) -> Bool) throws -> [String] {
    let manager = FileManager.default
    var carried: [String] = []
    guard let walk = manager.enumerator(atPath: old) else { return [] }
    while let relative = walk.nextObject() as? String {
      let source = (old as NSString).appendingPathComponent(relative)
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: source, isDirectory: &isFolder), !isFolder.boolValue,
        !ours(relative), relative != "report.json", relative != "report.previous.json"
      else { continue }
      let target = (folder as NSString).appendingPathComponent(relative)
      guard !manager.fileExists(atPath: target) else { continue }
      try manager.createDirectory(
        atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try manager.copyItem(atPath: source, toPath: target)
      carried.append(relative)
    }
    return carried.sorted()
  }

  static func save(_ text: String, to path: String) throws {
    let file = try AtomicFile(destination: URL(fileURLWithPath: path))
    try file.write(text)
    try file.commit()
  }

  /// A unit code as a file name: letters, digits and `-`, anything else `_`.
  static func fileStem(_ code: String) -> String {
    String(code.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
  }

  /// `512-huyen-hiep-duc`: the unit's code, then its name folded to ASCII words joined by
  /// hyphens (at most 60 characters of it), so a clerk can tell the files apart by name.
  static func feedbackName(_ unit: RegistryUnit) -> String {
    let words = TextFolding.fold(unit.name).split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    var slug = ""
    for word in words {
      guard slug.count + word.count < 60 else { break }
      slug += (slug.isEmpty ? "" : "-") + word
    }
    return fileStem(unit.code) + (slug.isEmpty ? "" : "-" + slug)
  }
}

/// The first error (by unit order) of workbooks written on several threads.
private final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var errors: [(Int, any Error)] = []

  func add(_ i: Int, _ error: any Error) {
    lock.lock()
    errors.append((i, error))
    lock.unlock()
  }

  var first: (any Error)? { errors.min { $0.0 < $1.0 }?.1 }
}
