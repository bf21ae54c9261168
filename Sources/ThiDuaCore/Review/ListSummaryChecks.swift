import SheetIO

/// Ties a commune's household review list to its own summary table, village by village:
/// the households the list records as poor, near-poor or out of poverty must be the
/// counts its area-figures form states for that village (`list-summary-mismatch`, at the
/// summary's cell, naming the list's column). Which count is which field is the list
/// form's `summaryFields` (docs/households.md).
struct ListSummaryChecks {
  let movement: MovementDefinition
  let keys: AreaKeys

  func findings(_ submissions: [Submission]) -> [Finding] {
    var out: [Finding] = []
    for s in submissions {
      // A template's list sheet left empty is no list: only one with households is compared.
      guard let (listForm, list) = s.table(.householdList, in: movement), list.dataRows > 0,
        let counts = list.households, !counts.villages.isEmpty,
        let fields = listForm.role?.summaryFields, let (summaryForm, summary) = s.table(.areaFigures, in: movement)
      else { continue }
      let byVillage = Dictionary(
        counts.villages.map { (villageKey($0.key), $0.value) }, uniquingKeysWith: Self.adding)
      let classColumn = listForm.role?.recordedClass.flatMap { list.columns[$0] }
      for (row, cells) in zip(summary.rows, summary.cells) {
        guard let name = summaryForm.role?.areaName.flatMap({ row[$0]?.text }) else { continue }
        let village = byVillage[villageKey(name)] ?? HouseholdListCheck.Counts()
        for (recordedCode, field) in fields.sorted(by: { $0.key < $1.key }) {
          guard let recorded = HouseholdListCheck.Recorded(rawValue: recordedCode), let stated = row[field]?.number
          else { continue }
          let listed = village.recorded[recorded] ?? 0
          guard Double(listed) != stated else { continue }
          var values = [
            "village": name, "class": recordedCode, "field": summaryForm.field(field)?.title ?? field,
            "seen": stated.hundredthsText, "expected": String(listed), "list_file": list.file,
            "list_sheet": list.sheet,
          ]
          if let classColumn { values["list_column"] = CellAddress.columnName(classColumn) }
          out.append(
            Finding(
              code: "list-summary-mismatch", severity: .error,
              location: Location(file: summary.file, sheet: summary.sheet, cell: cells[field]), values: values))
        }
      }
    }
    return out
  }

  /// A household code in the lists of two communes: the same household counted twice
  /// (`household-in-two-communes`, at the later list's cell, naming the first). Codes
  /// are compared as written; within one list a repeated code is `duplicate-household`.
  func householdsInTwoCommunes(_ submissions: [Submission]) -> [Finding] {
    // Year → code → the list it came first in and its row: a list by its index, so that a
    // province's million codes hold no more than two numbers each.
    var first: [Int: [String: (list: Int, row: Int)]] = [:]
    var out: [Finding] = []
    let lists = submissions.compactMap { s in s.table(.householdList, in: movement).map { (s, $0.form, $0.table) } }
      .sorted { ($0.0.year, $0.0.unit.code) < ($1.0.year, $1.0.unit.code) }
    for (index, (s, form, list)) in lists.enumerated() {
      let column = form.role?.household.flatMap { list.columns[$0] }
      for (code, row) in (list.households?.households ?? [:]).sorted(by: { $0.value < $1.value }) {
        guard let earlier = first[s.year]?[code] else {
          first[s.year, default: [:]][code] = (index, row)
          continue
        }
        let (other, _, otherList) = lists[earlier.list]
        guard other.unit.code != s.unit.code else { continue }
        out.append(
          Finding(
            code: "household-in-two-communes", severity: .error,
            location: Location(
              file: list.file, sheet: list.sheet, cell: column.map { CellAddress(row: row, column: $0) }),
            values: [
              "household": code, "unit": s.unit.name, "other_unit": other.unit.name, "other_file": otherList.file,
              "other_row": String(earlier.row),
            ]))
      }
    }
    return out
  }

  /// A village as both tables name it, folded and without its administrative word.
  private func villageKey(_ name: String) -> String {
    UnitIdentifier.stripPrefixes(TextFolding.fold(name), keys.identifier.vocabulary)
  }

  private static func adding(_ a: HouseholdListCheck.Counts, _ b: HouseholdListCheck.Counts)
    -> HouseholdListCheck.Counts
  {
    var sum = a
    sum.households += b.households
    sum.mismatches += b.mismatches
    sum.recorded.merge(b.recorded, uniquingKeysWith: +)
    sum.computed.merge(b.computed, uniquingKeysWith: +)
    return sum
  }
}
