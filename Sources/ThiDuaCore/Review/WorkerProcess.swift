import Foundation
import Glibc

/// One worker process and its two pipes: requests in, JSON lines out.
final class WorkerProcess {
  /// How a wait for a worker's answer ended.
  enum Outcome {
    case line(Data)
    /// The process ended (a trap, a signal, an exit) before it answered.
    case ended(vi: String, en: String)
    case timedOut(seconds: Double)
    case memoryExceeded(bytes: Int)
  }

  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var buffer: [UInt8] = []
  private var scanned = 0

  init(executable: String, arguments: [String], environment: [String: String]?) throws {
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    // A worker that traps is reported by the signal it died of; Swift's backtracer would
    // first symbolicate it in a process of its own, which under load took minutes and
    // held the worker's pipes open meanwhile.
    var settings = environment ?? ProcessInfo.processInfo.environment
    settings["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = settings
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
  }

  /// Sends one request line; false when the worker is gone.
  func send(_ line: Data) -> Bool {
    var data = line
    data.append(0x0A)
    let fd = input.fileHandleForWriting.fileDescriptor
    return data.withUnsafeBytes { raw in
      var done = 0
      while done < raw.count {
        let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return false }
        done += n
      }
      return true
    }
  }

  /// Waits for the next line, checking every tenth of a second that the worker is
  /// within its time and memory.
  func awaitLine(timeout: Double, memoryLimit: Int) -> Outcome {
    let fd = output.fileHandleForReading.fileDescriptor
    let start = Date()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
        let line = Data(buffer[..<newline])
        buffer.removeSubrange(...newline)
        scanned = 0
        return .line(line)
      }
      scanned = buffer.count
      var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, 100)
      if ready > 0 {
        let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
        if n > 0 {
          buffer.append(contentsOf: chunk[..<n])
          continue
        }
        if n < 0 && errno == EINTR { continue }
        return ended()
      }
      let elapsed = Date().timeIntervalSince(start)
      if elapsed > timeout {
        stop()
        return .timedOut(seconds: elapsed)
      }
      if let resident = residentBytes(), resident > memoryLimit {
        stop()
        return .memoryExceeded(bytes: resident)
      }
      if !process.isRunning { return ended() }
    }
  }

  /// Closes the worker's input, so that it ends when it has answered, and waits for it.
  func finish() {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  /// Kills the worker at once.
  func stop() {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  private func ended() -> Outcome {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    let status = process.terminationStatus
    if process.terminationReason == .uncaughtSignal {
      let name = Self.signalNames[status] ?? "signal \(status)"
      let trap = status == SIGILL || status == SIGTRAP
      return .ended(
        vi: "bộ đọc dừng vì tín hiệu \(name)" + (trap ? " (một lỗi lập trình của thidua)" : ""),
        en: "the reader stopped on \(name)" + (trap ? " (a programming error in thidua)" : ""))
    }
    return .ended(
      vi: "bộ đọc kết thúc với mã \(status) trước khi trả lời",
      en: "the reader exited with status \(status) before answering")
  }

  /// The worker's resident memory, from /proc (Linux); nil elsewhere.
  private func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/statm", encoding: .utf8)
    else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  private static let signalNames: [Int32: String] = [
    SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS",
    SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
  ]
}
