import Foundation
import SheetIO
import Testing

@testable import ThiDuaCore

/// The outlier rules on made-up tables of Tam Kỳ (a plains district: minimum yearly
/// reduction 1,5 points, so more than 4,5 is unusual).
@Suite struct OutlierChecksTests {
  static let movement = try! MovementDefinition.shipped()
  static let keys = AreaKeys(identifier: UnitIdentifier(movement: movement))

  /// A CHI_TIEU table: header on row 4, areas from row 5 (name, households, start, exits,
  /// end, start rate, end rate), a total row after them when `total`.
  static func table(_ file: String, _ rows: [(String, Double, Double, Double, Double)], total: Bool) -> FileReport.Table
  {
    let fields = ["ten_dia_ban", "tong_so_ho", "ho_ngheo_dau_nam", "ho_thoat_ngheo", "ho_ngheo_cuoi_nam"]
    let columns = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1, $0 + 2) })
    let values: [[String: CellValue]] = rows.map { r in
      [
        "ten_dia_ban": .text(r.0), "tong_so_ho": .number(r.1), "ho_ngheo_dau_nam": .number(r.2),
        "ho_thoat_ngheo": .number(r.3), "ho_ngheo_cuoi_nam": .number(r.4),
      ]
    }
    let cells = rows.indices.map { i in columns.mapValues { CellAddress(row: 5 + i, column: $0) } }
    var table = FileReport.Table(
      file: file, sheet: "Biểu 01", form: "CHI_TIEU", headerRows: 4...4, dataRows: rows.count, fromTemplate: false,
      rows: values, cells: cells)
    table.columns = columns
    if total {
      var sums: [String: CellValue] = [:]
      for f in fields.dropFirst() { sums[f] = .number(values.compactMap { $0[f]?.number }.reduce(0, +)) }
      table.total = sums
      table.totalRow = 5 + rows.count
    }
    return table
  }

  static func submission(_ year: Int, _ table: FileReport.Table) -> Submission {
    Submission(
      unit: movement.registry.unit(code: "502")!, year: year, tables: ["CHI_TIEU": table], files: [table.file],
      reportDate: nil)
  }

  func findings(_ submissions: [Submission], history: [YearFigures] = []) -> [String] {
    OutlierChecks(movement: Self.movement, keys: Self.keys).findings(submissions, history: history, years: [2017])
      .map { "\($0.location.cell?.description ?? "-") \($0.values["rule"] ?? "")" }
  }

  @Test func aReductionFarAboveTheAreasMinimumAndExitsOverTheStartAreFlagged() {
    // 10 % → 4 %: a fall of 6 points (over 3 × 1,5) and of more than half the start rate;
    // Thôn B says 60 left poverty of its 50 poor.
    let year = Self.table(
      "x-2017.xlsx", [("Thôn A", 1000, 150, 110, 40), ("Thôn B", 1000, 50, 60, 40)], total: true)
    let got = findings([Self.submission(2017, year)])
    // The table has no rate column: the rate's finding is at the end-of-year count.
    #expect(got == ["F7 rate-drop,reduction-over-minimum", "E6 exits-over-start"])
  }

  @Test func withoutATotalRowTheSumsAreFoundAtTheColumnTitles() {
    let before = Self.table("x-2016.xlsx", [("Thôn A", 1000, 60, 20, 50), ("Thôn B", 1000, 60, 20, 50)], total: false)
    // Households of both areas up by half: each row flagged, and the sum at C4.
    let now = Self.table("x-2017.xlsx", [("Thôn A", 1500, 50, 10, 45), ("Thôn B", 1500, 50, 10, 45)], total: false)
    let got = findings([Self.submission(2016, before), Self.submission(2017, now)])
    #expect(got == ["C4 household-jump", "C5 household-jump", "C6 household-jump"])
  }

  /// Two rows of 1e308 households sum past the largest double: no figures, no finding,
  /// nothing JSON cannot hold.
  @Test func figuresPastTheLargestDoubleAreLeftOut() throws {
    let huge = Self.table(
      "x-2017.xlsx", [("Thôn A", 1e308, 1e308, 0, 1e308), ("Thôn B", 1e308, 1, 0, 1)], total: false)
    let figures = YearFigures.of([Self.submission(2017, huge)], movement: Self.movement, keys: Self.keys)
    #expect(figures.isEmpty)
    _ = findings([Self.submission(2016, huge), Self.submission(2017, huge)])
  }

  @Test func aSteadyDeclineIsNoOutlierAndHistoryFillsMissingYears() throws {
    // Four years each ending at 0,7 of its start; the fifth the same: nothing.
    func year(_ y: Int, _ start: Double) -> FileReport.Table {
      Self.table("x-\(y).xlsx", [("Thôn A", 1000, start, start * 0.3, start * 0.7)], total: true)
    }
    let history = (2013...2016).compactMap {
      YearFigures(
        unit: "502", year: $0, table: year($0, 100 * pow(0.7, Double($0 - 2013))),
        role: Self.movement.forms["CHI_TIEU"]?.role, keys: Self.keys, areas: [])
    }
    #expect(findings([Self.submission(2017, year(2017, 34.3))], history: history).isEmpty)
    // The same year ending at 0,52 of its start breaks the band of the four before it.
    let steep = Self.table("x-2017.xlsx", [("Thôn A", 1000, 34.3, 16.46, 17.84)], total: true)
    #expect(findings([Self.submission(2017, steep)], history: history) == ["F6 unusual-change"])
  }
}
