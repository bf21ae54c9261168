import ArgumentParser
import Foundation
import SheetIO
import ThiDuaCore

extension Thidua {
  struct ConvertAndValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "convert-and-validate",
      abstract: Interface.text(
        "Đọc hộp thư báo cáo, kiểm tra, chấm điểm, xếp hạng và ghi sổ tính thẩm định.",
        "Read an inbox of submissions, check, score and rank them, and write the reviewers' workbook."),
      discussion: Interface.text(
        """
        Không có INBOX thì chạy trên hộp thư mẫu fixtures/inbox. Ghi vào --out sổ tính thẩm \
        định, phản hồi cho từng đơn vị (phan-hoi/), CSV chuẩn hóa theo biểu mẫu (csv/) và \
        report.json. Mã thoát 0 khi chạy xong, có phát hiện hay không; --strict: 1 khi có lỗi; \
        2 khi hộp thư, định nghĩa hoặc thư mục kết quả không dùng được; 3 khi không tệp nào \
        có biểu mẫu đọc được; 4 khi năm nằm ngoài phong trào; 5 khi không ghi được kết quả; \
        64 khi tham số sai. Xem docs/cli.md.
        """,
        """
        With no INBOX, runs on the sample inbox fixtures/inbox. Writes the reviewers' workbook, \
        feedback per unit (phan-hoi/), normalized CSV per form (csv/) and report.json into --out. \
        Exit status 0 when the run completed, findings or not; --strict makes error findings \
        exit 1; 2 for an unusable inbox, definition or output folder; 3 when no file holds a \
        readable form; 4 for a year outside the movement; 5 when the results cannot be \
        written; 64 for usage errors. See docs/cli.md.
        """))

    @Argument(
      help: Interface.help(
        "Thư mục chứa các sổ tính và tệp CSV đã nhận (mặc định: fixtures/inbox).",
        "Folder of received workbooks and CSV files (default: fixtures/inbox)."))
    var inbox: String?
    @Option(help: Interface.help("Thư mục kết quả.", "Output folder.")) var out: String = "out"
    @Option(
      help: Interface.help(
        "Năm xét (mặc định: năm mà nhiều đơn vị báo cáo nhất; 2018 cho so-ket; 2020 cho tong-ket).",
        "Year to review (default: the year most units report on; 2018 for so-ket; 2020 for tong-ket)."))
    var year: Int?
    @Option(
      help: Interface.help(
        "Đợt xét: annual (hằng năm), so-ket (sơ kết) hoặc tong-ket (tổng kết).",
        "Review kind: annual, so-ket or tong-ket."
      ))
    var review: String = "annual"
    @Option(help: Interface.movementOption) var movement: String?
    @Option(
      help: Interface.help(
        "Thư mục chứa report.json của các năm trước, để so số liệu với các năm đó (số liệu bất thường).",
        "Folder of earlier years' report.json files, to set the figures against those years (outliers)."))
    var history: String?
    @Option(
      help: Interface.help(
        "Số tiến trình phụ đọc và kiểm tra tệp (mặc định: một cho mỗi lõi). 1: đọc lần lượt trong tiến trình này, để gỡ lỗi.",
        "Worker processes that read and check the files (default: one per core). 1 reads them in this process, one after another, for debugging."
      ))
    var jobs: Int?
    @Option(
      help: Interface.help(
        "Số giây một tiến trình phụ được dùng cho một tệp, cộng 2 giây cho mỗi MiB của tệp (mặc định 20).",
        "Seconds a worker may spend on a file, plus 2 s per MiB of it (default 20)."))
    var fileTimeout: Double = 20
    @Option(
      help: Interface.help(
        "Bộ nhớ một tiến trình phụ được dùng, tính bằng MiB (mặc định 2048).",
        "Memory a worker may use, in MiB (default 2048)."
      ))
    var memoryLimit: Int = 2048
    @Flag(
      help: Interface.help(
        "In report.json ra đầu ra chuẩn thay cho bản tóm tắt.",
        "Print report.json to standard output instead of the summary."))
    var json = false
    @Flag(help: Interface.strictFlag) var strict = false
    @OptionGroup var common: CommonOptions

    static let sampleInbox = "fixtures/inbox"

    func validate() throws {
      if let jobs, jobs < 1 {
        throw ValidationError(Interface.text("--jobs phải từ 1 trở lên.", "--jobs must be 1 or more."))
      }
      if !(1...1_048_576).contains(memoryLimit) {
        throw ValidationError(
          Interface.text("--memory-limit phải từ 1 đến 1048576 MiB.", "--memory-limit must be 1 to 1048576 MiB."))
      }
      if !(fileTimeout > 0) {
        throw ValidationError(
          Interface.text("--file-timeout phải lớn hơn 0 giây.", "--file-timeout must be more than 0 seconds."))
      }
      if ReviewKind(rawValue: review) == nil {
        throw ValidationError(
          Interface.text("Không có đợt xét '\(review)'. Các đợt: ", "Unknown review kind '\(review)'. Known: ")
            + "annual, so-ket, tong-ket.")
      }
    }

    func run() throws {
      do {
        try runReview()
      } catch let problem as RunProblem {
        fail(problem.message(common.lang))
        throw ExitCode(problem.exitStatus)
      }
    }

    private func runReview() throws {
      let vi = common.lang == .vi
      let folder = inbox ?? Self.sampleInbox
      try Self.checkInbox(folder)
      if Self.isInside(out, folder) {
        fail(
          vi
            ? "thư mục kết quả \(out) nằm trong hộp thư \(folder); hãy chọn chỗ khác để hộp thư không bị thay đổi."
            : "the output folder \(out) is inside the inbox \(folder); choose another so the inbox stays unchanged.")
        throw ExitCode(2)
      }
      if let problem = Self.notResults(out) {
        fail(
          vi
            ? "\(out) \(problem.vi); kết quả thay cả thư mục, nên hãy chọn một thư mục mới hoặc thư mục kết quả cũ."
            : "\(out) \(problem.en); the results replace the whole folder, so choose a new folder or an earlier results folder."
        )
        throw ExitCode(2)
      }
      let definition = try loadMovement(movement, language: common.lang)
      if let year, let first = definition.years.min(), let last = definition.years.max(), !(first...last).contains(year)
      {
        throw RunProblem.yearOutsideMovement(year: year, years: first...last)
      }
      // A sơ kết is of the mid-term year, a tổng kết of the last: another year is a review
      // the plan does not hold.
      if let year, let kind = ReviewKind(rawValue: review), kind != .annual, let first = definition.years.min() {
        let expected = kind == .soKet ? ReviewKind.midTermYear(definition.years) : (definition.years.max() ?? year)
        if year != expected {
          throw RunProblem.reviewYear(kind: review, year: year, expected: expected, period: first...expected)
        }
      }
      var review = Review(movement: definition)
      review.kind = ReviewKind(rawValue: self.review) ?? .annual
      review.year = year
      if let history {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: history, isDirectory: &isFolder), isFolder.boolValue else {
          fail(vi ? "không có thư mục --history \(history)." : "no --history folder \(history).")
          throw ExitCode(2)
        }
        review.history = YearFigures.history(folder: history)
      }
      // Workers even on one core, unless `--jobs 1` is asked for: isolation is the point.
      let jobs = self.jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
      if self.jobs == 1 {
        review.threads = 1
      } else {
        var pool = WorkerPool.commandLine(movement: movement, jobs: jobs)
        pool.baseTimeout = fileTimeout
        pool.memoryLimit = memoryLimit << 20
        review.pool = pool
      }
      let showProgress = isatty(STDERR_FILENO) == 1 && !json
      let result: ReviewResult
      do {
        result = try review.run(inbox: folder) { done, total, report in
          guard showProgress else { return }
          let unit = report.unit.map { "\($0.code)" } ?? "?"
          let errors = report.findings.filter { $0.severity == .error }.count
          let line = "\r\u{1B}[K[\(done)/\(total)] \(report.file): \(unit), \(errors) \(vi ? "lỗi" : "errors")"
          FileHandle.standardError.write(Data(line.utf8))
        }
      } catch {
        throw RunProblem.inbox(path: folder, reason: .system(RunProblem.posixCode(of: error) ?? EIO))
      }
      if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      try Self.requireSubmission(result, inbox: folder, language: common.lang)
      var outputs = ReviewOutputs(result: result, movement: definition, language: common.lang)
      // The run before, if --out holds one: what changed, and the files to keep.
      outputs.previous = PreviousRun.load(from: out)
      outputs.stamp = RunStamp.next(
        after: outputs.previous, fingerprint: RunStamp.fingerprint(result, movement: definition))
      outputs.replacing = outputs.previous == nil ? nil : out
      var written: [String] = []
      var changes: RunChanges?
      // Written whole beside --out, then put in its place: a run stopped at any moment
      // leaves the previous results or the new ones (docs/review.md).
      var replacement: FolderReplacement?
      do {
        let staged = try FolderReplacement(destination: out)
        replacement = staged
        let results = try outputs.writeResults(to: staged.staging)
        written = results.written.map { out + $0.dropFirst(staged.staging.count) }
        changes = results.changes
        try staged.commit()
      } catch let error as WriteError {
        replacement?.discard()
        if case .io = error { throw RunProblem.output(path: out, reason: Self.outputReason(out, error)) }
        fail("[\(error.code)] \(error.message(common.lang))")
        throw ExitCode(1)
      } catch {
        replacement?.discard()
        throw RunProblem.output(path: out, reason: Self.outputReason(out, error))
      }
      if json {
        // report.json as written, with the run's stamp and changes.
        let report = (out as NSString).appendingPathComponent("report.json")
        print(String(decoding: FileManager.default.contents(atPath: report) ?? Data(), as: UTF8.self), terminator: "")
      } else {
        print(ReviewSummary(result: result, language: common.lang).text(written: written))
        if !definition.isShipped {
          // An edited definition is said, as report.json records it (`definition`).
          let mark = String(definition.fingerprint.prefix(12))
          print(
            common.lang == .vi
              ? "Định nghĩa phong trào: bản riêng \(definition.folder) (dấu vân tay \(mark)), không phải bản kèm thidua."
              : "Movement definition: \(definition.folder) (fingerprint \(mark)), not the one shipped with thidua.")
        }
        if let changes, let stamp = outputs.stamp {
          print(changes.summary(common.lang, run: stamp.run).joined(separator: "\n"))
        }
      }
      if strict && result.findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// The inbox is a folder this process can list.
    static func checkInbox(_ folder: String) throws(RunProblem) {
      var info = stat()
      guard stat(folder, &info) == 0 else {
        throw .inbox(path: folder, reason: errno == ENOENT ? .missing : .system(errno))
      }
      guard info.st_mode & S_IFMT == S_IFDIR else { throw .inbox(path: folder, reason: .notAFolder) }
      guard let listing = opendir(folder) else { throw .inbox(path: folder, reason: .system(errno)) }
      closedir(listing)
    }

    /// At least one file of the inbox holds a form; otherwise there is nothing to review
    /// and nothing is written.
    static func requireSubmission(_ result: ReviewResult, inbox: String, language: Language) throws(RunProblem) {
      let lost = Set(result.lostFiles.map(\.file.name))
      let submissions = result.files.filter {
        $0.fate != .unreadable && $0.fate != .noForm && !lost.contains($0.file.name)
      }
      guard submissions.isEmpty else { return }
      let files = result.files.map { file in
        let first = file.report.findings.first { $0.severity == .error } ?? file.report.findings.first
        return (name: file.file.name, why: first.map { Messages.text($0, language) } ?? file.fate.rawValue)
      }
      throw .noSubmission(inbox: inbox, files: files)
    }

    /// Why the results folder could not be written: the system's reason, or what is in
    /// the way on the path.
    static func outputReason(_ out: String, _ error: any Error) -> RunProblem.PathReason {
      // A file where the path needs a folder makes the system say "exists": say what it is.
      var path = URL(fileURLWithPath: out).standardizedFileURL
      while path.path != "/" {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) {
          if !isFolder.boolValue && path.path != URL(fileURLWithPath: out).standardizedFileURL.path {
            return .notAFolder
          }
          break
        }
        path.deleteLastPathComponent()
      }
      return RunProblem.posixCode(of: error).map { .system($0) } ?? .system(EIO)
    }

    private func fail(_ message: String) {
      let label = common.lang == .vi ? "lỗi" : "error"
      FileHandle.standardError.write(Data("thidua: \(label): \(message)\n".utf8))
    }

    /// This program, to start as the workers.
    static var executable: String {
      let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
      return FileManager.default.isExecutableFile(atPath: own) ? own : CommandLine.arguments[0]
    }

    /// Why `path` cannot take the results, when it cannot: a file, or a folder that
    /// holds something and no `report.json` (not an earlier run's results).
    static func notResults(_ path: String) -> (vi: String, en: String)? {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
      guard isFolder.boolValue else { return ("là một tệp, không phải thư mục", "is a file, not a folder") }
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      if entries.isEmpty || entries.contains("report.json") { return nil }
      return (
        "đã chứa tệp khác, không phải kết quả của một lần chạy trước", "holds other files, not an earlier run's results"
      )
    }

    /// Whether `path` is `folder` or lies under it, by their absolute, resolved paths.
    static func isInside(_ path: String, _ folder: String) -> Bool {
      let a = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
      let b = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
      return a == b || a.hasPrefix(b.hasSuffix("/") ? b : b + "/")
    }
  }
}
