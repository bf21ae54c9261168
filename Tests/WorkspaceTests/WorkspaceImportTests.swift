import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore
@testable import ThiDuaWorkspace

/// `thidua import`: an inbox's files kept as they came and its review recorded, with the
/// same findings and figures as the command line's, each at its cell.
@Suite struct WorkspaceImportTests {
  static let movement = try! MovementDefinition.shipped()
  static let when = Date(timeIntervalSince1970: 1_517_443_200)

  static func importing(_ inbox: String, into folder: URL) throws -> WorkspaceImport.Summary {
    var review = Review(movement: movement)
    review.threads = 1
    let store = try SQLiteWorkspace(folder: folder.path)
    return try WorkspaceImport(store: store, review: review, movement: movement).run(
      inbox: inbox, by: "can-bo", at: when)
  }

  @Test func theSampleInboxIsKeptAndItsReviewRecorded() throws {
    let folder = try WorkspaceStoreTests.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inbox = fixturePath("inbox")
    let first = try Self.importing(inbox, into: folder)
    let names = try Inbox.files(in: inbox).map(\.name)
    #expect(first.newFiles == names.count && first.knownFiles == 0)
    let store = try SQLiteWorkspace(folder: folder.path)
    // Every file kept byte for byte; the copy of 502 shares its bytes with the original.
    for record in try store.receivedFiles() {
      let original = [UInt8](FileManager.default.contents(atPath: "\(inbox)/\(record.name)")!)
      #expect(try store.bytes(sha256: record.sha256) == original, "\(record.name)")
    }
    #expect(try store.receivedFiles().map(\.name) == names)
    // What the intake made of each file is the review's own.
    let intake = try store.intake(ofRun: first.run)
    #expect(intake.map(\.name) == first.result.files.map(\.file.name))
    #expect(intake.map(\.fate) == first.result.files.map(\.fate.rawValue))
    let hiepDuc = try #require(intake.first { $0.name == "512-bao-cao-thi-dua-2017.xlsx" })
    #expect(hiepDuc.unit == "512" && hiepDuc.year == 2017 && hiepDuc.fate == "used")
    #expect(hiepDuc.findings.map { "\($0.code) \($0.sheet ?? "")!\($0.cell ?? "")" } == ["total-mismatch Biểu 01!C18"])
    #expect(
      hiepDuc.findings.first?.message
        == Messages.text(first.result.files.first { $0.file.name == hiepDuc.name }!.report.findings[0], .vi))
    // Figures with their cells: Hiệp Đức's first area's households, and the total row.
    let figures = try store.figures(ofRun: first.run).filter { $0.unit == "512" && $0.field == "tong_so_ho" }
    #expect(figures.first.map { [$0.form, $0.sheet, $0.cell ?? ""] } == ["CHI_TIEU", "Biểu 01", "C6"])
    #expect(figures.first?.number == 1398)
    #expect(figures.last?.row == -1 && figures.last?.cell == "C18")
    // The run's report.json is the command line's.
    let report =
      try JSONSerialization.jsonObject(with: Data(try Self.report(folder, run: first.run).utf8)) as? [String: Any]
    #expect(report?["schema"] as? String == "thidua-review/2")
    #expect((report?["files"] as? [Any])?.count == first.result.files.count)

    // Loaded again: nothing new kept, a second run recorded.
    let second = try Self.importing(inbox, into: folder)
    #expect(second.newFiles == 0 && second.knownFiles == names.count && second.run == 2)
    #expect(try store.receivedFiles().count == names.count)
    #expect(try store.auditLog().filter { $0.action == "review-run" }.count == 2)
  }

  /// The run's report.json, read with Python's sqlite3: what another program sees.
  static func report(_ folder: URL, run: Int64) throws -> String {
    let (status, text) = try runPython(
      """
      import sqlite3, sys
      db = sqlite3.connect(sys.argv[1])
      sys.stdout.write(db.execute("SELECT report FROM review_run WHERE id = ?", (int(sys.argv[2]),)).fetchone()[0])
      """, folder.appendingPathComponent("thidua.sqlite").path, String(run))
    #expect(status == 0)
    return text
  }

  @Test func anArchivesMembersNameTheFileTheyCameIn() throws {
    let folder = try WorkspaceStoreTests.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inbox = folder.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: fixturePath("archives/ba-xa.zip"), toPath: inbox.appendingPathComponent("ba-xa.zip").path)
    let summary = try Self.importing(inbox.path, into: folder.appendingPathComponent("data"))
    #expect(summary.newFiles == 1)
    let store = try SQLiteWorkspace(folder: folder.appendingPathComponent("data").path)
    let zip = try #require(try store.receivedFiles().first)
    let intake = try store.intake(ofRun: summary.run)
    #expect(intake.count == 3)
    #expect(intake.allSatisfy { $0.name.hasPrefix("ba-xa.zip › ") && $0.container == zip.sha256 })
    #expect(intake.allSatisfy { $0.sha256 != zip.sha256 })
  }
}
