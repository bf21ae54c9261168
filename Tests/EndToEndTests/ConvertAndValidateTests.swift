import Foundation
import TestSupport
import Testing

/// The golden test of the sample inbox: counts, fates, ranks, proposals and key findings
/// of `thidua convert-and-validate` (the figures are illustrative; docs/review.md).
@Suite struct ConvertAndValidateTests {
  static let inbox = Paths.fixture("inbox")

  func review(_ extra: String...) throws -> (Run, URL, [String: Any]) {
    let out = try Paths.temporaryFolder()
    let run = try thidua(["convert-and-validate", Self.inbox, "--out", out.path] + extra)
    let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
    return (run, out, try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
  }

  @Test func everyFileIsAccountedForWithItsFate() throws {
    let (run, _, report) = try review()
    #expect(run.status == 0)
    #expect(run.stdout.contains("Đã đọc 36 tệp: 31 dùng, 1 có bản mới hơn, 1 trùng, 1 không đọc được"))
    let files = report["files"] as? [[String: Any]] ?? []
    let fates = Dictionary(
      uniqueKeysWithValues: files.map { ($0["name"] as? String ?? "", $0["fate"] as? String ?? "") })
    #expect(files.count == 36)
    #expect(fates["502-bao-cao-thi-dua-2017 (ban sao).xlsx"] == "duplicate")
    #expect(fates["502-bao-cao-thi-dua-2017.xlsx"] == "used")
    #expect(fates["506-bao-cao-thi-dua-2017-lan-1.xlsx"] == "superseded")
    #expect(fates["506-bao-cao-thi-dua-2017-lan-2-da-sua.xlsx"] == "used")
    #expect(fates["tam-quang-gui-lai-bi-loi.xlsx"] == "unreadable")
    #expect(fates["hoa-vang-2017.xlsx"] == "unidentified")
    #expect(fates["ghi-chu.txt"] == "no-form")
    // Thăng Bình sent its poverty table as a TCVN3 CSV and the rest in a workbook: both used.
    #expect(fates["513-bao-cao-thi-dua-2017-bieu01-tcvn3.csv"] == "used")
    #expect(fates["513-bao-cao-thi-dua-2017-thong-tin.xlsx"] == "used")
    #expect(files.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
  }

  @Test func unitsAreRankedWithTiesSharingARank() throws {
    let (_, _, report) = try review()
    let units = report["units"] as? [[String: Any]] ?? []
    func ranks(_ category: String) -> [String] {
      units.filter { $0["category"] as? String == category }.map {
        "\($0["code"] as? String ?? "")=\($0["rankInCategory"] as? Int ?? 0)"
      }
    }
    #expect(ranks("HUYEN").prefix(3) == ["516=1", "519=2", "503=3"])
    #expect(ranks("HUYEN").suffix(2) == ["509=17", "518=18"])
    #expect(ranks("SO_NGANH") == ["SLDTBXH=1", "SNV=1", "BDT=3", "HLHPN=3", "STC=3", "MTTQ=6"])
    #expect(ranks("XA") == ["20944=1", "20998=2", "21007=3", "20977=4", "21001=5", "20941=6"])
    let summary = report["summary"] as? [String: Any]
    #expect(summary?["unitsSubmitted"] as? Int == 30)
    // Departments and districts report to the Board; communes through their districts.
    #expect(summary?["unitsMissing"] as? Int == 21)
  }

  @Test func proposalsFollowTheRulesAndGiveOneFormEach() throws {
    let (_, _, report) = try review()
    let all = report["recommendations"] as? [[String: Any]] ?? []
    func form(_ name: String) -> String? {
      all.first { $0["name"] as? String == name && $0["eligible"] as? Bool == true }?["form"] as? String
    }
    // Quota 20 % of 18 districts: three; departments tied at rank 1 both get it.
    let province = all.filter {
      $0["form"] as? String == "Bằng khen của Chủ tịch UBND tỉnh" && $0["subject"] as? String == "unit"
    }
    #expect(province.map { $0["unit"] as? String ?? "" } == ["516", "519", "503", "SLDTBXH", "SNV"])
    #expect((province.first?["reason"] as? String)?.hasSuffix("trong hạn mức 3 đơn vị (20 % của 18).") == true)
    #expect(form("Xã Trà Mai") == "Giấy khen của Chủ tịch UBND huyện")
    #expect(form("Huyện Duy Xuyên") == nil)
    let household = all.first { $0["name"] as? String == "Hộ bà Hồ Thị Bình" }
    #expect(household?["eligible"] as? Bool == false)
    #expect((household?["reason"] as? String)?.contains("thoát nghèo 2 năm") == true)
    let repeated = all.filter { $0["name"] as? String == "Hộ ông Nguyễn Văn An" }
    #expect(repeated.map { $0["eligible"] as? Bool } == [true, false])
    #expect((repeated.last?["reason"] as? String)?.contains("một thành tích chỉ đề nghị một hình thức") == true)
    let coop = all.first { $0["name"] as? String == "Hợp tác xã minh hoạ Trà My" }
    #expect(coop?["eligible"] as? Bool == false)
    let tayGiang = all.first { $0["unit"] as? String == "504" }
    #expect((tayGiang?["reason"] as? String)?.contains("b2 (Quyết toán ngày 20/01/2018, hạn 31/12/2017") == true)
  }

  @Test func keyFindingsNameTheirCells() throws {
    let (_, _, report) = try review()
    let findings = (report["findings"] as? [[String: Any]] ?? []).map {
      "\($0["code"] as? String ?? "") \($0["file"] as? String ?? "") \($0["cell"] as? String ?? "-")"
    }
    // The superseded first version of Đại Lộc had four; the corrected file answered them.
    #expect(
      findings == [
        "formula-like-text 502-bao-cao-thi-dua-2017.xlsx B7",
        "evidence-missing 507-bao-cao-thi-dua-2017.xlsx D6",
        "total-mismatch 512-bao-cao-thi-dua-2017.xlsx C18",
        "late-submission 515-bao-cao-thi-dua-2017.xlsx C5",
        "no-form ghi-chu.txt -",
        "unknown-unit hoa-vang-2017.xlsx -",
        "damaged-zip tam-quang-gui-lai-bi-loi.xlsx -",
      ])
    // Values are data, not message fragments: ISO dates, the name as seen, reason codes.
    let values = Dictionary(
      (report["findings"] as? [[String: Any]] ?? []).map {
        ($0["code"] as? String ?? "", $0["values"] as? [String: String] ?? [:])
      },
      uniquingKeysWith: { a, _ in a })
    #expect(values["late-submission"] == ["seen": "2018-02-20", "expected": "2018-01-31"])
    #expect(values["unknown-unit"] == ["seen": "UBND HUYỆN HÒA VANG"])
    #expect(values["no-form"] == ["reason": "no-matching-header"])
    let first = (report["files"] as? [[String: Any]])?.first {
      $0["name"] as? String == "506-bao-cao-thi-dua-2017-lan-1.xlsx"
    }
    #expect(first?["findingCount"] as? Int == 4 && first?["errorCount"] as? Int == 3)
  }

