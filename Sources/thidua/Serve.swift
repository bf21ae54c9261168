import ArgumentParser
import Foundation
import SheetIO
import ThiDuaCore
import ThiDuaServer
import ThiDuaWorkspace

extension Thidua {
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: Interface.text(
        "Mở không gian làm việc của Ban Thi đua – Khen thưởng trong trình duyệt.",
        "Serve the Board's workspace to a browser."),
      discussion: Interface.text(
        """
        Chỉ nghe trên 127.0.0.1 nếu không có --host. Lần đầu tạo tài khoản admin và in mật \
        khẩu dùng một lần ra màn hình. Xem docs/serve.md, nhất là trước khi dùng --host 0.0.0.0.
        """,
        """
        Listens on 127.0.0.1 unless --host says otherwise. The first start makes the admin \
        account and prints its one-time password. See docs/serve.md, above all before --host 0.0.0.0.
        """))

    @Option(help: Interface.help("Thư mục không gian làm việc.", "Workspace folder.")) var data: String = "thidua-data"
    @Option(help: Interface.help("Địa chỉ nghe.", "Address to listen on.")) var host: String = "127.0.0.1"
    @Option(help: Interface.help("Cổng.", "Port.")) var port: Int = 8080
    @Option(help: Interface.movementOption) var movement: String?
    @OptionGroup var common: CommonOptions

    func validate() throws {
      guard (1...65_535).contains(port) else {
        throw ValidationError(Interface.text("--port phải từ 1 đến 65535.", "--port must be 1 to 65535."))
      }
    }

    func run() throws {
      let vi = common.lang == .vi
      let definition = try loadMovement(movement, language: common.lang)
      let server: WorkspaceServer
      do {
        // The pages' review reads each file in a worker process, as the command line does.
        var review = Review(movement: definition)
        review.pool = WorkerPool.commandLine(
          movement: movement, jobs: max(1, ProcessInfo.processInfo.activeProcessorCount))
        server = try WorkspaceServer(store: try SQLiteWorkspace(folder: data), movement: definition, review: review)
        if let password = try server.firstAdministrator() {
          print(
            vi
              ? "Tài khoản đầu tiên: admin, mật khẩu dùng một lần: \(password) (chỉ in lần này)."
              : "First account: admin, one-time password: \(password) (printed this once).")
        }
      } catch let error as WorkspaceError {
        FileHandle.standardError.write(Data("thidua: \(vi ? "lỗi" : "error"): \(error.message(common.lang))\n".utf8))
        throw ExitCode(2)
      }
      print(vi ? "Mở http://\(host):\(port)/ trong trình duyệt." : "Open http://\(host):\(port)/ in a browser.")
      // Shown now, not when the server stops: standard output may be a file or a pipe.
      fflush(nil)
      // The server runs on its own event loops; this thread waits for it to stop.
      let outcome = Outcome()
      let done = DispatchSemaphore(value: 0)
      let (host, port) = (host, port)
      Task {
        do { try await server.run(host: host, port: port) } catch { outcome.set("\(error)") }
        done.signal()
      }
      done.wait()
      if let failure = outcome.value {
        FileHandle.standardError.write(Data("thidua: \(vi ? "lỗi" : "error"): \(failure)\n".utf8))
        throw ExitCode(2)
      }
    }
  }
}

/// What the server's task ended with, handed to the waiting thread.
private final class Outcome: @unchecked Sendable {
  private let lock = NSLock()
  private var failure: String?
  func set(_ text: String) { lock.withLock { failure = text } }
  var value: String? { lock.withLock { failure } }
}
