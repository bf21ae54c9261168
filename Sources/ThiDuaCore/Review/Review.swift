import Foundation
import SheetIO

/// The review kinds of plan III.3: yearly, the 2018 preliminary and the 2021 final review.
public enum ReviewKind: String, Sendable, CaseIterable {
  case annual
  case soKet = "so-ket"
  case tongKet = "tong-ket"

  /// The year of a movement's sơ kết: 2018 for Plan 5201 (2016–2020), else the middle year.
  public static func midTermYear(_ years: [Int]) -> Int {
    if years.contains(2018) { return 2018 }
    let sorted = years.sorted()
    return sorted.isEmpty ? 2018 : sorted[(sorted.count - 1) / 2]
  }
}

/// Everything one run of `convert-and-validate` found, ready for the outputs.
public struct ReviewResult: Sendable {
  public var kind: ReviewKind
  /// The year reviewed: the report year, or the last year of the period.
  public var year: Int
  /// How the year was chosen, and how many units reported on each year.
  public var yearChoice: YearChoice
  public var period: [Int]
  public var files: [ReceivedFile]
  public var submissions: [Submission]
  public var results: [UnitResult]
  public var recommendations: [Recommendation]
  /// Units the movement expects that sent nothing for the review year (or the period).
  public var missing: [RegistryUnit]
  public var targets: [TargetRow]
  /// Each unit's poverty figures of every year the inbox holds (report.json `figures`),
  /// the history of a later year's outlier checks.
  public var figures: [YearFigures] = []
  /// Seconds since 1970 stamped in the outputs: the latest report date received, so
  /// that two runs on one inbox give identical bytes.
  public var created: Int
  /// Where the workers wrote the household lists' rows, read again for the normalized
  /// CSV; the folder goes with the result.
  public var listRows: ListRowsFolder? = nil

  /// The findings that stand: those of the files used, and of the files that could not
  /// be used (why they could not). A superseded version's were answered by the newer
  /// file, a duplicate repeats its original's, another year belongs to its own review;
  /// their counts stay with each file in *Tệp đã nhận*.
  public var findings: [Finding] { ReceivedFile.standingFindings(files) }

  /// Files that could not be checked because their worker failed (`internal-error`).
  public var lostFiles: [ReceivedFile] {
    files.filter { $0.report.findings.contains { $0.code == "internal-error" } }
  }
}

/// Runs a review over an inbox folder: reads and checks every file (in worker processes
/// or on threads, one per core),
/// groups submissions, scores, ranks, recommends and measures the plan's targets.
public struct Review: Sendable {
  public let movement: MovementDefinition
  public var kind: ReviewKind = .annual
  /// The year to review; nil picks the year most units reported on (annual), 2018 (sơ
  /// kết) or the movement's last year (tổng kết).
  public var year: Int?
  /// Worker processes that read and check the files (`convert-and-validate`); nil:
  /// this process, on `threads` threads.
  public var pool: WorkerPool?
  public var threads = ProcessInfo.processInfo.activeProcessorCount
  /// Earlier years' figures (`--history`: their report.json files) for the outlier checks.
  public var history: [YearFigures] = []

  public init(movement: MovementDefinition) { self.movement = movement }

  public func run(
    inbox: String, progress: (@Sendable (_ done: Int, _ total: Int, _ report: FileReport) -> Void)? = nil
  ) throws -> ReviewResult {
    // The listing keeps the members of the inbox's archives until the review is done.
    let listing = try Inbox.list(in: inbox)
    let files = listing.files
    // Without a folder for them (none can be made), the rows come back in the answers.
    let listRows = pool == nil ? nil : try? ListRowsFolder()
    let reports = withExtendedLifetime(listing) { validate(files, rowsFolder: listRows?.path, progress: progress) }
    let choice = reviewYear(reports)
    let year = choice.year
    let period = periodYears(year)
    var accepted = Set(period)
    if kind == .tongKet, let growth = movement.thresholds?.incomeGrowth2020 { accepted.insert(growth.baseYear) }
    let grouped = SubmissionGrouping.group(Array(zip(files, reports)), years: accepted)
    let submissions = grouped.submissions
    var received = grouped.received
    let keys = AreaKeys(identifier: UnitIdentifier(movement: movement))
    addFindings(&received, CrossYearChecks(movement: movement, keys: keys).findings(submissions))
    let lists = ListSummaryChecks(movement: movement, keys: keys)
    addFindings(&received, lists.findings(submissions) + lists.householdsInTwoCommunes(submissions))
    addFindings(
      &received,
      OutlierChecks(movement: movement, keys: keys).findings(submissions, history: history, years: Set(period)))
    let results = Scoring.results(
      submissions, period: period, movement: movement, findings: ReceivedFile.standingFindings(received))
    let recommender = Recommender(movement: movement, review: kind.rawValue, periodYears: period.count)
    let inPeriod = submissions.filter { period.contains($0.year) }
    var recommendations = recommender.units(results) + recommender.nominees(inPeriod)
    ProposalKeys.assign(&recommendations)
    let sent = Set(inPeriod.map(\.unit.code))
    let expected = movement.registry.units.filter { movement.reportingCategories.contains($0.category) }
    let latest = submissions.compactMap { $0.reportDate?.serial1900 }.max()
    return ReviewResult(
      kind: kind, year: year, yearChoice: choice, period: period, files: received, submissions: submissions,
      results: results,
      recommendations: recommendations, missing: expected.filter { !sent.contains($0.code) },
      targets: PlanTargets(movement: movement).rows(submissions, years: period, finalReview: kind == .tongKet),
      figures: YearFigures.of(submissions, movement: movement, keys: keys),
      created: latest.flatMap { WholeNumber.int(($0.rounded(.down) - 25569) * 86_400) } ?? movement.planDate,
      listRows: listRows)
  }

