import Foundation
import SheetIO
import Testing

@Suite struct FolderReplacementTests {
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-swap-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func names(_ url: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
  }

  @Test func theNewFolderReplacesThePreviousWholeAndNothingIsLeftBeside() throws {
    let parent = try Self.folder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let out = parent.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out.appendingPathComponent("csv"), withIntermediateDirectories: true)
    try Data("cũ".utf8).write(to: out.appendingPathComponent("report.json"))
    try Data("cũ".utf8).write(to: out.appendingPathComponent("csv/GONE.csv"))
    let replacement = try FolderReplacement(destination: out.path)
    try Data("mới".utf8).write(to: URL(fileURLWithPath: replacement.staging).appendingPathComponent("report.json"))
    // Until the commit, the destination is the previous folder, untouched.
    #expect(try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8) == "cũ")
    try replacement.commit()
    #expect(try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8) == "mới")
    #expect(Self.names(out) == ["report.json"])
    #expect(Self.names(parent) == ["out"])
  }

  @Test func aFirstRunCreatesTheFolder() throws {
    let parent = try Self.folder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let out = parent.appendingPathComponent("a/b/out")
    let replacement = try FolderReplacement(destination: out.path)
    try replacement.commit()
    #expect(Self.names(out.deletingLastPathComponent()) == ["out"])
  }

  @Test func aDiscardedRunLeavesThePreviousResults() throws {
    let parent = try Self.folder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let out = parent.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try Data("cũ".utf8).write(to: out.appendingPathComponent("report.json"))
    let replacement = try FolderReplacement(destination: out.path)
    try Data("nửa".utf8).write(to: URL(fileURLWithPath: replacement.staging).appendingPathComponent("report.json"))
    replacement.discard()
    #expect(try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8) == "cũ")
    #expect(Self.names(parent) == ["out"])
  }

  @Test func theStagingOfAKilledRunIsRemovedByTheNext() throws {
    let parent = try Self.folder()
    defer { try? FileManager.default.removeItem(at: parent) }
    // The pid of a process that has ended stands for a run that was killed.
    let ended = Process()
    ended.executableURL = URL(fileURLWithPath: "/bin/true")
    try ended.run()
    ended.waitUntilExit()
    let abandoned = parent.appendingPathComponent(".out.new-\(ended.processIdentifier)")
    try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
    let alive = parent.appendingPathComponent(".out.new-1")  // pid 1 runs: not ours to remove
    try FileManager.default.createDirectory(at: alive, withIntermediateDirectories: true)
    let replacement = try FolderReplacement(destination: parent.appendingPathComponent("out").path)
    try replacement.commit()
    #expect(Self.names(parent) == [".out.new-1", "out"])
  }
}
