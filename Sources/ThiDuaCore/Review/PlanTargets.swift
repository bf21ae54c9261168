public import SheetIO

/// One target of plan I.1 for a district or the province in one year: the yearly
/// reduction against the area's minimum, and in the last year the 2020 rate and the
/// income growth (docs/review.md).
public struct TargetRow: Sendable {
  public enum Status: String, Sendable { case met, notMet = "not-met", noData = "no-data" }

  /// A district's code, or `TINH` for the province.
  public var code: String
  public var name: String
  public var year: Int
  public var area: String?
  public var startRate: Double?
  public var endRate: Double?
  public var reduction: Double?
  /// The strictest minimum yearly reduction that applies (I.1).
  public var minimum: Double?
  public var status: Status
  /// The yearly reduction the People's Council and Committee assigned to the unit
  /// (`chi_tieu_giam_duoc_giao`), the yardstick of criterion b4, which scores; the plan's
  /// minimum above is I.1's, which does not.
  public var assigned: Double?
  public var assignedStatus: Status?
  /// A row of the period's mean yearly reduction (over the years with figures), not of
  /// one year: I.1 speaks of the mean.
  public var isPeriodMean = false
  /// The 2020 rate target (below this rate), in the final year only.
  public var rateTarget: Double?
  public var rateTargetStatus: Status?
  /// Income in the final year ÷ income in the base year (target ×1.5).
  public var incomeRatio: Double?
  public var incomeStatus: Status?
  public var source: Location?
}

/// Plan I.1 measured from the district submissions, aggregated for the province: the
/// districts' area-figures tables against `thresholds.json`. A movement without that
/// file has no targets, and no rows.
struct PlanTargets {
  let movement: MovementDefinition

  func rows(_ submissions: [Submission], years: [Int], finalReview: Bool) -> [TargetRow] {
    guard let thresholds = movement.thresholds else { return [] }
    let districts = movement.registry.units.filter { $0.category == "HUYEN" }
    var figures: [String: [Int: (PovertyFigures, Location)]] = [:]
    for s in submissions where s.unit.category == "HUYEN" {
      if let (_, table) = s.table(.areaFigures, in: movement), let f = PovertyFigures(table) {
        figures[s.unit.code, default: [:]][s.year] = (f, Location(file: table.file, sheet: table.sheet))
      }
    }
    var out: [TargetRow] = []
    for year in years {
      for d in districts {
        let minimum = minimumReduction(areas: [d.areaType, d.poorArea].compactMap { $0 })
        var row = TargetRow(code: d.code, name: d.name, year: year, area: d.areaType, minimum: minimum, status: .noData)
        if let (f, source) = figures[d.code]?[year] {
          row.startRate = f.startRate
          row.endRate = f.endRate
          row.reduction = f.reduction
          row.source = source
          if let minimum { row.status = f.reduction >= minimum ? .met : .notMet }
          if let target = f.target {
            row.assigned = target
            row.assignedStatus = f.reduction >= target ? .met : .notMet
          }
        }
        if finalReview && year == years.last {
          addFinalTargets(&row, district: d, thresholds: thresholds, figures: figures[d.code] ?? [:])
        }
        out.append(row)
      }
      out.append(province(year, districts: districts, figures: figures))
    }
    if years.count > 1 { out += periodMeans(out, years: years) }
    return out
  }

  /// Each district's and the province's mean yearly reduction over the period's years
  /// that have figures, against the same minimum.
  private func periodMeans(_ rows: [TargetRow], years: [Int]) -> [TargetRow] {
    var order: [String] = []
    var byUnit: [String: [TargetRow]] = [:]
    for r in rows {
      if byUnit[r.code] == nil { order.append(r.code) }
      byUnit[r.code, default: []].append(r)
    }
    return order.map { code in
      let own = byUnit[code]!
      var mean = TargetRow(
        code: code, name: own[0].name, year: years.last ?? own[0].year, area: own[0].area, minimum: own[0].minimum,
        status: .noData)
      mean.isPeriodMean = true
      mean.startRate = own.first?.startRate
      mean.endRate = own.last?.endRate
      let reductions = own.compactMap(\.reduction)
      mean.reduction = reductions.isEmpty ? nil : (reductions.reduce(0, +) / Double(reductions.count)).hundredths
      if let r = mean.reduction, let minimum = mean.minimum { mean.status = r >= minimum ? .met : .notMet }
      return mean
    }
  }

  /// The strictest (largest) minimum among the areas a unit belongs to.
  func minimumReduction(areas: [String]) -> Double? { movement.thresholds?.minimumReduction(areas: areas) }

  private func addFinalTargets(
    _ row: inout TargetRow, district: RegistryUnit, thresholds: ThresholdsFile,
    figures: [Int: (PovertyFigures, Location)]
  ) {
    if let target = thresholds.targets2020.first(where: { $0.area == district.areaType }) {
      row.rateTarget = target.maximumRate
      if let end = row.endRate {
        let ok = target.strict == true ? end < target.maximumRate : end <= target.maximumRate
        row.rateTargetStatus = ok ? .met : .notMet
      } else {
        row.rateTargetStatus = .noData
      }
    }
    let growth = thresholds.incomeGrowth2020
    if let now = figures[row.year]?.0.income, let base = figures[growth.baseYear]?.0.income, base > 0 {
      row.incomeRatio = (now / base).hundredths
      row.incomeStatus = now / base >= growth.factor ? .met : .notMet
    } else {
      row.incomeStatus = .noData
    }
  }

  private func province(
    _ year: Int, districts: [RegistryUnit], figures: [String: [Int: (PovertyFigures, Location)]]
  ) -> TargetRow {
    let reported = districts.compactMap { figures[$0.code]?[year]?.0 }
    let province = movement.registry.units.first { $0.category == "TINH" }
    var row = TargetRow(
      code: province?.code ?? "TINH", name: province?.name ?? "Tỉnh", year: year, area: "tinh",
      minimum: minimumReduction(areas: ["tinh"]), status: .noData)
    // Only a full set of districts measures the province.
    guard reported.count == districts.count, !reported.isEmpty else { return row }
    let households = reported.reduce(0) { $0 + $1.households }
    let start = reported.reduce(0) { $0 + $1.startRate * $1.households / 100 }
    let end = reported.reduce(0) { $0 + $1.poorAtEnd }
    row.startRate = (start / households * 100).hundredths
    row.endRate = (end / households * 100).hundredths
    row.reduction = (row.startRate! - row.endRate!).hundredths
    if let minimum = row.minimum { row.status = row.reduction! >= minimum ? .met : .notMet }
    return row
  }
}
