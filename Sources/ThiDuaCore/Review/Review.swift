import Foundation
import SheetIO

/// The review kinds of plan III.3: yearly, the 2018 preliminary and the 2021 final review.
public enum ReviewKind: String, Sendable, CaseIterable {
  case annual
  case soKet = "so-ket"
  case tongKet = "tong-ket"
}

/// Everything one run of `convert-and-validate` found, ready for the outputs.
public struct ReviewResult: Sendable {
  public var kind: ReviewKind
  /// The year reviewed: the report year, or the last year of the period.
  public var year: Int
  public var period: [Int]
  public var files: [ReceivedFile]
  public var submissions: [Submission]
  public var results: [UnitResult]
  public var recommendations: [Recommendation]
  /// Units the movement expects that sent nothing for the review year (or the period).
  public var missing: [RegistryUnit]
  public var targets: [TargetRow]
  /// Seconds since 1970 stamped in the outputs: the latest report date received, so
  /// that two runs on one inbox give identical bytes.
  public var created: Int

  /// The findings that stand: those of the files used, and of the files that could not
  /// be used (why they could not). A superseded version's were answered by the newer
  /// file, a duplicate repeats its original's, another year belongs to its own review;
  /// their counts stay with each file in *Tệp đã nhận*.
  public var findings: [Finding] { files.filter(\.findingsStand).flatMap(\.report.findings) }
}

/// Runs a review over an inbox folder: reads and checks every file (two at a time),
/// groups submissions, scores, ranks, recommends and measures the plan's targets.
public struct Review: Sendable {
  public let movement: MovementDefinition
  public var kind: ReviewKind = .annual
  /// The year to review; nil picks the latest year received (annual), 2018 (sơ kết) or
  /// the movement's last year (tổng kết).
  public var year: Int?

  public init(movement: MovementDefinition) { self.movement = movement }

  public func run(
    inbox: String, progress: (@Sendable (_ done: Int, _ total: Int, _ report: FileReport) -> Void)? = nil
  ) throws -> ReviewResult {
    let files = try Inbox.files(in: inbox)
    let reports = validate(files, progress: progress)
    let year = reviewYear(reports)
    let period = periodYears(year)
    var accepted = Set(period)
    if kind == .tongKet { accepted.insert(movement.thresholds.incomeGrowth2020.baseYear) }
    let grouped = SubmissionGrouping.group(Array(zip(files, reports)), years: accepted)
    let submissions = grouped.submissions
    var received = grouped.received
    addCrossYearFindings(&received, submissions)
    let results = Scoring.results(submissions, period: period, movement: movement)
    let recommender = Recommender(movement: movement, review: kind.rawValue, periodYears: period.count)
    let inPeriod = submissions.filter { period.contains($0.year) }
    let recommendations = recommender.units(results) + recommender.nominees(inPeriod)
    let sent = Set(inPeriod.map(\.unit.code))
    let expected = movement.registry.units.filter { movement.reportingCategories.contains($0.category) }
    let latest = submissions.compactMap { $0.reportDate?.serial1900 }.max()
    return ReviewResult(
      kind: kind, year: year, period: period, files: received, submissions: submissions, results: results,
      recommendations: recommendations, missing: expected.filter { !sent.contains($0.code) },
      targets: PlanTargets(movement: movement).rows(submissions, years: period, finalReview: kind == .tongKet),
      created: latest.map { Int(($0.rounded(.down) - 25569) * 86_400) } ?? movement.planDate)
  }

  /// Findings that need last year's table join the report of the file they point at.
  private func addCrossYearFindings(_ received: inout [ReceivedFile], _ submissions: [Submission]) {
    let findings = CrossYearChecks(vocabulary: movement.vocabulary).findings(submissions)
    guard !findings.isEmpty else { return }
    for i in received.indices {
      let mine = findings.filter { $0.location.file == received[i].file.name }
      received[i].report.findings += mine
    }
  }

  private func validate(
    _ files: [InboxFile], progress: (@Sendable (Int, Int, FileReport) -> Void)?
  ) -> [FileReport] {
    let validator = SubmissionValidator(movement: movement)
    let collected = Collected(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      let report = validator.validate(path: files[i].path, name: files[i].name)
      let done = collected.set(i, report)
      progress?(done, files.count, report)
    }
    return collected.reports.map { $0! }
  }

  private func reviewYear(_ reports: [FileReport]) -> Int {
    if let year { return year }
    switch kind {
    case .annual:
      let years = reports.compactMap(\.year).filter { movement.years.contains($0) }
      return years.max() ?? movement.years.last ?? 2017
    case .soKet: return movement.years.contains(2018) ? 2018 : (movement.years.last ?? 2018)
    case .tongKet: return movement.years.last ?? 2020
    }
  }

  private func periodYears(_ year: Int) -> [Int] {
    kind == .annual ? [year] : movement.years.filter { $0 <= year }
  }
}

/// Reports filled in from several threads.
private final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var reports: [FileReport?]
  private var done = 0

  init(count: Int) { reports = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ report: FileReport) -> Int {
    lock.lock()
    defer { lock.unlock() }
    reports[i] = report
    done += 1
    return done
  }
}
