import Foundation
import SheetIO

/// One file for a worker to read and check: a JSON line on its standard input.
struct WorkRequest: Codable {
  var path: String
  var name: String
  /// Where to write the rows of the file's household lists (`ListRows`); nil: in the answer.
  var rows: String? = nil
}

/// What a worker sends back for a file, one JSON line on standard output: its report,
/// or why there is none.
struct WorkResponse: Codable {
  var report: FileReport?
  var failure: String?
}

/// The JSON coding of the lines between the supervisor and its workers. No strategy for
/// NaN or infinity: reports hold none (they become findings), and one that did would be
/// a `failure`, not a text cell `NaN` read back as a number.
enum WorkLines {
  static func encoder() -> JSONEncoder { JSONEncoder() }
  static func decoder() -> JSONDecoder { JSONDecoder() }
}

/// The loop of a worker process (`thidua worker`): reads requests line by line until its
/// input ends, and answers each with the file's report.
public enum Worker {
  public static func run(movement: MovementDefinition) {
    let validator = SubmissionValidator(movement: movement)
    let faults = Faults(ProcessInfo.processInfo.environment[Faults.variable])
    let decoder = WorkLines.decoder()
    let encoder = WorkLines.encoder()
    while let line = readLine(strippingNewline: true) {
      guard let request = try? decoder.decode(WorkRequest.self, from: Data(line.utf8)) else { continue }
      faults.apply(to: request.name)
      var report = validator.validate(path: request.path, name: request.name)
      if let prefix = request.rows { ListRows.moveOut(&report, movement: movement, prefix: prefix) }
      var data =
        (try? encoder.encode(WorkResponse(report: report)))
        ?? (try? encoder.encode(WorkResponse(failure: "encode"))) ?? Data()
      data.append(0x0A)
      FileHandle.standardOutput.write(data)
    }
  }

  /// Faults a test can ask a worker for, by file name, to prove the supervisor: the
  /// environment variable `THIDUA_WORKER_FAULTS=trap:a.xlsx,hang:b.xlsx,memory:c.xlsx`.
  /// Nothing else sets it; a worker started without it never fails on purpose.
  struct Faults {
    static let variable = "THIDUA_WORKER_FAULTS"
    var byName: [String: String] = [:]

    init(_ text: String?) {
      for item in (text ?? "").split(separator: ",") {
        let parts = item.split(separator: ":", maxSplits: 1)
        if parts.count == 2 { byName[String(parts[1])] = String(parts[0]) }
      }
    }

    func apply(to name: String) {
      switch byName[name] {
      case "trap": fatalError("fault asked for by \(Self.variable)")
      case "hang": while true { sleep(60) }
      case "memory":
        // Touch every page, so that the resident size grows as a runaway reader's would.
        var hoard: [[UInt8]] = []
        while hoard.count >= 0 { hoard.append([UInt8](repeating: 1, count: 64 << 20)) }
      default: return
      }
    }
  }
}
