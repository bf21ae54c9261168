import Foundation
import SheetIO
import Testing

@testable import ThiDuaCore

/// A district's filled template: its criteria decided from the figures (b2, b4) and from
/// its self-assessment with evidence (b1, b3).
@Suite struct CriteriaTests {
  /// households, start, escaped, end: seven communes as typed, then one rule for the other ten.
  static let figures: [(Double, Double, Double, Double)] = {
    let typed: [(Double, Double, Double, Double)] = [
      (4210, 96, 31, 65), (3105, 212, 58, 154), (2876, 187, 49, 138), (3320, 145, 40, 105),
      (1984, 168, 44, 124), (1032, 201, 55, 146), (1157, 298, 80, 218),
    ]
    let ruled = (0..<10).map { (i: Int) -> (Double, Double, Double, Double) in
      let x = Double(i)
      return (2000 + 100 * x, 100 + 10 * x, 30 + x, 70 + 9 * x)
    }
    return typed + ruled
  }()

  static func evaluate(evidenceFor b3: String?, reportsOnTime: Double = 4) throws -> FileReport {
    let m = try MovementDefinition.shipped()
    let communes = m.registry.children(of: "517")
    var writer = TemplateWriter(movement: m)
    writer.blankRows = 4
    let figures = Self.figures
    writer.fill = { form, row, field in
      switch (form, field) {
      case (_, "nam_bao_cao"): return .number(2017)
      case ("CHI_TIEU", _) where row >= 0 && row < min(communes.count, figures.count):
        let f = figures[row]
        switch field {
        case "tong_so_ho": return .number(f.0)
        case "ho_ngheo_dau_nam": return .number(f.1)
        case "ho_thoat_ngheo": return .number(f.2)
        case "ho_ngheo_cuoi_nam": return .number(f.3)
        case "chi_tieu_giam_duoc_giao": return .number(1.5)
        default: return nil
        }
      case ("THONG_TIN", "ngay_quyet_toan"): return .date(ExcelDate(serial: 43_084, uses1904: false))  // 15/12/2017
      case ("THONG_TIN", "han_quyet_toan"): return .date(ExcelDate(serial: 43_100, uses1904: false))  // 31/12/2017
      case ("THONG_TIN", "bao_cao_phai_nop"): return .number(4)
      case ("THONG_TIN", "bao_cao_dung_han"): return .number(reportsOnTime)
      case ("TIEU_CHI", "ma_tieu_chi") where row < 2: return .text(["b1", "b3"][row])
      case ("TIEU_CHI", "ket_qua") where row < 2: return .text("Đạt")
      case ("TIEU_CHI", "minh_chung") where row == 0: return .text("Kế hoạch 45/KH-UBND ngày 01/3/2017")
      case ("TIEU_CHI", "minh_chung") where row == 1: return b3.map { .text($0) }
      default: return nil
      }
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mau-517-\(UUID().uuidString).xlsx").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try writer.write(unit: m.registry.unit(code: "517"), category: "HUYEN", to: path, created: 0)
    return SubmissionValidator(movement: m).validate(path: path)
  }

  /// A count typed as `1e19` is a finding at its cell, and no criterion is decided from it.
  @Test func aCountPastInt64IsAFindingNotAFigure() throws {
    let r = try Self.evaluate(evidenceFor: "Báo cáo 12/BC-UBND", reportsOnTime: 1e19)
    let found = r.findings.filter { $0.code == "value-out-of-range" }
    #expect(found.count == 1)
    #expect(found.first?.values["seen"] == "1e+19")
    #expect(found.first?.location.cell?.column == 2)
    let b2 = r.criteria.first { $0.id == "b2" }
    #expect(b2?.status == .notAssessable)
    #expect(b2?.values["on_time"] == nil)
  }

  @Test func districtCriteriaAreDecidedWithTheirReasons() throws {
    let r = try Self.evaluate(evidenceFor: nil)
    // The only finding: b3's "Đạt" without evidence, at its empty evidence cell (row 9 of TIEU_CHI).
    let found = r.findings.filter { $0.severity != .info }.map {
      "\($0.location.sheet ?? "")!\($0.location.cell?.description ?? "") \($0.code)"
    }
    #expect(found == ["Tự đánh giá tiêu chí!D9 evidence-missing"])
    #expect(Set(r.tables.map(\.form)) == ["CHI_TIEU", "THONG_TIN", "TIEU_CHI", "DE_NGHI"])
    let outcomes = Dictionary(uniqueKeysWithValues: r.criteria.map { ($0.id, $0) })
    #expect(outcomes.keys.sorted() == ["b1", "b2", "b3", "b4"])
    #expect(outcomes["b1"]?.status == .met)
    #expect(outcomes["b2"]?.status == .met)
    #expect(
      outcomes["b2"]?.values == ["settled": "2017-12-15", "deadline": "2017-12-31", "on_time": "4", "due": "4"])
    // All four cells read, in the formula's order: settled, deadline, on time, due.
    #expect(outcomes["b2"]?.sources.map { $0.cell?.description ?? "" } == ["B13", "B14", "B16", "B15"])
    #expect(outcomes["b3"]?.status == .notMet)
    #expect(outcomes["b3"]?.reason == "evidence-missing")
    // 2,757 → 2,055 poor of 42,184 households: 6.54 % → 4.87 %, a 1.66-point cut ≥ 1.5.
    #expect(try MovementDefinition.shipped().registry.children(of: "517").count == Self.figures.count)  // GSO, 2017
    #expect(outcomes["b4"]?.status == .met)
    #expect(outcomes["b4"]?.values == ["achieved": "1.66", "target": "1.5"])
    #expect(outcomes["b4"]?.sources.first?.sheet == "Chỉ tiêu giảm nghèo")
  }

  @Test func evidenceMakesTheSelfAssessmentCount() throws {
    let r = try Self.evaluate(evidenceFor: "Báo cáo 12/BC-UBND ngày 10/12/2017")
    #expect(r.criteria.first { $0.id == "b3" }?.status == .met)
  }
}
