import SheetIO

extension SubmissionReader {
  /// The file's year from every line, header and field that states one; then each
  /// sheet's own, so that a sheet of another year (last year's table) is set aside.
  func decideYear(_ lines: [TitleLine], markers: TemplateMarkers, _ result: inout IntakeResult) {
    let finder = YearFinder(vocabulary: vocabulary)
    let template = templateYearEvidence(markers, &result)
    var evidence = template.evidence + lines.flatMap { finder.evidence(in: $0, file: result.file) }
    for sheet in result.sheets {
      let grid = sheet.grid
      let hidden = grid.sheet.state != .visible
      for line in lines where line.sheet == grid.sheet.name && vocabulary.reportYearLabels.contains(line.folded) {
        // `Năm báo cáo` | `2017` in two cells.
        guard let cell = line.cell, let n = grid.value(cell.row, cell.column + 1).number,
          let year = finder.year(Substring(String(Int(exactly: n) ?? 0)))
        else { continue }
        evidence.append(
          Evidence(
            rule: "report-year-label", text: line.text,
            location: Location(
              file: result.file, sheet: grid.sheet.name, cell: CellAddress(row: cell.row, column: cell.column + 1)),
            value: String(year), weight: YearFinder.labelWeight))
      }
      for table in sheet.tables {
        if let found = headerYear(table, grid, finder) {
          evidence.append(
            Evidence(
              rule: "header-year", text: found.text,
              location: Location(file: result.file, sheet: grid.sheet.name, cell: found.cell),
              value: String(found.year), weight: hidden ? 1 : YearFinder.headerWeight))
        }
      }
      if let keyValue = sheet.keyValue, let field = keyValue.form.role?.year, let stated = keyValue.values[field],
        let n = numberValue(stated.value),
        let year = finder.year(Substring(String(Int(exactly: n) ?? 0)))
      {
        evidence.append(
          Evidence(
            rule: "report-year-field", text: CanonicalCSV.text(stated.value),
            location: Location(file: result.file, sheet: grid.sheet.name, cell: stated.cell), value: String(year),
            weight: YearFinder.fieldWeight))
      }
    }
    if let date = result.reportDate {
      // Signed by June: most likely about the year before.
      let c = date.components
      evidence.append(
        Evidence(
          rule: "signing-date", text: VietnameseDate.text(date), location: result.reportDateSource,
          value: String(c.month <= 6 ? c.year - 1 : c.year), weight: YearFinder.signingHint))
    }
    // A hidden sheet (last year's table kept out of sight) does not decide the file's
    // year, unless the forms are on hidden sheets only (a cover sheet in front).
    let visibleForms = result.sheets.contains {
      $0.grid.sheet.state == .visible && (!$0.tables.isEmpty || $0.keyValue != nil)
    }
    let hiddenSheets =
      visibleForms ? Set(result.sheets.filter { $0.grid.sheet.state != .visible }.map(\.grid.sheet.name)) : []
    let decision = finder.decide(evidence.filter { $0.location?.sheet.map { !hiddenSheets.contains($0) } ?? true })
    result.year = decision.year
    result.yearEvidence = decision.evidence
    result.yearConflict = decision.conflict
    let statedInForm = evidence.contains {
      ["report-year-field", "report-year-label"].contains($0.rule) && $0.value == decision.year.map(String.init)
    }
    if let missing = template.missing, !statedInForm { result.findings.append(missing) }
    guard let fileYear = decision.year else { return }
    for index in result.sheets.indices
    where !result.sheets[index].tables.isEmpty || result.sheets[index].keyValue != nil {
      let name = result.sheets[index].grid.sheet.name
      let own = evidence.filter { $0.location?.sheet == name && $0.rule != "signing-date" }
      let sheetDecision = finder.decide(own)
      let strongest = own.filter { $0.value == sheetDecision.year.map(String.init) }.map(\.weight).max() ?? 0
      if let year = sheetDecision.year, year != fileYear, strongest >= 1 {
        result.sheets[index].otherYear = year
        result.findings.append(
          Finding(
            code: "other-year-sheet", severity: .info, location: Location(file: result.file, sheet: name),
            values: ["seen": String(year), "expected": String(fileYear)]))
      }
    }
  }

  /// The latest year a table's header names with `năm` (`Số hộ nghèo cuối năm 2017`).
  private func headerYear(_ table: DetectedTable, _ grid: SheetGrid, _ finder: YearFinder) -> (
    year: Int, text: String, cell: CellAddress
  )? {
    var best: (year: Int, text: String, cell: CellAddress)?
    for row in table.headerRows {
      for cell in grid.cells(inRow: row) {
        guard case .text(let text) = cell.value else { continue }
        let words = TextFolding.fold(text).split(separator: " ")
        for (i, word) in words.enumerated() where i > 0 && words[i - 1] == "nam" {
          if let year = finder.year(word), year > (best?.year ?? 0) {
            best = (year, text, cell.address)
          }
        }
      }
    }
    return best
  }

  /// The report date: the form's own field, else a labelled date or the date line of the
  /// sheets with forms, visible ones first.
  func decideReportDate(_ result: inout IntakeResult) {
    for sheet in result.sheets {
      if let keyValue = sheet.keyValue, let field = keyValue.form.role?.reportDate, let stated = keyValue.values[field]
      {
        let date: ExcelDate?
        switch stated.value {
        case .date(let d): date = d
        case .text(let t): date = VietnameseDate.serial(t).map { ExcelDate(serial: $0, uses1904: false) }
        default: date = nil
        }
        if let date {
          result.reportDate = date
          result.reportDateSource = Location(file: result.file, sheet: sheet.grid.sheet.name, cell: stated.cell)
          result.reportDateRule = "report-date-field"
          return
        }
      }
    }
    let finder = ReportDateFinder(vocabulary: vocabulary)
    let ordered = result.sheets.sorted { a, b in
      let ra = (a.grid.sheet.state == .visible ? 0 : 2) + (a.tables.isEmpty && a.keyValue == nil ? 1 : 0)
      let rb = (b.grid.sheet.state == .visible ? 0 : 2) + (b.tables.isEmpty && b.keyValue == nil ? 1 : 0)
      return ra != rb ? ra < rb : a.grid.sheet.index < b.grid.sheet.index
    }
    for sheet in ordered {
      let titleRows = sheet.tables.first?.headerRows.lowerBound ?? vocabulary.limits.titleRows
      let dataRows = Set(sheet.tables.flatMap(\.dataRows))
      if let found = finder.find(in: sheet.grid, titleRows: titleRows, dataRows: dataRows) {
        result.reportDate = found.date
        result.reportDateSource = Location(file: result.file, sheet: sheet.grid.sheet.name, cell: found.cell)
        result.reportDateRule = found.rule
        return
      }
    }
  }

  private func numberValue(_ value: CellValue) -> Double? {
    switch value {
    case .number(let n): return n
    case .text(let t): return TypedText(t, numeric: true).value.number
    default: return nil
    }
  }
}
