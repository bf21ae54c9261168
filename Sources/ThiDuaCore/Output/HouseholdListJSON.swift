import SheetIO

/// One commune's household list of a year in `report.json` (`householdLists[]`): what it
/// held per village by the class it records and by the class recomputed, and whether the
/// review it shows holds (`HouseholdListAccuracy`).
struct HouseholdListJSON: Encodable {
  struct Village: Encodable {
    /// As the list writes it; `""` for rows without a village.
    var name: String
    var households: Int
    /// Households by recorded class: `ngheo`, `can_ngheo`, `thoat_ngheo`, `khong`.
    var recorded: [String: Int]
    /// Households by the class the standard gives: `ngheo`, `can_ngheo`, `khong`.
    var computed: [String: Int]
    var mismatches: Int
  }

  var unit: String
  var year: Int
  var file: String
  var sheet: String?
  var households: Int
  var accurate: Bool
  var misclassified: Int
  var summaryCells: Int
  var otherDefects: Int
  var villages: [Village]

  /// Every list of the review's submissions, by year and unit.
  static func all(_ r: ReviewResult, movement: MovementDefinition) -> [HouseholdListJSON] {
    let defects = HouseholdListAccuracy.defectsByFile(r.findings)
    return r.submissions.sorted { ($0.year, $0.unit.code) < ($1.year, $1.unit.code) }.compactMap { s in
      guard let list = s.table(.householdList, in: movement)?.table, let counts = list.households,
        let accuracy = HouseholdListAccuracy(s, defectsByFile: defects, movement: movement)
      else { return nil }
      let villages = counts.villages.sorted { $0.key < $1.key }.map { name, c in
        Village(
          name: name, households: c.households,
          recorded: Dictionary(uniqueKeysWithValues: c.recorded.map { ($0.key.rawValue, $0.value) }),
          computed: Dictionary(uniqueKeysWithValues: c.computed.map { ($0.key.rawValue, $0.value) }),
          mismatches: c.mismatches)
      }
      return HouseholdListJSON(
        unit: s.unit.code, year: s.year, file: list.file, sheet: list.sheet, households: accuracy.households,
        accurate: accuracy.isAccurate, misclassified: accuracy.misclassified, summaryCells: accuracy.summaryCells,
        otherDefects: accuracy.otherDefects, villages: villages)
    }
  }
}
