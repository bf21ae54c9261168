import Foundation
import Testing

@Suite struct TemplatesCommandTests {
  @Test func writesOneWorkbookPerUnitAndTwoRunsAreIdentical() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = folder.appendingPathComponent("1").path
    let second = folder.appendingPathComponent("2").path
    let a = try thidua("templates", "--out", first, "--lang", "en")
    let b = try thidua("templates", "--out", second)
    #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
    // One per registry unit that submits: 27 provincial agencies, 18 districts, 244 communes.
    #expect(a.stdout.hasSuffix("Wrote 289 templates to \(first).\n"))
    let files = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
    #expect(files.count == 289)
    #expect(files.contains("mau-517.xlsx") && files.contains("mau-SNV.xlsx") && files.contains("mau-20998.xlsx"))
    for file in files {
      #expect(
        FileManager.default.contents(atPath: first + "/" + file)
          == FileManager.default.contents(atPath: second + "/" + file),
        "\(file)")
    }
  }

  @Test func unknownUnitIsAClearError() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try thidua("templates", "--unit", "999", "--out", folder.path)
    #expect(run.status == 2)
    #expect(run.stderr == "thidua: lỗi: Không có đơn vị mã 999 trong danh mục.\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func categoryTemplateLeavesTheUnitOpen() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try thidua("templates", "--category", "XA", "--out", folder.path)
    #expect(run.status == 0)
    #expect(
      run.stdout.contains(
        "mau-XA.xlsx: Hướng dẫn, Chỉ tiêu giảm nghèo, Thông tin đơn vị, Tự đánh giá tiêu chí, Đề nghị khen thưởng"))
  }
}

@Suite struct MovementCommandTests {
  @Test func shippedDefinitionChecksClean() throws {
    let run = try thidua("movement", "check", "--lang", "en")
    #expect(run.status == 0)
    #expect(run.stdout == "The movement definition is sound: 5 forms, 28 criteria, 290 units, 2 poverty standards.\n")
  }

