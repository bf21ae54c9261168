import Foundation
public import SheetIO

/// One unit's poverty figures in one year (its area-figures table's totals and each area's
/// households): the history the outlier checks compare a year with. report.json keeps
/// them (`figures`), so that next year's run can read this year's back (`--history`).
public struct YearFigures: Sendable, Codable, Hashable {
  public struct Area: Sendable, Codable, Hashable {
    /// The keys the area is known by (AreaKeys), to find it again another year.
    public var keys: [String]
    public var name: String
    public var households: Double
  }

  public var unit: String
  public var year: Int
  public var households: Double
  public var poorAtStart: Double
  public var poorAtEnd: Double
  public var exits: Double?
  public var startRate: Double
  public var endRate: Double
  public var areas: [Area]
  /// The file the figures come from.
  public var file: String

  /// The figures of `table`, the unit's area-figures table (of a form with `role`); nil
  /// when it has no totals to give.
  init?(
    unit: String, year: Int, table: FileReport.Table, role: FormRole?, keys: AreaKeys, areas: [RegistryUnit]
  ) {
    // A sum past the largest double is no figure to compare, nor one JSON can hold.
    guard let f = PovertyFigures(table),
      [f.households, f.poorAtStart, f.poorAtEnd, f.startRate.hundredths, f.endRate.hundredths].allSatisfy(\.isFinite)
    else { return nil }
    self.unit = unit
    self.year = year
    households = f.households
    poorAtStart = f.poorAtStart
    poorAtEnd = f.poorAtEnd
    let exits = table.rows.compactMap { $0["ho_thoat_ngheo"]?.number }
    self.exits =
      (table.total?["ho_thoat_ngheo"]?.number ?? (exits.count == table.rows.count ? exits.reduce(0, +) : nil))
      .flatMap { $0.isFinite ? $0 : nil }
    startRate = f.startRate.hundredths
    endRate = f.endRate.hundredths
    self.areas = table.rows.compactMap { row in
      guard let households = row["tong_so_ho"]?.number, households.isFinite else { return nil }
      let name = role?.areaName.flatMap { row[$0]?.text } ?? ""
      return Area(keys: keys.of(row, among: areas, role: role), name: name, households: households)
    }
    file = table.file
  }

  /// Every unit's figures of every year the inbox holds.
  static func of(_ submissions: [Submission], movement: MovementDefinition, keys: AreaKeys) -> [YearFigures] {
    submissions.compactMap { s in
      s.table(.areaFigures, in: movement).flatMap {
        YearFigures(
          unit: s.unit.code, year: s.year, table: $0.table, role: $0.form.role, keys: keys,
          areas: keys.identifier.registry.children(of: s.unit.code))
      }
    }
  }

  /// The figures recorded in the report.json files of `folder` (each `*.json` in it or in
  /// its subfolders, such as `2017/report.json`); files that are no thidua report are
  /// passed over.
  public static func history(folder: String) -> [YearFigures] {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    let paths = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
    return paths.flatMap { ReportFile.read((folder as NSString).appendingPathComponent($0))?.report.figures ?? [] }
  }
}
