import Foundation
import TestSupport
import Testing

/// `convert-and-validate` refuses what it cannot review with a message in the user's
/// language, the path, what to do and a documented exit status (docs/cli.md), and then
/// writes nothing.
@Suite struct RunRefusalTests {
  static let inbox = Paths.fixture("inbox")

  /// Runs thidua as the user `nobody`, for the permission cases: only possible as root,
  /// and only where `nobody` can run the build and read the sample inbox (a checkout
  /// under a private home folder cannot).
  static let canDropPrivileges: Bool = {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return false }
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    probe.arguments = [
      "--reuid=65534", "--regid=65534", "--clear-groups", Paths.binary.path, "inspect",
      inbox + "/512-bao-cao-thi-dua-2017.xlsx",
    ]
    probe.standardOutput = FileHandle.nullDevice
    probe.standardError = FileHandle.nullDevice
    guard (try? probe.run()) != nil else { return false }
    probe.waitUntilExit()
    return probe.terminationStatus == 0
  }()

  func asNobody(_ binary: String, _ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus)")
    return Run(status: process.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self))
  }

  /// A folder that `nobody` can enter and write in.
  func openFolder() throws -> URL {
    let folder = try Paths.temporaryFolder()
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
    return folder
  }

  @Test(arguments: [1999, 2015, 2021])
  func aYearOutsideTheMovementIsRefused(year: Int) throws {
    let out = try Paths.temporaryFolder().appendingPathComponent("ket-qua")
    let vi = try thidua("convert-and-validate", Self.inbox, "--out", out.path, "--year", "\(year)")
    #expect(vi.status == 4)
    #expect(
      vi.stderr
        == "thidua: lỗi: năm \(year) nằm ngoài thời gian của phong trào (2016–2020); hãy chọn một năm trong khoảng đó.\n"
    )
    let en = try thidua("convert-and-validate", Self.inbox, "--out", out.path, "--year", "\(year)", "--lang", "en")
    #expect(en.status == 4)
    #expect(en.stderr.contains("the year \(year) is outside the movement's period (2016–2020)"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  /// The plan holds a sơ kết of 2016–2018 and a tổng kết of 2016–2020, no other.
  @Test(arguments: [("tong-ket", 2018, 2020), ("so-ket", 2017, 2018), ("so-ket", 2020, 2018)])
  func aReviewKindOutsideItsPeriodIsRefused(kind: String, year: Int, expected: Int) throws {
    let out = try Paths.temporaryFolder().appendingPathComponent("ket-qua")
    let vi = try thidua("convert-and-validate", Self.inbox, "--out", out.path, "--review", kind, "--year", "\(year)")
    #expect(vi.status == 6)
    let name = kind == "so-ket" ? "sơ kết" : "tổng kết"
    #expect(
      vi.stderr
        == "thidua: lỗi: đợt \(name) của phong trào xét năm \(expected) (giai đoạn 2016–\(expected)), không phải năm \(year); hãy bỏ --year hoặc ghi --year \(expected).\n"
    )
    let en = try thidua(
      "convert-and-validate", Self.inbox, "--out", out.path, "--review", kind, "--year", "\(year)", "--lang", "en")
    #expect(en.status == 6)
    #expect(en.stderr.contains("review is of \(expected) (period 2016–\(expected)), not \(year)"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func anEmptyInboxWritesNothing() throws {
    let inbox = try Paths.temporaryFolder()
    let out = try Paths.temporaryFolder().appendingPathComponent("ket-qua")
    let run = try thidua("convert-and-validate", inbox.path, "--out", out.path)
    #expect(run.status == 3)
    #expect(run.stderr.hasPrefix("thidua: lỗi: hộp thư \(inbox.path) không có tệp nào; không ghi kết quả."))
    #expect(run.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func anInboxWithoutAReadableFormNamesItsFiles() throws {
    let inbox = try Paths.temporaryFolder()
    try Data("Báo cáo".utf8).write(to: inbox.appendingPathComponent("bao-cao.docx"))
    try Data("%PDF-1.4\n".utf8).write(to: inbox.appendingPathComponent("bao-cao.pdf"))
    let out = try Paths.temporaryFolder().appendingPathComponent("ket-qua")
    let vi = try thidua("convert-and-validate", inbox.path, "--out", out.path)
    #expect(vi.status == 3)
    let lines = vi.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines.first?.hasPrefix("thidua: lỗi: không tệp nào trong 2 tệp của hộp thư \(inbox.path) có biểu mẫu") == true)
    #expect(lines.dropFirst().map { $0.prefix(17) } == ["  – bao-cao.docx:", "  – bao-cao.pdf: "])
    let en = try thidua("convert-and-validate", inbox.path, "--out", out.path, "--lang", "en")
    #expect(en.status == 3)
    #expect(
      en.stderr.contains("none of the 2 files in the inbox \(inbox.path) holds a readable form; no results written."))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func anInboxThatIsAFileOrMissingIsNamed() throws {
    let file = Paths.fixture("inbox/ghi-chu.txt")
    let asFile = try thidua("convert-and-validate", file)
    #expect(asFile.status == 2)
    #expect(asFile.stderr.contains("\(file) là một tệp, không phải thư mục"))
    let missing = try thidua("convert-and-validate", "/khong-co/hop-thu", "--lang", "en")
    #expect(missing.status == 2)
    #expect(missing.stderr == "thidua: error: there is no inbox folder /khong-co/hop-thu; check the path.\n")
  }

  @Test func anOutputPathThroughAFileIsNamed() throws {
    let parent = try Paths.temporaryFolder()
    try Data().write(to: parent.appendingPathComponent("tep"))
    let out = parent.appendingPathComponent("tep/ket-qua").path
    let vi = try thidua("convert-and-validate", Self.inbox, "--out", out)
    #expect(vi.status == 5)
    #expect(
      vi.stderr.hasPrefix(
        "thidua: lỗi: không ghi được kết quả vào \(out): một phần của đường dẫn là tệp, không phải thư mục; "))
    let en = try thidua("convert-and-validate", Self.inbox, "--out", out, "--lang", "en")
    #expect(en.stderr.contains("cannot write the results into \(out): part of the path is a file, not a folder"))
  }

  @Test(.enabled(if: canDropPrivileges)) func anUnreadableInboxIsNotCalledMissing() throws {
    let inbox = try Paths.temporaryFolder()
    try FileManager.default.copyItem(
      atPath: Paths.fixture("inbox/512-bao-cao-thi-dua-2017.xlsx"), toPath: inbox.appendingPathComponent("a.xlsx").path)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: inbox.path)
    let out = try openFolder().appendingPathComponent("ket-qua").path
    let run = try asNobody(Paths.binary.path, ["convert-and-validate", inbox.path, "--out", out])
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "thidua: lỗi: không đọc được thư mục hộp thư \(inbox.path): không có quyền truy cập; hãy kiểm tra quyền truy cập thư mục.\n"
    )
  }

  @Test(.enabled(if: canDropPrivileges)) func aReadOnlyOutputFolderIsNamed() throws {
    let parent = try Paths.temporaryFolder()
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent.path)
    let out = parent.appendingPathComponent("ket-qua").path
    let run = try asNobody(Paths.binary.path, ["convert-and-validate", Self.inbox, "--out", out, "--jobs", "1"])
    #expect(run.status == 5)
    #expect(run.stderr.hasPrefix("thidua: lỗi: không ghi được kết quả vào \(out): không có quyền truy cập; "))
  }

  /// A copy of the program without its resources, then with them unreadable: a message,
  /// never the crash of a missing bundle.
  @Test func missingOrUnreadableResourcesAreAMessage() throws {
    let folder = try openFolder()
    let copy = folder.appendingPathComponent("thidua").path
    try FileManager.default.copyItem(atPath: Paths.binary.path, toPath: copy)
    let resources = folder.appendingPathComponent("thidua_ThiDuaCore.resources").path
    let out = try openFolder().appendingPathComponent("ket-qua").path
    let missing = try runCopy(copy, ["convert-and-validate", Self.inbox, "--out", out])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("Không tìm thấy thư mục tài nguyên của thidua (\(resources))"))
    guard Self.canDropPrivileges else { return }
    try FileManager.default.copyItem(
      atPath: Paths.binary.deletingLastPathComponent().appendingPathComponent("thidua_ThiDuaCore.resources").path,
      toPath: resources)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: resources)
    let unreadable = try asNobody(copy, ["convert-and-validate", Self.inbox, "--out", out, "--lang", "en"])
    #expect(unreadable.status == 2)
    #expect(unreadable.stderr.contains("Cannot read thidua's resources folder \(resources) (no read permission)"))
  }

  func runCopy(_ copy: String, _ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: copy)
    process.arguments = arguments
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus)")
    return Run(status: process.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self))
  }

  /// The second run into the same folder, another year and language, leaves only its own
  /// files and the first run's report: the first run's workbook does not stay beside the
  /// new one.
  @Test func oneOutputFolderHoldsOneRun() throws {
    let out = try Paths.temporaryFolder().appendingPathComponent("ket-qua")
    #expect(try thidua("convert-and-validate", Self.inbox, "--out", out.path).status == 0)
    #expect(
      try thidua("convert-and-validate", Self.inbox, "--out", out.path, "--year", "2016", "--lang", "en").status == 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["csv", "phan-hoi", "report.json", "report.previous.json", "review-annual-2016.xlsx"])
    let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
    #expect((report as? [String: Any])?["year"] as? Int == 2016)
  }

  @Test func theSummaryNamesTheFilesToChaseAndCountsInfoFindings() throws {
    let out = try Paths.temporaryFolder().appendingPathComponent("ket-qua")
    let run = try thidua("convert-and-validate", Self.inbox, "--out", out.path)
    #expect(run.status == 0)
    #expect(
      run.stdout.contains(
        """
        Không đọc được (1):
          – tam-quang-gui-lai-bi-loi.xlsx
        Không có biểu mẫu (1):
          – ghi-chu.txt
        Không rõ đơn vị hoặc năm (1):
          – hoa-vang-2017.xlsx
        """))
    #expect(run.stdout.contains("Phát hiện: 7 (3 lỗi, 3 cảnh báo, 1 thông tin)."))
    let feedback = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("phan-hoi").path)
    #expect(feedback.contains("512-huyen-hiep-duc.xlsx"))
    #expect(feedback.contains("502-thanh-pho-tam-ky.xlsx"))
  }
}
