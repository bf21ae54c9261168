import Foundation
import Glibc
import SheetIO

/// Reads and checks files in worker processes (`thidua worker`), one per job, under
/// this supervisor: a worker that traps, runs past its time or its memory, or hangs is
/// killed and replaced, and the file it held becomes an `internal-error` finding with
/// the file's SHA-256 and what happened. The other files are read as in one process.
public struct WorkerPool: Sendable {
  /// The program to start and its arguments (`[thidua, worker, --movement DIR]`).
  public var executable: String
  public var arguments: [String]
  public var jobs: Int
  /// Seconds a file may take: `baseTimeout` plus `timeoutPerMiB` for each MiB of it.
  public var baseTimeout = 20.0
  public var timeoutPerMiB = 2.0
  /// Resident memory a worker may use, in bytes.
  public var memoryLimit = 2 << 30
  /// The workers' environment; nil: this process's.
  public var environment: [String: String]?
  /// The folder the workers write household lists' rows to (`ListRows`); nil: none.
  var rowsFolder: String?

  public init(executable: String, arguments: [String], jobs: Int) {
    self.executable = executable
    self.arguments = arguments
    self.jobs = max(1, jobs)
  }

  /// The reports of `files`, in their order.
  public func validate(
    _ files: [InboxFile], progress: (@Sendable (Int, Int, FileReport) -> Void)?
  ) -> [FileReport] {
    // A worker that dies while its request is written must not take this process too.
    signal(SIGPIPE, SIG_IGN)
    let state = ReportCollector(count: files.count)
    DispatchQueue.concurrentPerform(iterations: min(jobs, max(files.count, 1))) { _ in
      var slot = WorkerSlot(pool: self, files: files)
      while let (i, report) = slot.next(from: state) {
        let done = state.set(i, report)
        progress?(done, files.count, report)
      }
      slot.finish()
    }
    return state.reports.map { $0! }
  }

  /// Seconds `file` may take.
  func timeLimit(_ file: InboxFile) -> Double { baseTimeout + timeoutPerMiB * Double(file.size) / 1_048_576 }

  /// The report of a file whose worker failed: an `internal-error` finding, nothing read.
  static func lost(_ file: InboxFile, vi: String, en: String) -> FileReport {
    var report = FileReport(file: file.name)
    report.opened = false
    report.findings = [
      Finding(
        code: "internal-error", severity: .error, location: Location(file: file.name),
        values: [
          "sha256": file.sha256,
          "message":
            "Không xét được tệp \(file.name): \(vi). Tệp không được dùng; các tệp khác vẫn được xét. "
            + "Hãy gửi tệp này (SHA-256 \(file.sha256)) cho người bảo trì thidua.",
          "message_en":
            "Could not check \(file.name): \(en). The file is not used; the other files still are. "
            + "Please send this file (SHA-256 \(file.sha256)) to thidua's maintainers.",
        ])
    ]
    return report
  }
}

/// One worker and the files it holds. Two requests are kept in flight, so that the
/// worker starts on the next file while this thread decodes the last one's report; when
/// the worker fails, the file it was on is lost and the one queued behind it is read
/// again by the next worker.
private struct WorkerSlot {
  let pool: WorkerPool
  let files: [InboxFile]
  private var worker: WorkerProcess?
  private var inFlight: [Int] = []
  /// Files that were queued behind a failure: read again before new ones.
  private var retry: [Int] = []
  private let encoder = WorkLines.encoder()
  private let decoder = WorkLines.decoder()

  init(pool: WorkerPool, files: [InboxFile]) {
    self.pool = pool
    self.files = files
  }

  /// The next file's report, or nil when every file is done.
  mutating func next(from state: ReportCollector) -> (Int, FileReport)? {
    while inFlight.count < 2, let i = retry.popLast() ?? state.next() {
      if worker == nil {
        worker = try? WorkerProcess(
          executable: pool.executable, arguments: pool.arguments, environment: pool.environment)
      }
      let request = try? encoder.encode(
        WorkRequest(
          path: files[i].path, name: files[i].name,
          rows: pool.rowsFolder.map { ($0 as NSString).appendingPathComponent(String(i)) }))
      if let worker, let request, worker.send(request) {
        inFlight.append(i)
        continue
      }
      // No worker to take it: blame the file it is on, if any, or this one.
      if inFlight.isEmpty {
        failed()
        return (
          i, WorkerPool.lost(files[i], vi: "không khởi động được bộ đọc", en: "no reader process could be started")
        )
      }
      retry.append(i)
      break
    }
    guard let head = inFlight.first, let running = worker else { return nil }
    inFlight.removeFirst()
    let file = files[head]
    let limit = pool.timeLimit(file)
    switch running.awaitLine(timeout: limit, memoryLimit: pool.memoryLimit) {
    case .line(let line):
      let answer = try? decoder.decode(WorkResponse.self, from: line)
      if let report = answer?.report { return (head, report) }
      if answer?.failure != nil {
        return (
          head,
          WorkerPool.lost(
            file, vi: "báo cáo của tệp không chuyển được thành JSON", en: "the file's report could not be encoded")
        )
      }
      running.stop()
      failed()
      return (head, WorkerPool.lost(file, vi: "câu trả lời của bộ đọc hỏng", en: "the reader's answer was damaged"))
    case .ended(let vi, let en):
      failed()
      return (head, WorkerPool.lost(file, vi: vi, en: en))
    case .timedOut(let seconds):
      failed()
      let allowed = WholeNumber.clamped(limit, to: 0...Int.max)
      let took = String(format: "%.1f", seconds)
      return (
        head,
        WorkerPool.lost(
          file, vi: "đọc quá \(allowed) giây (giới hạn của tệp này), đã dừng sau \(took) giây",
          en: "reading took longer than this file's limit of \(allowed) s; stopped after \(took) s")
      )
    case .memoryExceeded(let bytes):
      failed()
      let limit = pool.memoryLimit >> 20
      return (
        head,
        WorkerPool.lost(
          file, vi: "bộ đọc dùng quá \(limit) MiB bộ nhớ (\(bytes >> 20) MiB)",
          en: "the reader used more than \(limit) MiB of memory (\(bytes >> 20) MiB)")
      )
    }
  }

  /// Ends the worker when it has answered everything.
  func finish() { worker?.finish() }

  /// The worker is gone (or killed): what it still held is read again by the next.
  private mutating func failed() {
    worker?.stop()
    worker = nil
    retry += inFlight.reversed()
    inFlight.removeAll()
  }
}

/// The files handed out and the reports collected, across threads.
final class ReportCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var handed = 0
  private var done = 0
  private(set) var reports: [FileReport?]

  init(count: Int) { reports = Array(repeating: nil, count: count) }

  func next() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard handed < reports.count else { return nil }
    handed += 1
    return handed - 1
  }

  func set(_ i: Int, _ report: FileReport) -> Int {
    lock.lock()
    defer { lock.unlock() }
    reports[i] = report
    done += 1
    return done
  }
}
