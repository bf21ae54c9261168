import SheetIO

/// Checks a year's poverty table against the same unit's table of the year before, when
/// the inbox holds both: each area's poor households at the start of the year must be
/// those at the end of the last (`start-mismatch`), and the stated start-of-year rate
/// must be those households over last year's household count (`rate-mismatch`), which
/// the form itself cannot give (DOMAIN, CHI_TIEU). The tables are those of the
/// unit's area-figures form.
struct CrossYearChecks {
  let movement: MovementDefinition
  /// Areas are the same area when they are the same registry unit, however each year
  /// writes them (a code one year, `Xã Cẩm Thanh` the next).
  let keys: AreaKeys
  /// Allowed difference between a stated rate and the computed one, in percentage points.
  var tolerance = 0.01

  func findings(_ submissions: [Submission]) -> [Finding] {
    let byKey = Dictionary(
      submissions.map { ("\($0.unit.code)|\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
    var out: [Finding] = []
    for s in submissions {
      guard let (form, table) = s.table(.areaFigures, in: movement),
        let (_, previous) = byKey["\(s.unit.code)|\(s.year - 1)"]?.table(.areaFigures, in: movement)
      else { continue }
      let areas = keys.identifier.registry.children(of: s.unit.code)
      var lastYear: [String: [String: CellValue]] = [:]
      for row in previous.rows {
        for key in keys.of(row, among: areas, role: form.role) { lastYear[key] = row }
      }
      for (row, cells) in zip(table.rows, table.cells) {
        guard let before = keys.of(row, among: areas, role: form.role).lazy.compactMap({ lastYear[$0] }).first,
          let start = row["ho_ngheo_dau_nam"]?.number
        else { continue }
        let location = { (field: String) in Location(file: table.file, sheet: table.sheet, cell: cells[field]) }
        if let end = before["ho_ngheo_cuoi_nam"]?.number, end != start {
          out.append(
            Finding(
              code: "start-mismatch", severity: .warning, location: location("ho_ngheo_dau_nam"),
              values: [
                "seen": start.hundredthsText, "expected": end.hundredthsText, "year": String(s.year - 1),
                "file2": previous.file,
              ]))
        }
        if let stated = row["ty_le_ngheo_dau_nam"]?.number, let households = before["tong_so_ho"]?.number,
          households > 0
        {
          let computed = (start / households * 100).hundredths
          if abs(stated - computed) > tolerance + 1e-9 {
            out.append(
              Finding(
                code: "rate-mismatch", severity: .warning, location: location("ty_le_ngheo_dau_nam"),
                values: [
                  "seen": stated.hundredthsText, "expected": computed.hundredthsText,
                  "field": "Tỷ lệ hộ nghèo đầu năm (%), trên tổng số hộ cuối năm \(s.year - 1)",
                ]))
          }
        }
      }
    }
    return out
  }
}
