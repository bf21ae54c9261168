public import Foundation

/// Keeps a copy of a written workbook in `THIDUA_WRITTEN_DIR` when it is set, for
/// scripts/crosscheck-writer to open with openpyxl and LibreOffice.
public func keepForCrosscheck(_ path: String) {
  guard let folder = ProcessInfo.processInfo.environment["THIDUA_WRITTEN_DIR"] else { return }
  let name = URL(fileURLWithPath: path).lastPathComponent
  try? FileManager.default.removeItem(atPath: folder + "/" + name)
  try? FileManager.default.copyItem(atPath: path, toPath: folder + "/" + name)
}

/// Runs a Python script with `arguments` (openpyxl is installed by scripts/setup) and
/// returns its exit status and standard output; its errors go to the test's stderr.
public func runPython(_ script: String, _ arguments: String...) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script] + arguments
  process.standardError = FileHandle.standardError
  let out = Pipe()
  process.standardOutput = out
  try process.run()
  let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  return (process.terminationStatus, text.trimmingCharacters(in: .whitespacesAndNewlines))
}

/// The path of a committed fixture: `fixturePath("hostile/expected.tsv")`.
public func fixturePath(_ relative: String) -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("fixtures").appendingPathComponent(relative).path
}

/// The rows of a tab-separated fixture manifest, such as `hostile/expected.tsv`.
public func readTSV(_ relative: String) -> [[String]] {
  let text = (try? String(contentsOfFile: fixturePath(relative), encoding: .utf8)) ?? ""
  return text.split(separator: "\n").map {
    $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
  }
}
