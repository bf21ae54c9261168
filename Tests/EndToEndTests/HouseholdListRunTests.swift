import Foundation
import Testing

@testable import ThiDuaCore

/// Household lists checked in worker processes: the rows go to files of the run's own,
/// never into the workers' answers, and come back only in `csv/DANH_SACH_HO.csv`.
@Suite struct HouseholdListRunTests {
  @Test func theWorkersListRowsReachTheCSVAsInOneProcess() throws {
    let scratch = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let temporary = scratch.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    let inbox = Paths.fixture("households/khop")
    var csv: [String: Data] = [:]
    for jobs in ["1", "2"] {
      let out = scratch.appendingPathComponent("out-\(jobs)")
      let run = try thidua(
        ["convert-and-validate", inbox, "--out", out.path, "--jobs", jobs], environment: ["TMPDIR": temporary.path])
      #expect(run.status == 0, "\(run.stderr)")
      csv[jobs] = FileManager.default.contents(atPath: out.appendingPathComponent("csv/DANH_SACH_HO.csv").path)
    }
    let lines = String(decoding: csv["2"] ?? Data(), as: UTF8.self).split(separator: "\r\n")
    // The header, Trà Mai's 4,132 households and Tam Sơn's 1,214, by unit code.
    #expect(lines.count == 1 + 4132 + 1214)
    #expect(lines.dropFirst().first?.hasPrefix("20944,2017,") == true)
    #expect(lines.last?.hasPrefix("20977,2017,") == true)
    #expect(csv["1"] == csv["2"])
    // The run's folder of list rows is gone with the run.
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
  }

  @Test func aWorkerAnswersWithTheCountsAndLeavesTheRowsInItsFile() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = Paths.fixture("households/khop/20944-ds-ho-2017.xlsx")
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    var pool = WorkerPool(executable: Paths.binary.path, arguments: ["worker"], jobs: 1)
    pool.rowsFolder = folder.path
    let file = InboxFile(name: "20944-ds-ho-2017.xlsx", path: path, size: size, sha256: "", modified: 0)
    let report = try #require(pool.validate([file], progress: nil).first)
    let list = try #require(report.tables.first { $0.form == "DANH_SACH_HO" })
    #expect(list.rows.isEmpty && list.cells.isEmpty)
    #expect(list.dataRows == 4132)
    #expect(list.households?.villages.values.map(\.households).reduce(0, +) == 4132)
    guard let part = list.rowsFile else {
      Issue.record("the worker sent the list's rows back in its answer")
      return
    }
    #expect(part.hasPrefix(folder.path + "/0-"))
    let lines = try String(contentsOfFile: part, encoding: .utf8).split(separator: "\r\n")
    #expect(lines.count == 4132)
    #expect(lines.allSatisfy { $0.hasPrefix("20944,2017,") })
  }
}
