import SheetIO

/// A unit's poverty figures for a year, from its `CHI_TIEU` table: the total row, else
/// the sum of its areas. Rates are the stated ones when given, else computed from the
/// end-of-year households (the form gives no start-of-year count).
public struct PovertyFigures: Sendable {
  public var households: Double
  public var poorAtStart: Double
  public var poorAtEnd: Double
  public var startRate: Double
  public var endRate: Double
  /// The assigned yearly reduction in percentage points, when stated.
  public var target: Double?
  /// Income per person of poor households (thousand VND a year), when stated.
  public var income: Double?

  /// Start rate − end rate, in percentage points, to two decimals.
  public var reduction: Double { (startRate - endRate).hundredths }

  public init?(_ table: FileReport.Table) {
    guard !table.rows.isEmpty else { return nil }
    let totals = table.total ?? Self.sum(table.rows)
    func number(_ key: String) -> Double? { totals[key]?.number }
    guard let households = number("tong_so_ho"), households > 0, let start = number("ho_ngheo_dau_nam"),
      let end = number("ho_ngheo_cuoi_nam")
    else { return nil }
    self.households = households
    poorAtStart = start
    poorAtEnd = end
    startRate = number("ty_le_ngheo_dau_nam") ?? start / households * 100
    endRate = number("ty_le_ngheo_cuoi_nam") ?? end / households * 100
    let firstStated = { (key: String) -> Double? in table.rows.lazy.compactMap { $0[key]?.number }.first }
    target = number("chi_tieu_giam_duoc_giao") ?? firstStated("chi_tieu_giam_duoc_giao")
    income = number("thu_nhap_bq_ho_ngheo") ?? (table.total == nil ? nil : firstStated("thu_nhap_bq_ho_ngheo"))
  }

  /// Column sums of the counts, when every row has them.
  static func sum(_ rows: [[String: CellValue]]) -> [String: CellValue] {
    var result: [String: CellValue] = [:]
    for key in ["tong_so_ho", "ho_ngheo_dau_nam", "ho_ngheo_cuoi_nam"] {
      let values = rows.compactMap { $0[key]?.number }
      if values.count == rows.count { result[key] = .number(values.reduce(0, +)) }
    }
    return result
  }
}