  /// Findings that need another year's table join the report of the file they point at.
  private func addFindings(_ received: inout [ReceivedFile], _ findings: [Finding]) {
    guard !findings.isEmpty else { return }
    for i in received.indices {
      let mine = findings.filter { $0.location.file == received[i].file.name }
      received[i].report.findings += mine
    }
  }

  private func validate(
    _ all: [InboxFile], rowsFolder: String?, progress: (@Sendable (Int, Int, FileReport) -> Void)?
  ) -> [FileReport] {
    // What could not be taken out of an archive is its finding alone; the rest is read.
    let readable = all.indices.filter { all[$0].problem == nil }
    var reports = all.map { file -> FileReport in
      var report = FileReport(file: file.name)
      report.opened = file.problem?.code == "empty-archive" || file.problem?.code == "empty-mail"
      report.findings = file.problem.map { [$0] } ?? []
      return report
    }
    let read = read(readable.map { all[$0] }, rowsFolder: rowsFolder, progress: progress)
    for (i, report) in zip(readable, read) { reports[i] = report }
    let validator = SubmissionValidator(movement: movement)
    for i in readable where reports[i].reportDate == nil {
      if let sent = all[i].mail?.sent, let late = validator.lateSubmission(reports[i], mailSent: sent) {
        reports[i].findings.append(late)
      }
    }
    return reports
  }

  private func read(
    _ files: [InboxFile], rowsFolder: String?, progress: (@Sendable (Int, Int, FileReport) -> Void)?
  ) -> [FileReport] {
    if var pool {
      pool.rowsFolder = rowsFolder
      return pool.validate(files, progress: progress)
    }
    let validator = SubmissionValidator(movement: movement)
    let collected = ReportCollector(count: files.count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, files.count))) { _ in
      while let i = collected.next() {
        let report = validator.validate(path: files[i].path, name: files[i].name)
        let done = collected.set(i, report)
        progress?(done, files.count, report)
      }
    }
    return collected.reports.map { $0! }
  }

  /// The year to review and why: the one given; for a yearly review the year most units
  /// that sent a report report on (the later one on a tie), since a report is signed
  /// after its year ends; 2018 for the sơ kết; the movement's last year for the tổng kết.
  private func reviewYear(_ reports: [FileReport]) -> YearChoice {
    var units: [Int: Set<String>] = [:]
    for r in reports {
      guard let year = r.year, let unit = r.unit, movement.years.contains(year) else { continue }
      units[year, default: []].insert(unit.code)
    }
    let counts = units.mapValues(\.count)
    if let year { return YearChoice(year: year, basis: .given, unitsByYear: counts) }
    switch kind {
    case .annual:
      let most = counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
      return YearChoice(year: most ?? movement.years.last ?? 2017, basis: .mostReports, unitsByYear: counts)
    case .soKet:
      return YearChoice(
        year: ReviewKind.midTermYear(movement.years), basis: .reviewKind,
        unitsByYear: counts)
    case .tongKet: return YearChoice(year: movement.years.last ?? 2020, basis: .reviewKind, unitsByYear: counts)
    }
  }

  private func periodYears(_ year: Int) -> [Int] {
    kind == .annual ? [year] : movement.years.filter { $0 <= year }
  }
}

/// How a review's year was chosen.
public struct YearChoice: Sendable {
  public enum Basis: String, Sendable {
    /// `--year`.
    case given
    /// The year most units report on (a tie: the later year).
    case mostReports = "most-reports"
    /// The year of the review kind (sơ kết 2018, tổng kết the last year).
    case reviewKind = "review-kind"
  }

  public var year: Int
  public var basis: Basis
  /// Year → the units whose reports are on it.
  public var unitsByYear: [Int: Int]
}
