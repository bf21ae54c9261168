import Foundation
public import SheetIO

/// Writes a review's outputs into one folder (docs/review.md):
///
///     <out>/tham-dinh-<review>-<year>.xlsx   the reviewers' workbook
///     <out>/phan-hoi/<code>-<name>.xlsx      feedback, one per unit that sent something
///     <out>/csv/<FORM>.csv                   normalized data, one per form
///     <out>/report.json                      everything, for machines
///
/// Files thidua wrote earlier in `phan-hoi/` and `csv/` are removed first, so the
/// folder holds one run's results only. Every file is written whole, then renamed.
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

  /// Threads that write the feedback workbooks.
  public var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// The paths written, the reviewers' workbook first.
  public func write(to folder: String) throws -> [String] {
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
    var written: [String] = []
    let main = (folder as NSString).appendingPathComponent(workbookName)
    try ReviewerWorkbook(result: result, movement: movement, words: words).write(to: main)
    written.append(main)
    // One workbook per unit, each on its own: written on every core (a thousand units'
    // feedback was the longest part of a run written one after another).
    let paths = result.results.map {
      (feedback as NSString).appendingPathComponent(Self.feedbackName($0.unit) + ".xlsx")
    }
    let index = FeedbackWorkbook.index(result)
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: min(threads, max(paths.count, 1))) { slot in
      for i in stride(from: slot, to: paths.count, by: threads) {
        do {
          let unit = result.results[i]
          try FeedbackWorkbook(
            result: result, unit: unit, recommendation: index.recommendations[unit.unit.code],
            files: index.files[unit.unit.code] ?? [], owned: index.owned[unit.unit.code] ?? [], movement: movement,
            words: words
          ).write(to: paths[i])
        } catch { failures.add(i, error) }
      }
    }
    if let first = failures.first { throw first }
    written += paths
    let used = result.submissions.filter { result.period.contains($0.year) }
    for form in movement.forms.values.sorted(by: { $0.name < $1.name }) {
      let path = (csv as NSString).appendingPathComponent(form.name + ".csv")
      try Self.save(NormalizedCSV(form: form, submissions: used).text(), to: path)
      written.append(path)
    }
    let json = (folder as NSString).appendingPathComponent("report.json")
    try Self.save(try ReviewJSON(result, movement: movement, language: language).text(), to: json)
    written.append(json)
    return written
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
