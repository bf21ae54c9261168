import SheetIO

extension SubmissionReader {
  /// Weight of a template's own unit or year cell: it outweighs any title, note or line.
  static let markerWeight = 100.0

  /// The unit a template's unit cells name, decided before any other evidence; false when
  /// they name none (a template for a whole category left blank, or no markers). A code
  /// the registry does not know, cells that disagree, or a code other than the one the
  /// template was made for is a `template-unit-changed` finding at the cell.
  func decideTemplateUnit(_ markers: TemplateMarkers, _ result: inout IntakeResult) -> Bool {
    let registry = movement.registry
    let typed = markers.unitCells.compactMap { place in
      markerText(place, result).map { (place: place, code: $0) }
    }
    var known: [(place: TemplateMarkers.Place, unit: RegistryUnit)] = []
    for (place, code) in typed {
      if let unit = registry.unit(code: code) {
        known.append((place, unit))
      } else {
        result.findings.append(
          markerFinding("template-unit-changed", place, result, seen: code, expected: markers.templateUnit ?? "–"))
      }
    }
    guard let first = known.first else { return false }
    if let other = known.first(where: { $0.unit.code != first.unit.code }) {
      result.findings.append(
        markerFinding("template-unit-changed", other.place, result, seen: other.unit.code, expected: first.unit.code))
      return false
    }
    if let made = markers.templateUnit, registry.unit(code: made) != nil, made != first.unit.code {
      result.findings.append(
        markerFinding("template-unit-changed", first.place, result, seen: first.unit.code, expected: made))
    }
    result.unit = first.unit
    result.unitEvidence = [
      Evidence(
        rule: "template-unit", text: first.unit.code,
        location: Location(file: result.file, sheet: first.place.sheet, cell: first.place.cell),
        value: first.unit.code, weight: Self.markerWeight)
    ]
    return true
  }

  /// The year typed in a template's year cells, as evidence that outweighs every other;
  /// and, when none holds a year of the movement's range, a `template-year-missing`
  /// finding at the first (the caller keeps it unless the form's own `Năm báo cáo`
  /// field or label gave the year). A cell with something else than a year is one too.
  func templateYearEvidence(_ markers: TemplateMarkers, _ result: inout IntakeResult) -> (
    evidence: [Evidence], missing: Finding?
  ) {
    let finder = YearFinder(vocabulary: vocabulary)
    var evidence: [Evidence] = []
    var missing: [(TemplateMarkers.Place, String)] = []
    for place in markers.yearCells {
      guard let text = markerText(place, result) else {
        missing.append((place, ""))
        continue
      }
      guard let year = finder.year(Substring(text)) else {
        missing.append((place, text))
        continue
      }
      evidence.append(
        Evidence(
          rule: "template-year", text: text,
          location: Location(file: result.file, sheet: place.sheet, cell: place.cell), value: String(year),
          weight: Self.markerWeight))
    }
    // One filled year cell is enough: a clerk types the year once, on the first sheet.
    for (place, seen) in missing where !seen.isEmpty {
      result.findings.append(markerFinding("template-year-missing", place, result, seen: seen, expected: ""))
    }
    let none = evidence.isEmpty && missing.allSatisfy { $0.1.isEmpty }
    return (
      evidence,
      none ? missing.first.map { markerFinding("template-year-missing", $0.0, result, seen: "", expected: "") } : nil
    )
  }

  /// A sheet whose defined names say it holds a form's field codes, on which no form was
  /// read by them: the codes row was changed (`template-fields-changed`).
  func checkTemplateFields(_ markers: TemplateMarkers, _ result: inout IntakeResult) {
    for sheet in result.sheets where markers.fieldSheets.contains(sheet.grid.sheet.name) {
      guard !sheet.tables.contains(where: \.fromTemplate), sheet.keyValue == nil else { continue }
      result.findings.append(
        Finding(
          code: "template-fields-changed", severity: .warning,
          location: Location(file: result.file, sheet: sheet.grid.sheet.name)))
    }
  }

  /// The text of a marked cell (a number as its digits), nil when it is empty or absent.
  private func markerText(_ place: TemplateMarkers.Place, _ result: IntakeResult) -> String? {
    guard let grid = result.sheets.first(where: { $0.grid.sheet.name == place.sheet })?.grid else { return nil }
    let text = CanonicalCSV.text(grid.value(place.cell.row, place.cell.column))
    let trimmed = String(text.filter { !$0.isWhitespace })
    return trimmed.isEmpty ? nil : trimmed
  }

  private func markerFinding(
    _ code: String, _ place: TemplateMarkers.Place, _ result: IntakeResult, seen: String, expected: String
  ) -> Finding {
    Finding(
      code: code, severity: .warning, location: Location(file: result.file, sheet: place.sheet, cell: place.cell),
      values: ["seen": seen, "expected": expected])
  }
}
