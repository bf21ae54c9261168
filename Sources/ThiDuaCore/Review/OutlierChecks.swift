import SheetIO

/// Year-over-year outliers: a unit's poverty figure set against the unit's own history
/// (DHIS2's idea of an outlier), from the other years in the inbox and the report.json
/// files of `--history`. Each is an `outlier` warning at the figure's cell, with the
/// history that makes it unusual; the thresholds are data (`OutlierRules`).
struct OutlierChecks {
  let movement: MovementDefinition
  let keys: AreaKeys
  var rules: OutlierRules { movement.thresholds?.outliers ?? .defaults }

  /// Findings on the submissions of `years`; `history` fills the years the inbox lacks.
  func findings(_ submissions: [Submission], history: [YearFigures], years: Set<Int>) -> [Finding] {
    var byUnit: [String: [Int: YearFigures]] = [:]
    for f in history where byUnit[f.unit]?[f.year] == nil { byUnit[f.unit, default: [:]][f.year] = f }
    for f in YearFigures.of(submissions, movement: movement, keys: keys) { byUnit[f.unit, default: [:]][f.year] = f }
    var out: [Finding] = []
    for s in submissions where years.contains(s.year) {
      guard let (form, table) = s.table(.areaFigures, in: movement), let now = byUnit[s.unit.code]?[s.year]
      else { continue }
      let past = (byUnit[s.unit.code] ?? [:]).values.filter { $0.year < s.year }.sorted { $0.year < $1.year }
      out += unitFindings(now, past: past, table: table, unit: s.unit)
      out += areaFindings(
        table, role: form.role, unit: s.unit, year: s.year, previous: past.last { $0.year == s.year - 1 })
    }
    return out
  }

  /// The unit's totals: its household count, its rates, its exits.
  private func unitFindings(_ now: YearFigures, past: [YearFigures], table: FileReport.Table, unit: RegistryUnit)
    -> [Finding]
  {
    // Without a total row the totals are the rows' sums, found at the column's title.
    let summed = table.totalRow == nil
    func finding(_ field: String, _ values: [String: String]) -> Finding {
      let column = table.columns[field] ?? table.cells.first?[field]?.column ?? 1
      let cell = CellAddress(row: table.totalRow ?? table.headerRows.upperBound, column: column)
      var values = values
      values["field"] = field
      values["year"] = String(now.year)
      if summed { values["total"] = "sum" }
      return Finding(
        code: "outlier", severity: .warning, location: Location(file: table.file, sheet: table.sheet, cell: cell),
        values: values)
    }
    var out: [Finding] = []
    if let last = past.last, last.year == now.year - 1,
      let jump = householdJump(now.households, last.households)
    {
      out.append(
        finding(
          "tong_so_ho",
          jump.merging(["history": Self.history(past.map { ($0.year, [$0.households]) })]) { a, _ in a }))
    }
    var rate: [String] = []
    var values: [String: String] = [
      "start": now.startRate.hundredthsText, "end": now.endRate.hundredthsText,
      "history": Self.history(past.map { ($0.year, [$0.startRate, $0.endRate]) }),
    ]
    if now.startRate >= rules.rateDropMinimumStart, now.endRate <= now.startRate * (1 - rules.rateDrop) + 1e-9 {
      rate.append("rate-drop")
      values["limit"] = CanonicalCSV.numberText(rules.rateDrop * 100)
    }
    let reduction = (now.startRate - now.endRate).hundredths
    if let minimum = PlanTargets(movement: movement).minimumReduction(
      areas: [unit.areaType, unit.poorArea].compactMap { $0 }),
      minimum > 0, reduction > minimum * rules.reductionTimesMinimum + 1e-9
    {
      rate.append("reduction-over-minimum")
      values["reduction"] = reduction.hundredthsText
      values["minimum"] = CanonicalCSV.numberText(minimum)
      values["times"] = CanonicalCSV.numberText(rules.reductionTimesMinimum)
    }
    let ratios = past.filter { $0.startRate > 0 }.map { $0.endRate / $0.startRate }
    if ratios.count >= rules.minimumHistory, now.startRate > 0 {
      let ratio = now.endRate / now.startRate
      let median = Self.median(ratios)
      let spread = Self.median(ratios.map { abs($0 - median) })
      let deviation = abs(ratio - median)
      if deviation >= rules.minimumDeviation, spread == 0 || 0.6745 * deviation / spread > rules.modifiedZ {
        rate.append("unusual-change")
        values["ratio"] = (ratio * 100).hundredthsText
        values["median"] = (median * 100).hundredthsText
      }
    }
    if !rate.isEmpty {
      values["rule"] = rate.joined(separator: ",")
      // A table without a rate column gives the rate by its end-of-year count.
      let field = table.columns["ty_le_ngheo_cuoi_nam"] == nil ? "ho_ngheo_cuoi_nam" : "ty_le_ngheo_cuoi_nam"
      out.append(finding(field, values))
    }
    // Summed exits over a summed start mean some row's exits exceed its start: the row says it.
    if !summed, let exits = now.exits, exits > now.poorAtStart {
      out.append(
        finding(
          "ho_thoat_ngheo",
          ["rule": "exits-over-start", "seen": exits.hundredthsText, "start": now.poorAtStart.hundredthsText]))
    }
    return out
  }

  /// Each area row: its households against the same area's last year, its exits against its start.
  private func areaFindings(
    _ table: FileReport.Table, role: FormRole?, unit: RegistryUnit, year: Int, previous: YearFigures?
  ) -> [Finding] {
    let areas = keys.identifier.registry.children(of: unit.code)
    var out: [Finding] = []
    for (row, cells) in zip(table.rows, table.cells) {
      let name = role?.areaName.flatMap { row[$0]?.text } ?? ""
      func finding(_ field: String, _ values: [String: String]) -> Finding {
        var values = values
        values["field"] = field
        values["year"] = String(year)
        values["area"] = name
        return Finding(
          code: "outlier", severity: .warning,
          location: Location(file: table.file, sheet: table.sheet, cell: cells[field]), values: values)
      }
      if let households = row["tong_so_ho"]?.number, let previous {
        let mine = Set(keys.of(row, among: areas, role: role))
        if let before = previous.areas.first(where: { !mine.isDisjoint(with: $0.keys) }),
          let jump = householdJump(households, before.households)
        {
          out.append(finding("tong_so_ho", jump))
        }
      }
      if let exits = row["ho_thoat_ngheo"]?.number, let start = row["ho_ngheo_dau_nam"]?.number, exits > start {
        out.append(
          finding(
            "ho_thoat_ngheo", ["rule": "exits-over-start", "seen": exits.hundredthsText, "start": start.hundredthsText])
        )
      }
    }
    return out
  }

  /// The values of a household count that moved too far since last year, or nil.
  private func householdJump(_ now: Double, _ before: Double) -> [String: String]? {
    guard before > 0, abs(now / before - 1) > rules.householdChange + 1e-9 else { return nil }
    return [
      "rule": "household-jump", "seen": now.hundredthsText, "previous": before.hundredthsText,
      "change": ((now / before - 1) * 100).hundredths.rounded().hundredthsText,
      "limit": CanonicalCSV.numberText(rules.householdChange * 100),
    ]
  }

  /// `2016:3.46>2.48;2017:2.48>1.81`: each earlier year's figures, canonical.
  static func history(_ years: [(Int, [Double])]) -> String {
    years.map { "\($0.0):" + $0.1.map(\.hundredthsText).joined(separator: ">") }.joined(separator: ";")
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