  @Test func formulaLookingTextIsNeutralisedInTheCSV() throws {
    let (_, out, _) = try review()
    let csv = try String(contentsOf: out.appendingPathComponent("csv/DE_NGHI.csv"), encoding: .utf8)
    #expect(csv.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"Bấm vào đây\"\")\""))
    #expect(csv.contains(",'+84 hộ được hỗ trợ nhà ở,"))
    #expect(csv.contains(",'@Cán bộ giảm nghèo tiêu biểu,"))
    #expect(csv.contains(",'-Liên kết tiêu thụ sâm,"))
    #expect(csv.hasPrefix("ma_don_vi,nam,ten,loai,"))
  }

  @Test func twoRunsGiveIdenticalBytesAndLeaveTheInboxAlone() throws {
    let before = try snapshot(URL(fileURLWithPath: Self.inbox))
    let (_, first, _) = try review()
    let (_, second, _) = try review()
    let a = try snapshot(first)
    #expect(a.count == 1 + 30 + 5 + 1)
    #expect(a == (try snapshot(second)))
    #expect(before == (try snapshot(URL(fileURLWithPath: Self.inbox))))
  }

  /// One --out holds one run's outputs: a second run in another language leaves
  /// nothing of the first beside its own but the first's report, and writes the files a
  /// first run writes.
  @Test func aSecondRunReplacesTheFirstWhole() throws {
    let (_, out, _) = try review()
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("tham-dinh-nam-2017.xlsx").path))
    let again = try thidua("convert-and-validate", Self.inbox, "--out", out.path, "--lang", "en")
    #expect(again.status == 0)
    let (_, fresh, _) = try review("--lang", "en")
    #expect(Set(try snapshot(out).keys) == Set(try snapshot(fresh).keys).union(["/report.previous.json"]))
    // Nothing changed but the language: the same run, nothing to send again.
    #expect(again.stdout.contains("Changes since the run before (1 → 1):\n  – Nothing changed."))
  }

  /// A late file added and the inbox run again: the summary, report.json and the
  /// workbook say what changed; a note the clerk saved among the results is kept.
  @Test func aSecondRunSaysWhatChangedAndKeepsTheClerksFiles() throws {
    let inbox = try Paths.temporaryFolder()
    for name in try FileManager.default.contentsOfDirectory(atPath: Self.inbox)
    where name != "sldtbxh-bao-cao-2017.xlsx" {
      try FileManager.default.copyItem(atPath: Self.inbox + "/" + name, toPath: inbox.path + "/" + name)
    }
    let out = try Paths.temporaryFolder().appendingPathComponent("ket-qua")
    #expect(try thidua("convert-and-validate", inbox.path, "--out", out.path).status == 0)
    let note = out.appendingPathComponent("phan-hoi/ghi-chu-van-thu.txt")
    try Data("đã gửi ngày 20/12".utf8).write(to: note)
    try FileManager.default.copyItem(
      atPath: Self.inbox + "/sldtbxh-bao-cao-2017.xlsx", toPath: inbox.path + "/sldtbxh-bao-cao-2017.xlsx")
    let run = try thidua("convert-and-validate", inbox.path, "--out", out.path)
    #expect(run.status == 0)
    #expect(run.stdout.contains("Thay đổi so với lần chạy trước (1 → 2):\n  – Tệp mới: sldtbxh-bao-cao-2017.xlsx\n"))
    #expect(
      run.stdout.contains(
        "  – Hạng: Sở Lao động - Thương binh và Xã hội (SLDTBXH): — → 1, Ban Dân tộc tỉnh (BDT): 2 → 3, Hội Liên hiệp Phụ nữ tỉnh (HLHPN): 2 → 3, Sở Tài chính (STC): 2 → 3, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh (MTTQ): 5 → 6\n"
      ))
    #expect(
      run.stdout.contains(
        "  – Đề xuất khen thưởng: Sở Lao động - Thương binh và Xã hội (SLDTBXH): — → Bằng khen của Chủ tịch UBND tỉnh\n"
      ))
    #expect(run.stdout.contains("Giữ lại tệp không do thidua ghi: phan-hoi/ghi-chu-van-thu.txt"))
    #expect(try String(contentsOf: note, encoding: .utf8) == "đã gửi ngày 20/12")
    let report =
      try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
      as? [String: Any]
    #expect((report?["run"] as? [String: Any])?["number"] as? Int == 2)
    let changes = report?["changes"] as? [String: Any]
    #expect(changes?["filesAdded"] as? [String] == ["sldtbxh-bao-cao-2017.xlsx"])
    #expect(changes?["kept"] as? [String] == ["phan-hoi/ghi-chu-van-thu.txt"])
    #expect(
      changes?["feedbackToResend"] as? [String] == [
        "phan-hoi/BDT-ban-dan-toc-tinh.xlsx", "phan-hoi/HLHPN-hoi-lien-hiep-phu-nu-tinh.xlsx",
        "phan-hoi/MTTQ-uy-ban-mat-tran-to-quoc-viet-nam-tinh.xlsx",
        "phan-hoi/SLDTBXH-so-lao-dong-thuong-binh-va-xa-hoi.xlsx", "phan-hoi/SNV-so-noi-vu.xlsx",
        "phan-hoi/STC-so-tai-chinh.xlsx",
      ])
    // The manifest lists what thidua wrote, not the clerk's note.
    let outputs = report?["outputs"] as? [String] ?? []
    #expect(outputs.contains("tham-dinh-nam-2017.xlsx") && outputs.contains("report.previous.json"))
    #expect(!outputs.contains("phan-hoi/ghi-chu-van-thu.txt"))
    // The same inbox once more: the same run number, nothing changed.
    let third = try thidua("convert-and-validate", inbox.path, "--out", out.path)
    #expect(third.stdout.contains("Thay đổi so với lần chạy trước (2 → 2):\n  – Không có thay đổi."))
    #expect(try String(contentsOf: note, encoding: .utf8) == "đã gửi ngày 20/12")
  }

  @Test func englishOutputsAndUsageErrors() throws {
    let (run, out, _) = try review("--lang", "en")
    #expect(run.stdout.contains("Read 36 files: 31 used"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("review-annual-2017.xlsx").path))
    let inside = try thidua("convert-and-validate", Self.inbox, "--out", Self.inbox + "/ra")
    #expect(inside.status == 2)
    #expect(inside.stderr.contains("nằm trong hộp thư"))
    let missing = try thidua("convert-and-validate", "/nonexistent/inbox")
    #expect(missing.status == 2)
    let strict = try thidua("convert-and-validate", Self.inbox, "--out", try Paths.temporaryFolder().path, "--strict")
    #expect(strict.status == 1)
  }

  @Test func anInboxOfHostileFilesIsAccountedForWithoutACrash() throws {
    let inbox = try Paths.temporaryFolder()
    let hostile = URL(fileURLWithPath: Paths.fixture("hostile"))
    let names = try FileManager.default.contentsOfDirectory(atPath: hostile.path).filter { !$0.hasSuffix(".tsv") }
    for name in names {
      try FileManager.default.copyItem(at: hostile.appendingPathComponent(name), to: inbox.appendingPathComponent(name))
    }
    // One real submission among them: an inbox with none is refused (RunRefusalTests).
    let real = "512-bao-cao-thi-dua-2017.xlsx"
    try FileManager.default.copyItem(atPath: Self.inbox + "/" + real, toPath: inbox.appendingPathComponent(real).path)
    let out = try Paths.temporaryFolder()
    let run = try thidua("convert-and-validate", inbox.path, "--out", out.path, "--lang", "en")
    #expect(run.status == 0, "\(run.stderr)")
    let report =
      try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
      as? [String: Any] ?? [:]
    let files = (report["files"] as? [[String: Any]] ?? []).filter { $0["name"] as? String != real }
    #expect(files.count == names.count)
    // The benign ones (code `-`: a billion empty .ods rows or columns) read, and so do the
    // documents without a table (`no-table`: they hold no form); the rest not.
    let manifest = readTSV("hostile/expected.tsv")
    let benign = Set(manifest.filter { $0[1] == "-" }.map { $0[0] })
    let noTable = Set(manifest.filter { $0[1] == "no-table" }.map { $0[0] })
    let fates = files.map { ($0["name"] as? String ?? "", $0["fate"] as? String ?? "") }
    #expect(
      fates.allSatisfy { noTable.contains($0.0) ? $0.1 == "no-form" : benign.contains($0.0) != ($0.1 == "unreadable") },
      "\(fates)")
    // Each file's own reader code, as `thidua convert` reports it (hostile/expected.tsv).
    let codes = Set((report["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
    let expected = Set(manifest.map { $0[1] == "no-table" ? "no-form" : $0[1] }).subtracting(["-"])
    #expect(expected.subtracting(codes).isEmpty, "\(expected.subtracting(codes))")
  }

  /// Workers that trap, hang and run past their memory (asked for by file name through
  /// the test-only THIDUA_WORKER_FAULTS) cost their files only: the run completes, says
  /// how many files it lost, and uses the others exactly as a run without them; --jobs 1
  /// (no workers) gives the same results.
  @Test func aWorkerThatTrapsHangsOrRunsOutOfMemoryCostsOnlyItsFile() throws {
    let inbox = try Paths.temporaryFolder()
    let sample = URL(fileURLWithPath: Self.inbox)
    for name in try FileManager.default.contentsOfDirectory(atPath: sample.path) {
      try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: inbox.appendingPathComponent(name))
    }
    let clean = try Paths.temporaryFolder()
    #expect(try thidua("convert-and-validate", inbox.path, "--out", clean.path).status == 0)
    let serial = try Paths.temporaryFolder()
    #expect(try thidua("convert-and-validate", inbox.path, "--out", serial.path, "--jobs", "1").status == 0)
    for (i, fault) in ["trap", "hang", "memory"].enumerated() {
      try Data("a,b\n\(i),\(i)\n".utf8).write(to: inbox.appendingPathComponent("zz-\(fault).csv"))
    }
    let out = try Paths.temporaryFolder()
    let run = try thidua(
      [
        "convert-and-validate", inbox.path, "--out", out.path, "--lang", "en", "--file-timeout", "2", "--memory-limit",
        "300",
      ],
      environment: ["THIDUA_WORKER_FAULTS": "trap:zz-trap.csv,hang:zz-hang.csv,memory:zz-memory.csv"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("3 files could not be checked"))
    let report =
      try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
      as? [String: Any] ?? [:]
    #expect((report["summary"] as? [String: Any])?["lostFiles"] as? Int == 3)
    let lost = (report["findings"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "internal-error" }
    let messages = lost.map { "\($0["file"] as? String ?? ""): \($0["message"] as? String ?? "")" }.sorted()
    #expect(messages.count == 3)
    #expect(messages.first?.contains("longer than this file's limit") == true, "\(messages)")
    #expect(messages.dropFirst().first?.contains("more than 300 MiB") == true, "\(messages)")
    #expect(messages.last?.contains("SIGILL") == true || messages.last?.contains("SIGTRAP") == true, "\(messages)")
    #expect(lost.allSatisfy { ($0["values"] as? [String: Any])?["sha256"] as? String != nil })
    // The others' results, byte for byte: the normalized CSV and every unit's feedback.
    let cleanFiles = try snapshot(clean).filter { !$0.key.hasSuffix(".json") && !$0.key.contains("tham-dinh") }
    let withFaults = try snapshot(out).filter { !$0.key.hasSuffix(".json") && !$0.key.contains("review-") }
    #expect(Set(cleanFiles.keys) == Set(withFaults.keys))
    #expect(cleanFiles.filter { $0.key.hasPrefix("/csv") } == withFaults.filter { $0.key.hasPrefix("/csv") })
    #expect(try snapshot(clean) == (try snapshot(serial)))
  }

  /// Relative path → bytes of every file under `folder`.
  private func snapshot(_ folder: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let base = folder.standardizedFileURL.path
    for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
        continue
      }
      out[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
    }
    return out
  }
}
