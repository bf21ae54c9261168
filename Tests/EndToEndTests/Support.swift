import Foundation
import TestSupport
import Testing

/// Runs the built `thidua` and captures what it prints and its exit status.
struct Run {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum Paths {
  static let repo = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static func fixture(_ relative: String) -> String { fixturePath(relative) }

  /// The `thidua` binary beside the test bundle (the same build folder).
  static let binary: URL = {
    var dir = Bundle.main.bundleURL
    for _ in 0..<3 {
      let candidate = dir.appendingPathComponent("thidua")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return repo.appendingPathComponent(".build/debug/thidua")
  }()

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

func thidua(_ arguments: String...) throws -> Run { try thidua(arguments) }

func thidua(_ arguments: [String], environment: [String: String]? = nil) throws -> Run {
  let process = Process()
  process.executableURL = Paths.binary
  process.arguments = arguments
  if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Read both pipes to the end before waiting, so a large output cannot block the child.
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Run(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// The canonical CSV of one sheet, rebuilt from an `.expected.txt` dump independently of
/// thidua's own CSV writer.
func csvFromDump(_ dump: String, sheet: String) -> String {
  var grid: [Int: [Int: String]] = [:]
  var lastRow = 0
  var lastColumn = 0
  var inSheet = false
  for line in dump.split(separator: "\n") {
    if line.hasPrefix("## ") {
      inSheet = line.hasPrefix("## \(sheet) [")
      continue
    }
    guard inSheet else { continue }
    let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
    let address = parts[0]
    let letters = address.prefix { $0.isLetter }
    let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    let row = Int(address.dropFirst(letters.count))!
    let text = String(parts[2]).replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t")
      .replacingOccurrences(of: "\\r", with: "\r").replacingOccurrences(of: "\\\\", with: "\\")
    grid[row, default: [:]][column] = text
    lastRow = max(lastRow, row)
    lastColumn = max(lastColumn, column)
  }
  var csv = ""
  for r in stride(from: 1, through: lastRow, by: 1) {
    let fields = (1...max(lastColumn, 1)).map { c -> String in
      let v = grid[r]?[c] ?? ""
      let needsQuotes = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
      return needsQuotes ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
    }
    csv += fields.joined(separator: ",") + "\n"
  }
  return csv
}
