import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore

/// What arrives packed is read like what arrives loose (fixtures/archives, fixtures/mails).
@Suite struct InboxUnpackingTests {
  /// A new inbox folder holding copies of the given fixtures.
  static func inbox(_ fixtures: [String]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-inbox-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for f in fixtures {
      try FileManager.default.copyItem(
        atPath: fixturePath(f), toPath: folder.appendingPathComponent((f as NSString).lastPathComponent).path)
    }
    return folder.path
  }

  @Test func membersAreFilesNamedAfterTheirArchive() throws {
    let folder = try Self.inbox(["archives/ba-xa.zip", "archives/hai-xa.tar.gz", "archives/mot-xa.7z"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let listing = try Inbox.list(in: folder)
    #expect(
      listing.files.map(\.name) == [
        "ba-xa.zip › Báo cáo xã/20944-2017.xlsx", "ba-xa.zip › Báo cáo xã/20977-2017.xlsx",
        "ba-xa.zip › Báo cáo xã/20998-2017.xlsx", "hai-xa.tar.gz › bao-cao/21001-2017.xlsx",
        "hai-xa.tar.gz › bao-cao/20944-2017.xlsx", "mot-xa.7z › Tam Nghia/20977-2017.xlsx",
      ])
    // Each member's own SHA-256: the loose report's.
    let loose = try ["20944", "20977", "20998", "21001", "20944", "20977"].map {
      try Inbox.sha256(path: fixturePath("inbox/\($0)-2017.xlsx"))
    }
    #expect(listing.files.map(\.sha256) == loose)
    #expect(listing.files.allSatisfy { $0.problem == nil && !$0.path.hasPrefix(folder) })
  }

  @Test func whatCannotBeTakenOutIsAFinding() throws {
    let folder = try Self.inbox([
      "archives/mat-khau.zip", "archives/hostile/zip-bomb.zip", "archives/hostile/long-qua-sau.zip",
      "archives/long-nhau.zip",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let files = try Inbox.list(in: folder).files
    let problems = files.compactMap { f in f.problem.map { (f.name, $0.code, $0.values) } }
    #expect(
      problems.map(\.0) == [
        "long-qua-sau.zip › lop-4.zip › lop-3.zip › lop-2.zip", "mat-khau.zip › khoa.xlsx", "zip-bomb.zip",
      ])
    #expect(problems.map(\.1) == ["archive-too-deep", "encrypted-archive", "archive-too-large"])
    #expect(problems[2].2 == ["what": "compression ratio", "what_vi": "tỷ lệ nén", "limit": "250"])
    #expect(
      files.filter { $0.problem == nil }.map(\.name) == [
        "long-nhau.zip › cac-xa/xa.zip › 20998-2017.xlsx", "mat-khau.zip › mo.xlsx",
      ])
  }

  @Test func anInboxThatIsALinkIsItsFolder() throws {
    let folder = try Self.inbox(["archives/ba-xa.zip", "inbox/21001-2017.xlsx"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let link = folder + "-lien-ket"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder)
    defer { try? FileManager.default.removeItem(atPath: link) }
    #expect(try Inbox.list(in: link).files.map(\.name) == (try Inbox.list(in: folder).files.map(\.name)))
    #expect(try Inbox.list(in: link).files.count == 4)
  }

  @Test func anArchiveLockedDownToItsNamesIsOneFinding() throws {
    let folder = try Self.inbox(["archives/mat-khau-ca-ten.7z", "archives/real/rar4-encrypted-names.rar"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let files = try Inbox.list(in: folder).files
    #expect(files.map(\.name) == ["mat-khau-ca-ten.7z", "rar4-encrypted-names.rar"])
    #expect(files.map { $0.problem?.code } == ["encrypted-archive", "encrypted-archive"])
    #expect(files.map { $0.problem?.values } == [["reason": "headers"], ["reason": "headers"]])
    let text = Messages.text(files[0].problem!, .vi)
    #expect(text.contains("cả danh sách tệp bên trong"), "\(text)")
  }

  @Test func aZipCutShortGivesTheMembersBeforeTheCut() throws {
    // Its directory is gone, so libzip refuses it; libarchive reads the members in
    // order, and a workbook cut the same way stays a damaged workbook.
    let folder = try Self.inbox([])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (fixture, name) in [("archives/ba-xa.zip", "cut.zip"), ("sample/bao-cao-mau.xlsx", "cut.xlsx")] {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: fixturePath(fixture)))
      FileManager.default.createFile(atPath: folder + "/" + name, contents: bytes.prefix(bytes.count * 3 / 4))
    }
    let files = try Inbox.list(in: folder).files
    #expect(
      files.map(\.name) == [
        "cut.xlsx", "cut.zip › Báo cáo xã/20944-2017.xlsx", "cut.zip › Báo cáo xã/20977-2017.xlsx", "cut.zip",
      ])
    #expect(files.map { $0.problem?.code } == [nil, nil, nil, "damaged-archive"])
    #expect(files[1].sha256 == (try Inbox.sha256(path: fixturePath("inbox/20944-2017.xlsx"))))
    #expect(Inbox.container(path: folder + "/cut.xlsx") == nil)
    // A workbook cut after its `docProps/` and `xl/theme/` parts, as a download broke off.
    #expect(Inbox.container(path: fixturePath("inbox-2018/20644-QueXuan1-BC-2018.xlsx")) == nil)
  }

  @Test func loopsOfArchivesEndInAFinding() throws {
    // fixtures/archives/real: a zip holding itself, and two zips holding each other.
    let folder = try Self.inbox(["archives/real/zip-quine.zip", "archives/real/zip-loop-ouroboros.zip"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let files = try Inbox.list(in: folder).files
    #expect(files.map(\.name) == ["zip-loop-ouroboros.zip", "zip-quine.zip › zipquine.txt", "zip-quine.zip"])
    #expect(files.map { $0.problem?.code } == [nil, nil, "damaged-archive"])
    #expect(files[1].size == 963)
    // Neither libzip nor libarchive reads the loop's directories: the workbook reader names it.
    var code: String?
    do { _ = try Workbooks.open(path: files[0].path) } catch { code = error.code }
    #expect(code == "damaged-zip")
  }

  @Test func aHundredThousandEntriesAreOneFindingAndNoFileLeft() throws {
    let folder = try Self.inbox([])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let made = try runPython(
      """
      import sys, zipfile
      with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_STORED) as z:
          for i in range(100_000):
              z.writestr(f"xa-{i:06}.csv", "ma_xa,nam\\n20944,2017\\n")
      """, folder + "/tram-nghin.zip")
    #expect(made.status == 0)
    let listing = try Inbox.list(in: folder)
    #expect(listing.files.map(\.name) == ["tram-nghin.zip"])
    #expect(listing.files[0].problem?.code == "archive-too-large")
    #expect(listing.files[0].problem?.values["what"] == "entries")
    #expect(listing.files[0].problem?.values["limit"] == "10000")
    // Held in memory until the archive was read, its members were never written: the
    // private folder was not even made.
    #expect(listing.unpacked == nil)
  }

  @Test func aMemberNamedOutsideLandsInThePrivateFolder() throws {
    let folder = try Self.inbox(["archives/hostile/zip-slip.zip"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var stored = ""
    do {
      let listing = try Inbox.list(in: folder)
      #expect(listing.files.map(\.name) == ["zip-slip.zip › ../../thoat-ra.xlsx"])
      stored = listing.files[0].path
      #expect(FileManager.default.fileExists(atPath: stored))
      #expect(!stored.contains(".."))
    }
    // Nothing beside the inbox or the private folder, and the folder goes with the listing.
    let parent = (folder as NSString).deletingLastPathComponent
    #expect(!FileManager.default.fileExists(atPath: (parent as NSString).appendingPathComponent("thoat-ra.xlsx")))
    #expect(!FileManager.default.fileExists(atPath: stored))
  }

  @Test func aPackedInboxReviewsAsTheLooseOne() throws {
    // The sample inbox with three communes' reports only inside a zip, and a fourth
    // both loose and packed.
    let folder = try Self.inbox([])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let packed: Set = ["20944-2017.xlsx", "20977-2017.xlsx", "20998-2017.xlsx"]
    for name in try FileManager.default.contentsOfDirectory(atPath: fixturePath("inbox")) where !packed.contains(name) {
      try FileManager.default.copyItem(atPath: fixturePath("inbox/" + name), toPath: folder + "/" + name)
    }
    try FileManager.default.copyItem(atPath: fixturePath("archives/ba-xa.zip"), toPath: folder + "/ba-xa.zip")
    try FileManager.default.copyItem(atPath: fixturePath("archives/hai-xa.tar.gz"), toPath: folder + "/hai-xa.tar.gz")
    let movement = try MovementDefinition.shipped()
    let loose = try Review(movement: movement).run(inbox: fixturePath("inbox"))
    let review = try Review(movement: movement).run(inbox: folder)
    #expect(review.missing.map(\.code) == loose.missing.map(\.code))
    #expect(review.results.map { [$0.unit.code: $0.score] } == loose.results.map { [$0.unit.code: $0.score] })
    let fates = Dictionary(uniqueKeysWithValues: review.files.map { ($0.file.name, ($0.fate, $0.related)) })
    #expect(fates["ba-xa.zip › Báo cáo xã/20944-2017.xlsx"]?.0 == .used)
    #expect(fates["hai-xa.tar.gz › bao-cao/21001-2017.xlsx"]! == (.duplicate, ["21001-2017.xlsx"]))
    #expect(
      fates["hai-xa.tar.gz › bao-cao/20944-2017.xlsx"]! == (.duplicate, ["ba-xa.zip › Báo cáo xã/20944-2017.xlsx"]))
  }

  @Test func attachmentsAreFilesNamedAfterTheirMail() throws {
    let folder = try Self.inbox([
      "mails/thunderbird.eml", "mails/outlook.msg", "mails/chuyen-tiep.eml", "mails/outlook-chuyen-tiep.msg",
      "mails/hostile/khong-dinh-kem.eml", "mails/hostile/hong.msg",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let listing = try Inbox.list(in: folder)
    #expect(
      listing.files.map(\.name) == [
        "chuyen-tiep.eml › Bao cao xa Tra Mai 2017.eml › 20944-2017.xlsx",
        "hong.msg", "khong-dinh-kem.eml",
        "outlook-chuyen-tiep.msg › Báo cáo Ban Dân tộc 2017.msg › bdt-bao-cao-2017.xlsx",
        "outlook.msg › Báo cáo MTTQ 2017.xlsx",
        "thunderbird.eml › Báo cáo thi đua Sở Nội vụ năm 2017.xlsx", "thunderbird.eml › Báo cáo Sở Tài chính 2017.xlsx",
      ])
    #expect(listing.files.map { $0.problem?.code } == [nil, "damaged-mail", "empty-mail", nil, nil, nil, nil])
    // Each attachment keeps the nearest e-mail's envelope: a forwarded report, its unit's.
    #expect(listing.files[0].mail?.from == "UBND xa Tra Mai <tramai@namtramy.example>")
    #expect(listing.files[0].mail?.sent?.isoText == "2017-12-13T16:20:00")
    #expect(listing.files[4].mail?.subject == "Báo cáo thi đua năm 2017 – Ủy ban MTTQ tỉnh")
    #expect(listing.files[5].mail == listing.files[6].mail)
    #expect(listing.files[0].sha256 == (try Inbox.sha256(path: fixturePath("inbox/20944-2017.xlsx"))))
  }

  /// The bar: three communes in a zip, two in a rar, two reports in an e-mail and one in
  /// an Outlook message, one of them also loose; the review is the loose inbox's.
  @Test func anInboxOfArchivesAndMailsReviewsAsTheLooseOne() throws {
    let folder = try Self.inbox([
      "archives/ba-xa.zip", "archives/hai-xa.rar", "mails/thunderbird.eml", "mails/outlook.msg",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let packed: Set = [
      "20944-2017.xlsx", "20977-2017.xlsx", "20998-2017.xlsx", "21001-2017.xlsx", "21007-2017.xlsx",
      "snv-bao-cao-2017.xlsx", "mttq-bao-cao-2017.xlsx",
    ]
    // stc-bao-cao-2017.xlsx stays loose too: the same bytes arrive twice.
    for name in try FileManager.default.contentsOfDirectory(atPath: fixturePath("inbox")) where !packed.contains(name) {
      try FileManager.default.copyItem(atPath: fixturePath("inbox/" + name), toPath: folder + "/" + name)
    }
    let movement = try MovementDefinition.shipped()
    let loose = try Review(movement: movement).run(inbox: fixturePath("inbox"))
    let review = try Review(movement: movement).run(inbox: folder)
    #expect(review.missing.map(\.code) == loose.missing.map(\.code))
    #expect(review.results.map { [$0.unit.code: $0.score] } == loose.results.map { [$0.unit.code: $0.score] })
    #expect(review.recommendations.map(\.key) == loose.recommendations.map(\.key))
    let fates = Dictionary(uniqueKeysWithValues: review.files.map { ($0.file.name, ($0.fate, $0.related)) })
    for member in [
      "ba-xa.zip › Báo cáo xã/20944-2017.xlsx", "ba-xa.zip › Báo cáo xã/20977-2017.xlsx",
      "ba-xa.zip › Báo cáo xã/20998-2017.xlsx", "hai-xa.rar › bao-cao/21001-2017.xlsx",
      "hai-xa.rar › bao-cao/21007-2017.xlsx", "thunderbird.eml › Báo cáo thi đua Sở Nội vụ năm 2017.xlsx",
      "outlook.msg › Báo cáo MTTQ 2017.xlsx",
    ] {
      #expect(fates[member]?.0 == .used, "\(member)")
    }
    let stc = [fates["stc-bao-cao-2017.xlsx"]!, fates["thunderbird.eml › Báo cáo Sở Tài chính 2017.xlsx"]!]
    #expect(stc.map(\.0).sorted { $0.rawValue < $1.rawValue } == [.duplicate, .used])
    let mail = review.files.first { $0.file.name == "outlook.msg › Báo cáo MTTQ 2017.xlsx" }!
    #expect(mail.file.mail?.from == "Ủy ban MTTQ Việt Nam tỉnh <mttq@quangnam.example>")
  }

  @Test func theReviewJudgesAnUndatedReportByItsMail() throws {
    // The commune's CSV bears no date; the e-mail carrying it is dated after 15/12.
    let folder = try Self.inbox([])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let csv = try Data(contentsOf: URL(fileURLWithPath: fixturePath("inbox/xa-tra-tap-2017.csv")))
    let mail =
      "From: UBND xa Tra Tap <tratap@namtramy.example>\r\nTo: btdkt@quangnam.example\r\nSubject: Bao cao\r\n"
      + "Date: Wed, 20 Dec 2017 21:00:00 +0700\r\nMessage-ID: <x@namtramy.example>\r\nMIME-Version: 1.0\r\n"
      + "Content-Type: text/csv; name=\"bao-cao.csv\"\r\nContent-Disposition: attachment; filename=\"bao-cao.csv\"\r\n"
      + "Content-Transfer-Encoding: base64\r\n\r\n" + csv.base64EncodedString(options: .lineLength76Characters) + "\r\n"
    try Data(mail.utf8).write(to: URL(fileURLWithPath: folder + "/thu.eml"))
    let review = try Review(movement: try MovementDefinition.shipped()).run(inbox: folder)
    let file = try #require(review.files.first { $0.file.name == "thu.eml › bao-cao.csv" })
    #expect(file.fate == .used)
    let late = file.report.findings.filter { $0.code == "late-submission" }
    #expect(late.map(\.values) == [["seen": "2017-12-20", "expected": "2017-12-15", "reason": "mail-date"]])
  }

  @Test func aReportWithoutADateIsAsLateAsItsMail() throws {
    let movement = try MovementDefinition.shipped()
    let commune = try #require(movement.registry.units.first { $0.category == "XA" })
    var report = FileReport(file: "thu.eml › bao-cao.xlsx")
    report.unit = commune
    report.year = 2017
    let validator = SubmissionValidator(movement: movement)
    let late = try #require(
      validator.lateSubmission(report, mailSent: MailDate.parse("Wed, 20 Dec 2017 21:00:00 +0700")))
    #expect(late.values == ["seen": "2017-12-20", "expected": "2017-12-15", "reason": "mail-date"])
    #expect(
      Messages.text(late, .vi) == "Báo cáo không ghi ngày; thư gửi báo cáo đề ngày 20/12/2017, sau hạn nộp 15/12/2017.")
    #expect(validator.lateSubmission(report, mailSent: MailDate.parse("14 Dec 2017 08:00 +0700")) == nil)
  }
}
