import SheetIO

/// Ties a commune's household review list to its own summary table, village by village,
/// and to its district's table, in all: the households the list records as poor,
/// near-poor or out of poverty must be the counts the area-figures form states for that
/// village or commune (`list-summary-mismatch`, at the summary's cell, naming the list's
/// column). Which count is which field is the list form's `summaryFields`
/// (docs/households.md).
struct ListSummaryChecks {
  let movement: MovementDefinition
  let keys: AreaKeys

  func findings(_ submissions: [Submission]) -> [Finding] {
    communeFindings(submissions) + districtFindings(submissions)
  }

  /// A commune's list against its own summary, village by village.
  private func communeFindings(_ submissions: [Submission]) -> [Finding] {
    var out: [Finding] = []
    for s in submissions {
      guard let list = list(of: s), let (summaryForm, summary) = s.table(.areaFigures, in: movement) else { continue }
      let byVillage = Dictionary(
        list.counts.villages.map { (villageKey($0.key), $0.value) }, uniquingKeysWith: Self.adding)
      for (row, cells) in zip(summary.rows, summary.cells) {
        guard let name = summaryForm.role?.areaName.flatMap({ row[$0]?.text }) else { continue }
        out += compare(
          row, cells, named: name, with: byVillage[villageKey(name)] ?? HouseholdListCheck.Counts(), list,
          summaryForm, summary)
      }
    }
    return out
  }

  /// A district's table against its communes' lists: the row of each commune that sent a
  /// list of the year states what the whole list records (`list-summary-mismatch` at the
  /// district's cell, naming the commune's list).
  private func districtFindings(_ submissions: [Submission]) -> [Finding] {
    var lists: [String: SentList] = [:]
    for s in submissions { if let list = list(of: s) { lists["\(s.year)/\(s.unit.code)"] = list } }
    guard !lists.isEmpty else { return [] }
    var out: [Finding] = []
    for s in submissions {
      guard let (summaryForm, summary) = s.table(.areaFigures, in: movement) else { continue }
      let communes = movement.registry.children(of: s.unit.code)
      guard !communes.isEmpty else { continue }
      for (row, cells) in zip(summary.rows, summary.cells) {
        guard let name = summaryForm.role?.areaName.flatMap({ row[$0]?.text }),
          let commune = keys.unit(of: row, among: communes, role: summaryForm.role),
          let list = lists["\(s.year)/\(commune.code)"]
        else { continue }
        let whole = list.counts.villages.values.reduce(HouseholdListCheck.Counts(), Self.adding)
        out += compare(row, cells, named: name, with: whole, list, summaryForm, summary)
      }
    }
    return out
  }

  /// A submission's household list with households, its form and counts: a template's
  /// list sheet left empty is no list.
  private struct SentList {
    var form: FormSchema
    var table: FileReport.Table
    var counts: HouseholdListCheck.Summary
    var fields: [String: String]
  }

  private func list(of s: Submission) -> SentList? {
    guard let (form, table) = s.table(.householdList, in: movement), table.dataRows > 0,
      let counts = table.households, !counts.villages.isEmpty, let fields = form.role?.summaryFields
    else { return nil }
    return SentList(form: form, table: table, counts: counts, fields: fields)
  }

  /// One summary row (an area named `name`) against the households a list records there.
  private func compare(
    _ row: [String: CellValue], _ cells: [String: CellAddress], named name: String,
    with counts: HouseholdListCheck.Counts, _ list: SentList, _ summaryForm: FormSchema, _ summary: FileReport.Table
  ) -> [Finding] {
    let classColumn = list.form.role?.recordedClass.flatMap { list.table.columns[$0] }
    var out: [Finding] = []
    for (recordedCode, field) in list.fields.sorted(by: { $0.key < $1.key }) {
      guard let recorded = HouseholdListCheck.Recorded(rawValue: recordedCode), let stated = row[field]?.number
      else { continue }
      let listed = counts.recorded[recorded] ?? 0
      guard Double(listed) != stated else { continue }
      var values = [
        "village": name, "class": recordedCode, "field": summaryForm.field(field)?.title ?? field,
        "seen": stated.hundredthsText, "expected": String(listed), "list_file": list.table.file,
        "list_sheet": list.table.sheet,
      ]
      if let classColumn { values["list_column"] = CellAddress.columnName(classColumn) }
      out.append(
        Finding(
          code: "list-summary-mismatch", severity: .error,
          location: Location(file: summary.file, sheet: summary.sheet, cell: cells[field]), values: values))
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
