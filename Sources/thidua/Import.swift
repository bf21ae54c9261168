import ArgumentParser
import Foundation
import SheetIO
import ThiDuaCore
import ThiDuaWorkspace

extension Thidua {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: Interface.text(
        "Đưa các tệp của một hộp thư vào không gian làm việc và ghi lại kết quả thẩm định.",
        "Load an inbox's files into a workspace and record the review of them."),
      discussion: Interface.text(
        """
        Mỗi tệp được giữ nguyên trong DIR/files/ (theo SHA-256) và ghi vào DIR/thidua.sqlite \
        cùng người nhận, lúc nhận; rồi hộp thư được thẩm định như convert-and-validate và kết \
        quả của từng tệp (số phận, đơn vị, năm, biểu, phát hiện), số liệu kèm ô nguồn và \
        report.json được ghi thành một lần chạy. Mã thoát 0 khi xong; 2 khi hộp thư, định \
        nghĩa hoặc không gian làm việc không dùng được. Xem docs/workspace.md.
        """,
        """
        Each file is kept as it came in DIR/files/ (by SHA-256) and recorded in DIR/thidua.sqlite \
        with who received it and when; then the inbox is reviewed as convert-and-validate does \
        and each file's intake (fate, unit, year, forms, findings), the figures with their \
        source cells and report.json are recorded as a run. Exit status 0 when done; 2 for an \
        unusable inbox, definition or workspace. See docs/workspace.md.
        """))

    @Argument(help: Interface.help("Thư mục hộp thư.", "Inbox folder.")) var inbox: String
    @Option(help: Interface.help("Thư mục không gian làm việc.", "Workspace folder.")) var data: String
    @Option(help: Interface.help("Người nhận, ghi vào nhật ký.", "Who received the files, for the audit log."))
    var by: String = NSUserName()
    @Option(help: Interface.help("Năm xét.", "Year to review.")) var year: Int?
    @Option(help: Interface.help("Đợt xét: annual, so-ket hoặc tong-ket.", "Review kind: annual, so-ket or tong-ket."))
    var review: String = "annual"
    @Option(help: Interface.movementOption) var movement: String?
    @Option(
      help: Interface.help(
        "Số tiến trình phụ đọc tệp (mặc định: một cho mỗi lõi); 1: trong tiến trình này.",
        "Worker processes that read the files (default: one per core); 1 reads them in this process."))
    var jobs: Int?
    @OptionGroup var common: CommonOptions

    func validate() throws {
      if let jobs, jobs < 1 {
        throw ValidationError(Interface.text("--jobs phải từ 1 trở lên.", "--jobs must be 1 or more."))
      }
      if ReviewKind(rawValue: review) == nil {
        throw ValidationError(
          Interface.text("Không có đợt xét '\(review)'. Các đợt: ", "Unknown review kind '\(review)'. Known: ")
            + "annual, so-ket, tong-ket.")
      }
    }

    func run() throws {
      let vi = common.lang == .vi
      do {
        try ConvertAndValidate.checkInbox(inbox)
      } catch {
        fail(error.message(common.lang))
        throw ExitCode(error.exitStatus)
      }
      let definition = try loadMovement(movement, language: common.lang)
      var review = Review(movement: definition)
      review.kind = ReviewKind(rawValue: self.review) ?? .annual
      review.year = year
      if jobs == 1 {
        review.threads = 1
      } else {
        review.pool = WorkerPool.commandLine(
          movement: movement, jobs: jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount))
      }
      let summary: WorkspaceImport.Summary
      do {
        let store = try SQLiteWorkspace(folder: data)
        summary = try WorkspaceImport(store: store, review: review, movement: definition)
          .run(inbox: inbox, by: by, at: Date())
      } catch let error as WorkspaceError {
        fail(error.message(common.lang))
        throw ExitCode(2)
      } catch {
        let problem = RunProblem.inbox(path: inbox, reason: .system(RunProblem.posixCode(of: error) ?? EIO))
        fail(problem.message(common.lang))
        throw ExitCode(problem.exitStatus)
      }
      let result = summary.result
      print(
        vi
          ? "Đã nhận \(summary.newFiles + summary.knownFiles) tệp (\(summary.newFiles) mới, \(summary.knownFiles) đã có) vào \(data); lần chạy \(summary.run): năm \(result.year), \(result.files.count) tệp, \(result.findings.count) phát hiện."
          : "Received \(summary.newFiles + summary.knownFiles) files (\(summary.newFiles) new, \(summary.knownFiles) already held) into \(data); run \(summary.run): year \(result.year), \(result.files.count) files, \(result.findings.count) findings."
      )
    }

    private func fail(_ message: String) {
      let label = common.lang == .vi ? "lỗi" : "error"
      FileHandle.standardError.write(Data("thidua: \(label): \(message)\n".utf8))
    }
  }
}
