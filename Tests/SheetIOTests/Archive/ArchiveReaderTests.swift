import Foundation
import Testing

@testable import SheetIO

/// The archives units pack reports in (fixtures/archives, scripts/fixtures/archives.py)
/// read member by member, with their names decoded and their limits kept.
@Suite struct ArchiveReaderTests {
  static func members(_ relative: String, limits: ArchiveLimits = .standard) throws -> [(String, Int)] {
    let reader = try ArchiveReader(path: Fixtures.path(relative), limits: limits)
    var found: [(String, Int)] = []
    while let member = try reader.next() { found.append((member.name, member.bytes.count)) }
    return found
  }

  static func size(_ inboxFile: String) throws -> Int {
    try FileManager.default.attributesOfItem(atPath: Fixtures.path("inbox/" + inboxFile))[.size] as! Int
  }

  @Test func zipTarAnd7zHoldTheReportsByteForByte() throws {
    #expect(
      try Self.members("archives/ba-xa.zip").map(\.0) == [
        "Báo cáo xã/20944-2017.xlsx", "Báo cáo xã/20977-2017.xlsx", "Báo cáo xã/20998-2017.xlsx",
      ])
    #expect(
      try Self.members("archives/ba-xa.zip").map(\.1)
        == ["20944", "20977", "20998"].map { try Self.size("\($0)-2017.xlsx") })
    #expect(
      try Self.members("archives/hai-xa.tar.gz").map(\.0) == ["bao-cao/21001-2017.xlsx", "bao-cao/20944-2017.xlsx"])
    #expect(try Self.members("archives/mot-xa.7z").map(\.0) == ["Tam Nghia/20977-2017.xlsx"])
    // RAR 5, made by rar 7.01.
    #expect(
      try Self.members("archives/hai-xa.rar").map(\.0) == ["bao-cao/21001-2017.xlsx", "bao-cao/21007-2017.xlsx"])
    #expect(
      try Self.members("archives/hai-xa.rar").map(\.1) == ["21001", "21007"].map { try Self.size("\($0)-2017.xlsx") })
  }

  @Test func rar4ArchivesFromRarRead() throws {
    // libarchive's samples (fixtures/archives/real/README.md): RAR 2.0 from Unix and
    // WinRAR, RAR 4 Unicode names, RAR 2.9 at best compression.
    #expect(
      try Self.members("archives/real/rar4-linux.rar").map { "\($0.0) \($0.1)" } == [
        "test.txt 20", "testdir/test.txt 20",
      ])
    #expect(
      try Self.members("archives/real/rar4-winrar.rar").map { "\($0.0) \($0.1)" } == [
        "testdir/test.txt 16", "test.txt 16", "testshortcut.lnk 441",
      ])
    #expect(
      try Self.members("archives/real/rar4-unicode-names.rar").map { "\($0.0) \($0.1)" } == [
        "表だよ/新しいフォルダ/新規テキスト ドキュメント.txt 0", "表だよ/漢字長いファイル名long-filename-in-漢字.txt 5",
        "abcdefghijklmnopqrsテスト.txt 16",
      ])
    let reader = try ArchiveReader(path: Fixtures.path("archives/real/rar4-best-compression.rar"))
    var best: [String: [UInt8]] = [:]
    while let member = try reader.next() { best[member.name] = member.bytes }
    #expect(
      best.keys.sorted() == ["LibarchiveAddingTest.html", "testdir/LibarchiveAddingTest.html", "testdir/test.txt"])
    #expect(best["LibarchiveAddingTest.html"]?.count == 20111)
    #expect(best["LibarchiveAddingTest.html"] == best["testdir/LibarchiveAddingTest.html"])
    #expect(
      String(decoding: best["LibarchiveAddingTest.html"]!.prefix(15), as: UTF8.self).lowercased().hasPrefix(
        "<!doctype html"))
  }

  @Test func encryptedRar4MembersAndNamesAreTold() throws {
    let reader = try ArchiveReader(path: Fixtures.path("archives/real/rar4-encrypted-members.rar"))
    #expect(try reader.next()?.name == "a.txt")
    #expect(throws: ArchiveProblem.encrypted(member: "b.txt")) { try reader.next() }
    #expect(try reader.next()?.name == "c.txt")
    #expect(throws: ArchiveProblem.encrypted(member: "d.txt")) { try reader.next() }
    #expect(try reader.next() == nil)
    // The list of members itself encrypted (`rar -hp`, 7-Zip's "Encrypt file names").
    for locked in ["archives/real/rar4-encrypted-names.rar", "archives/mat-khau-ca-ten.7z"] {
      let reader = try ArchiveReader(path: Fixtures.path(locked))
      #expect(throws: ArchiveProblem.encrypted(member: ""), "\(locked)") { try reader.next() }
      // Nothing after it: a caller that goes on past an encrypted member does not loop
      // (the `archive` fuzz target did, on the first of these).
      #expect(try reader.next() == nil, "\(locked)")
    }
  }

  @Test func namesFromOldWindowsToolsDecode() throws {
    // No UTF-8 flag: Windows-1258 (Vietnamese Windows), then CP437 (English Windows).
    #expect(
      try Self.members("archives/explorer-cp1258.zip").map(\.0) == ["Báo cáo Tam Kỳ/21007-2017.xlsx", "Résumé.txt"])
  }

  @Test func anEncryptedMemberIsNamedAndTheOthersRead() throws {
    let reader = try ArchiveReader(path: Fixtures.path("archives/mat-khau.zip"))
    #expect(try reader.next()?.name == "mo.xlsx")
    #expect(throws: ArchiveProblem.encrypted(member: "khoa.xlsx")) { try reader.next() }
    #expect(try reader.next() == nil)
  }

  @Test func limitsStopAnArchive() throws {
    var few = ArchiveLimits()
    few.maxEntries = 2
    #expect(throws: ArchiveProblem.tooLarge(what: "entries", limit: 2)) {
      try Self.members("archives/ba-xa.zip", limits: few)
    }
    // 600 MiB of zeros in 600 KiB: the ratio stops it at 32 MiB, before the member limit.
    #expect(throws: ArchiveProblem.tooLarge(what: "compression ratio", limit: 250)) {
      try Self.members("archives/hostile/zip-bomb.zip")
    }
    var small = ArchiveLimits()
    small.maxTotalBytes = 10_000
    #expect(throws: ArchiveProblem.tooLarge(what: "total size", limit: 10_000)) {
      try Self.members("archives/ba-xa.zip", limits: small)
    }
  }

  @Test func aTruncatedArchiveIsDamaged() throws {
    try withTemporaryFolder { folder in
      let bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("archives/ba-xa.zip")))
      let path = folder.appendingPathComponent("cut.zip").path
      FileManager.default.createFile(atPath: path, contents: bytes.prefix(bytes.count / 2))
      var problem: ArchiveProblem?
      do {
        let reader = try ArchiveReader(path: path)
        while try reader.next() != nil {}
      } catch let error as ArchiveProblem {
        problem = error
      }
      var damaged = false
      if case .damaged = problem { damaged = true }
      #expect(damaged, "a cut archive read as \(String(describing: problem))")
    }
  }

  @Test func anEmptyFileIsDamagedAndFreedOnce() throws {
    // Found by the `archive` fuzz target: the handle was freed twice when opening failed.
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent("rong.zip").path
      FileManager.default.createFile(atPath: path, contents: Data())
      var problem: ArchiveProblem?
      do { _ = try ArchiveReader(path: path) } catch let error as ArchiveProblem { problem = error }
      var damaged = false
      if case .damaged = problem { damaged = true }
      #expect(damaged, "\(String(describing: problem))")
    }
  }

  @Test func archivesAreToldFromWorkbooks() {
    for archive in ["ba-xa.zip", "hai-xa.tar.gz", "mot-xa.7z", "mat-khau.zip"] {
      #expect(ArchiveSniffer.isArchive(path: Fixtures.path("archives/" + archive)), "\(archive)")
    }
    for workbook in [
      "sample/bao-cao-mau.xlsx", "producers/ods/cases.ods", "formats/bao-cao-xa.docx", "sample/bao-cao-mau.csv",
    ] {
      #expect(!ArchiveSniffer.isArchive(path: Fixtures.path(workbook)), "\(workbook)")
    }
  }
}
