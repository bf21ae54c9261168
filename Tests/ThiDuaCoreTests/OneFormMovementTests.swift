import Foundation
import SheetIO
import Testing

@testable import ThiDuaCore

/// The movement `movement init` writes: one self-assessment form under another name, no
/// targets, no report-info form. It passes the check and runs a whole review, so no
/// part of the review waits for a form called TIEU_CHI or THONG_TIN.
@Suite struct OneFormMovementTests {
  static func folder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-init-\(UUID().uuidString)").path
    try MovementStarter.write(to: folder, year: 2026)
    return folder
  }

  @Test func theStarterPassesTheCheckAndIsNotOverwritten() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(MovementCheck.problems(folder: folder).isEmpty)
    let m = try MovementDefinition.checked(folder: folder)
    #expect(m.forms.keys.sorted() == ["TU_DANH_GIA"])
    #expect(m.thresholds == nil)
    let allIllustrative = m.registry.units.allSatisfy { $0.isSample }
    #expect(allIllustrative)
    #expect(throws: (any Error).self) { try MovementStarter.write(to: folder, year: 2026) }
  }

  /// Two communes fill the template: X01 meets both criteria with evidence, X02 gives no
  /// evidence for t2. X01 scores 100 and gets the award; X02 50, and its t2 is unmet for
  /// want of evidence at the evidence cell.
  @Test func aFilledTemplateRunsAReview() throws {
    let folder = try Self.folder()
    let inbox = folder + "-inbox"
    defer {
      try? FileManager.default.removeItem(atPath: folder)
      try? FileManager.default.removeItem(atPath: inbox)
    }
    try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    let m = try MovementDefinition.checked(folder: folder)
    for code in ["X01", "X02"] {
      var writer = TemplateWriter(movement: m)
      writer.year = 2026
      writer.blankRows = 3
      writer.fill = { _, row, field in
        guard (0..<2).contains(row) else { return nil }
        switch field {
        case "ma_tieu_chi": return .text(["t1", "t2"][row])
        case "ket_qua": return .text("Đạt")
        case "minh_chung" where code == "X01" || row == 0: return .text("Kế hoạch 12/KH-UBND ngày 05/02/2026")
        default: return nil
        }
      }
      _ = try writer.write(unit: m.registry.unit(code: code), category: "XA", to: "\(inbox)/\(code).xlsx", created: 0)
    }
    var review = Review(movement: m)
    review.threads = 1
    let result = try review.run(inbox: inbox)
    #expect(result.year == 2026)
    let scores = Dictionary(uniqueKeysWithValues: result.results.map { ($0.unit.code, $0.score) })
    #expect(scores == ["X01": 100, "X02": 50])
    let x02 = try #require(result.results.first { $0.unit.code == "X02" }?.years.first)
    let t2 = try #require(x02.criteria.first { $0.id == "t2" })
    #expect(t2.status == .notMet && t2.reason == "evidence-missing")
    #expect(t2.sources.first?.sheet == "Tự đánh giá" && t2.sources.first?.cell?.description == "D9")
    let awarded = result.recommendations.filter(\.eligible).map { "\($0.unitCode) \($0.form ?? "")" }
    #expect(awarded == ["X01 Giấy khen (minh họa)"])
    #expect(result.targets.isEmpty)
    #expect(result.missing.isEmpty)
    // Without targets the reviewers' workbook has no targets sheet.
    let out = folder + "-out"
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try ReviewOutputs(result: result, movement: m, language: .vi).write(to: out)
    let book = try Workbooks.open(path: out + "/tham-dinh-nam-2026.xlsx")
    #expect(
      book.sheets.map(\.name) == [
        "Tổng hợp", "Biểu đồ nộp báo cáo", "Xếp hạng xã", "Tiêu chí thi đua", "Đề xuất khen thưởng", "Căn cứ đề xuất",
        "Phát hiện", "Chưa nộp", "Tệp đã nhận",
      ])
  }

  /// A self-assessment form without an evidence field lets a result count on its own.
  @Test func withoutAnEvidenceFieldAResultCountsAlone() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try MovementCheckTests.edit(folder, "forms/TU_DANH_GIA.json", #""evidence": "minh_chung","#, "")
    let m = try MovementDefinition.checked(folder: folder)
    var writer = TemplateWriter(movement: m)
    writer.year = 2026
    writer.fill = { _, row, field in
      guard (0..<2).contains(row) else { return nil }
      return field == "ma_tieu_chi" ? .text(["t1", "t2"][row]) : field == "ket_qua" ? .text("Đạt") : nil
    }
    let path = folder + "/X02.xlsx"
    _ = try writer.write(unit: m.registry.unit(code: "X02"), category: "XA", to: path, created: 0)
    let outcomes = SubmissionValidator(movement: m).validate(path: path).criteria
    #expect(
      outcomes.map { "\($0.id) \($0.status.rawValue) \($0.reason)" } == [
        "t1 met self-assessed", "t2 met self-assessed",
      ])
    #expect(OutcomeWords.reason(outcomes[0], Words(language: .vi), of: nil) == "Tự đánh giá đạt")
  }
}