  @Test func brokenCopyFailsWithItsProblems() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("m").path
    try FileManager.default.copyItem(
      atPath: Paths.repo.appendingPathComponent("Sources/ThiDuaCore/Resources/ke-hoach-5201").path, toPath: copy)
    try FileManager.default.removeItem(atPath: copy + "/forms/TIEU_CHI.json")
    let run = try thidua("movement", "check", copy)
    #expect(run.status == 1)
    // At the category's list of forms in movement.json.
    #expect(
      run.stdout.contains(
        "[unknown-form] movement.json, dòng 14, cột 14: biểu mẫu không có tệp định nghĩa: HUYEN: TIEU_CHI"))
    #expect(run.stdout.hasSuffix("5 lỗi trong định nghĩa phong trào.\n"))
  }

  static func copyOfShipped(in folder: URL) throws -> String {
    let copy = folder.appendingPathComponent("m").path
    try FileManager.default.copyItem(
      atPath: Paths.repo.appendingPathComponent("Sources/ThiDuaCore/Resources/ke-hoach-5201").path, toPath: copy)
    return copy
  }

  @Test func aReviewRefusesADefinitionTheCheckRejects() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = try Self.copyOfShipped(in: folder)
    let awards = copy + "/awards.json"
    let text = try String(contentsOfFile: awards, encoding: .utf8)
    try text.replacingOccurrences(of: #""quotaShare": 0.2"#, with: #""quota": 0.2"#)
      .write(toFile: awards, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("out").path
    let run = try thidua(
      "convert-and-validate", Paths.repo.appendingPathComponent("fixtures/inbox").path, "--movement", copy, "--out",
      out,
      "--lang", "en")
    #expect(run.status == 2)
    #expect(run.stderr.contains("The movement definition has 1 problem (see thidua movement check):"))
    #expect(
      run.stderr.contains(
        "[unknown-key] awards.json:17:7: unknown key “quota” (in rules[0]); did you mean “quotaShare”?"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func anEditedDefinitionIsRecordedInTheOutputs() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = try Self.copyOfShipped(in: folder)
    let inbox = Paths.repo.appendingPathComponent("fixtures/inbox").path
    // A byte copy is the shipped definition; one more registry row is not.
    let same = try thidua("convert-and-validate", inbox, "--movement", copy, "--json", "--out", folder.path + "/a")
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: copy + "/units.csv"))
    handle.seekToEndOfFile()
    handle.write(Data("B0001,Công ty TNHH Thử Nghiệm,,DOANH_NGHIEP,49,,,,x\n".utf8))
    try handle.close()
    let edited = try thidua("convert-and-validate", inbox, "--movement", copy, "--out", folder.path + "/b")
    func definition(_ report: String) throws -> [String: Any] {
      let data = try #require(FileManager.default.contents(atPath: report))
      let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      return try #require(json["definition"] as? [String: Any])
    }
    let a = try definition(folder.path + "/a/report.json")
    let b = try definition(folder.path + "/b/report.json")
    #expect(same.status == 0 && edited.status == 0)
    #expect(a["shipped"] as? Bool == true)
    #expect(b["shipped"] as? Bool == false)
    #expect((a["fingerprint"] as? String)?.count == 64 && a["fingerprint"] as? String != b["fingerprint"] as? String)
    let mark = String((b["fingerprint"] as? String ?? "").prefix(12))
    #expect(
      edited.stdout.contains(
        "Định nghĩa phong trào: bản riêng \(copy) (dấu vân tay \(mark)), không phải bản kèm thidua."))
  }

  @Test func exportCopiesTheShippedDefinitionAndNeverOverwrites() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("ban-sao").path
    let run = try thidua("movement", "export", target)
    #expect(run.status == 0)
    #expect(
      run.stdout
        == "Đã chép định nghĩa Kế hoạch 5201 vào \(target) (20 tệp). Sau khi sửa: thidua movement check \(target); dùng với --movement \(target).\n"
    )
    let shipped = Paths.repo.appendingPathComponent("Sources/ThiDuaCore/Resources/ke-hoach-5201").path
    for name in ["movement.json", "criteria.json", "units.csv", "forms/THONG_TIN.json"] {
      #expect(
        FileManager.default.contents(atPath: target + "/" + name)
          == FileManager.default.contents(atPath: shipped + "/" + name))
    }
    #expect(try thidua("movement", "check", target).status == 0)
    let again = try thidua("movement", "export", target, "--lang", "en")
    #expect(again.status == 2)
    #expect(again.stderr == "thidua: \(target) exists and is not empty; nothing overwritten.\n")
  }

  /// `movement init` then `movement check` passes; its templates are written; a second
  /// init into the same folder is refused.
  @Test func initWritesAMovementThatPassesTheCheck() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("moi").path
    let run = try thidua("movement", "init", target, "--year", "2026", "--lang", "en")
    #expect(run.status == 0)
    #expect(
      run.stdout
        == "Created a minimal movement definition for 2026 in \(target). Edit the files, then: thidua movement check \(target); thidua templates --movement \(target).\n"
    )
    let check = try thidua("movement", "check", target)
    #expect(check.status == 0)
    #expect(check.stdout == "Định nghĩa phong trào hợp lệ: 1 biểu mẫu, 2 tiêu chí, 3 đơn vị.\n")
    let templates = folder.appendingPathComponent("mau").path
    let written = try thidua("templates", "--movement", target, "--out", templates, "--year", "2026")
    #expect(written.status == 0)
    #expect(FileManager.default.fileExists(atPath: templates + "/mau-X01-2026.xlsx"))
    let again = try thidua("movement", "init", target)
    #expect(again.status == 2)
  }

  /// `movement diff`: 0 for the same definitions, 1 with the differences, 2 for a folder
  /// that is not one.
  @Test func diffSaysWhatDiffersAndExitsAsDiffDoes() throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let shipped = Paths.repo.appendingPathComponent("Sources/ThiDuaCore/Resources/ke-hoach-5201").path
    let copy = folder.appendingPathComponent("ban-sao").path
    #expect(try thidua("movement", "export", copy).status == 0)
    let same = try thidua("movement", "diff", shipped, copy)
    #expect(same.status == 0 && same.stdout == "Hai định nghĩa giống nhau.\n")
    let path = copy + "/awards.json"
    var text = try String(contentsOfFile: path, encoding: .utf8)
    let first = try #require(text.range(of: #""minScore": 90"#))  // the annual Bằng khen's
    text.replaceSubrange(first, with: #""minScore": 95"#)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let changed = try thidua("movement", "diff", shipped, copy, "--lang", "en")
    #expect(changed.status == 1)
    #expect(
      changed.stdout == "awards.json: rules[annual/Bằng khen của Chủ tịch UBND tỉnh].minScore: 90 → 95\n1 difference.\n"
    )
    #expect(try thidua("movement", "diff", shipped, folder.appendingPathComponent("khong-co").path).status == 2)
  }
}
