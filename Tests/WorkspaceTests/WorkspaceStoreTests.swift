import Foundation
import TestSupport
import Testing

@testable import ThiDuaCore
@testable import ThiDuaWorkspace

/// The workspace store: its migrations, the received bytes kept as they came, runs
/// recorded and read back equal, and a broken database said plainly.
@Suite struct WorkspaceStoreTests {
  static func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-workspace-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static let when = Date(timeIntervalSince1970: 1_517_443_200)  // 01/02/2018

  @Test func aNewWorkspaceHasEveryTableAndOpensAgain() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try SQLiteWorkspace(folder: folder.path)
    // Opening again applies nothing twice.
    let again = try SQLiteWorkspace(folder: folder.path)
    #expect(try again.runs().isEmpty)
    let (status, text) = try runPython(
      """
      import sqlite3, sys
      db = sqlite3.connect(sys.argv[1])
      print(db.execute("PRAGMA journal_mode").fetchone()[0])
      print(sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")))
      print([r[0] for r in db.execute("SELECT identifier FROM grdb_migrations")])
      """, again.databasePath)
    #expect(status == 0)
    #expect(
      text.split(separator: "\n").map(String.init) == [
        "wal",
        "['audit_log', 'figure', 'finding', 'grdb_migrations', 'intake', 'received_file', 'review_run', 'session', 'stored_bytes', 'user']",
        "['1 received files, runs, intake, figures, audit', '2 users and sessions']",
      ])
  }

  @Test func aFileIsKeptOnceAsItCameAndReceivedAgainIsKnown() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try SQLiteWorkspace(folder: folder.appendingPathComponent("data").path)
    let source = fixturePath("inbox/ghi-chu.txt")
    let first = try store.receive(path: source, name: "ghi-chu.txt", by: "can-bo", at: Self.when)
    #expect(first.isNew)
    #expect(first.size == (try FileManager.default.attributesOfItem(atPath: source)[.size] as? Int))
    let again = try store.receive(path: source, name: "ghi-chu.txt", by: "can-bo", at: Self.when)
    #expect(!again.isNew && again.id == first.id)
    // The same bytes under another name are another receipt of the same bytes.
    let copy = try store.receive(path: source, name: "ban-sao/ghi-chu.txt", by: "can-bo", at: Self.when)
    #expect(copy.isNew && copy.sha256 == first.sha256)
    #expect(try store.bytes(sha256: first.sha256) == [UInt8](FileManager.default.contents(atPath: source)!))
    #expect(try store.receivedFiles().map(\.name) == ["ghi-chu.txt", "ban-sao/ghi-chu.txt"])
    let kept = try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent("data/files").path)
      .filter { !$0.hasSuffix("/") && $0.count > 3 }
    #expect(kept == ["\(first.sha256.prefix(2))/\(first.sha256.dropFirst(2))"])
    #expect(try store.auditLog().map(\.action) == ["receive", "receive"])
  }

  @Test func bytesChangedOnDiskAreRefused() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try SQLiteWorkspace(folder: folder.path)
    let record = try store.receive(path: fixturePath("inbox/ghi-chu.txt"), name: "a.txt", by: "x", at: Self.when)
    let kept = folder.appendingPathComponent("files/\(record.sha256.prefix(2))/\(record.sha256.dropFirst(2))").path
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: kept)
    try Data("altered".utf8).write(to: URL(fileURLWithPath: kept))
    #expect(throws: WorkspaceError.fileChanged(sha256: record.sha256)) { try store.bytes(sha256: record.sha256) }
  }

  @Test func aRunReadsBackAsRecorded() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try SQLiteWorkspace(folder: folder.path)
    let finding = FindingRecord(
      code: "total-mismatch", severity: "error", sheet: "Biểu 01", cell: "C10", values: ["field": "tong_so_ho"],
      message: "Dòng tổng cộng …", messageEn: "The total row …")
    let intake = IntakeRecord(
      name: "huyen.zip › xa.xlsx", sha256: "b", container: "a", fate: "used", format: "xlsx", unit: "512", year: 2017,
      forms: ["CHI_TIEU"], related: [], findings: [finding])
    let figure = FigureRecord(
      file: "huyen.zip › xa.xlsx", unit: "512", year: 2017, form: "CHI_TIEU", row: 0, field: "tong_so_ho",
      number: 4132, text: nil, sheet: "Biểu 01", cell: "C6")
    let number = try store.record(
      RunRecord(
        movement: "KH-5201-2017", definition: "f", kind: "annual", year: 2017, at: Self.when, by: "can-bo",
        report: "{}", intake: [intake], figures: [figure]))
    #expect(number == 1)
    #expect(try store.intake(ofRun: number) == [intake])
    #expect(try store.figures(ofRun: number) == [figure])
    #expect(
      try store.runs() == [
        RunSummary(
          number: 1, movement: "KH-5201-2017", kind: "annual", year: 2017, at: Self.when, by: "can-bo", files: 1)
      ])
  }

  @Test func aDatabaseThatIsNotOneIsSaidToBeDamaged() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(repeating: 0x41, count: 4096).write(to: folder.appendingPathComponent("thidua.sqlite"))
    #expect(throws: WorkspaceError.corrupt(path: folder.appendingPathComponent("thidua.sqlite").path)) {
      _ = try SQLiteWorkspace(folder: folder.path)
    }
  }

  @Test func aDatabaseOfANewerThiduaIsNotTouched() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try SQLiteWorkspace(folder: folder.path).databasePath
    let (status, _) = try runPython(
      """
      import sqlite3, sys
      db = sqlite3.connect(sys.argv[1])
      db.execute("INSERT INTO grdb_migrations VALUES ('99 from the future')")
      db.commit()
      """, path)
    #expect(status == 0)
    #expect(throws: WorkspaceError.newerVersion(path: path)) { _ = try SQLiteWorkspace(folder: folder.path) }
  }

  @Test func aDatabaseHeldByAnotherProgramIsSaidToBeLocked() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try SQLiteWorkspace(folder: folder.path).databasePath
    // A Python process takes the write lock and keeps it for longer than the store waits.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    holder.arguments = [
      "python3", "-c",
      "import sqlite3, sys, time; db = sqlite3.connect(sys.argv[1], isolation_level=None); db.execute('BEGIN EXCLUSIVE'); print('held', flush=True); time.sleep(30)",
      path,
    ]
    let out = Pipe()
    holder.standardOutput = out
    try holder.run()
    defer { holder.terminate() }
    _ = out.fileHandleForReading.availableData  // "held"
    #expect(throws: WorkspaceError.locked(path: path)) {
      let store = try SQLiteWorkspace(folder: folder.path, busyTimeout: 0.2)
      _ = try store.receive(path: fixturePath("inbox/ghi-chu.txt"), name: "a.txt", by: "x", at: Self.when)
    }
  }
}
