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
    #expect(run.stdout == "The movement definition is sound: 4 forms, 28 criteria, 290 units.\n")
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
    #expect(run.stdout.contains("[unknown-form] movement.json: biểu mẫu không có tệp định nghĩa: HUYEN: TIEU_CHI"))
    #expect(run.stdout.hasSuffix("5 lỗi trong định nghĩa phong trào.\n"))
  }
}
