import SheetIO

/// A unit taking part in the movement (plan III.1): a department, district, commune …
public struct RegistryUnit: Hashable, Sendable, Codable {
  public var code: String
  public var name: String
  public var aliases: [String]
  /// `SO_NGANH`, `HUYEN`, `XA`, `THON`, `DOANH_NGHIEP` … (docs/movement.md).
  public var category: String
  public var parent: String?
  /// `do_thi`, `dong_bang`, `trung_du`, `mien_nui`; nil when not set.
  public var areaType: String?
  /// `huyen_ngheo`, `xa_ngheo`; nil when not poor.
  public var poorArea: String?
  public var cluster: String?
  /// True for illustrative entries, which are not official.
  public var isSample: Bool
}

/// The units of a movement, read from its `units.csv` (an editable table).
public struct UnitRegistry: Sendable {
  public private(set) var units: [RegistryUnit]

  public init(units: [RegistryUnit]) { self.units = units }

  /// Reads `units.csv`: code, name, aliases (separated by `|`), category, parent,
  /// area_type, poor_area, cluster, sample (any text marks a sample entry). The table is
  /// read as any CSV a unit sends: its encoding (UTF-8 with or without a BOM, UTF-16,
  /// Windows-1258, TCVN3, VNI) and delimiter (`,` `;` tab `|`) found from its bytes, as a
  /// copy saved by Excel on Vietnamese Windows needs; every field stays text, so that a
  /// code keeps its leading zeros.
  public init(csvPath: String) throws(MovementError) {
    do {
      let book = try CSVWorkbook(path: csvPath)
      book.typesValues = false
      let reader = try book.rows(of: book.sheets[0])
      var header: [String: Int] = [:]
      var units: [RegistryUnit] = []
      while let row = try reader.next() {
        var fields: [Int: String] = [:]
        for cell in row.cells { fields[cell.address.column] = CanonicalCSV.text(cell.value) }
        if header.isEmpty {
          for (column, title) in fields { header[title] = column }
          continue
        }
        func value(_ key: String) -> String? {
          header[key].flatMap { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let code = value("code"), let name = value("name"), let category = value("category") else {
          throw MovementError.badUnit(file: csvPath, row: row.number)
        }
        units.append(
          RegistryUnit(
            code: code, name: name, aliases: value("aliases")?.split(separator: "|").map(String.init) ?? [],
            category: category, parent: value("parent"), areaType: value("area_type"), poorArea: value("poor_area"),
            cluster: value("cluster"), isSample: value("sample") != nil))
      }
      self.units = units
    } catch let error as MovementError {
      throw error
    } catch {
      throw .unreadable(file: csvPath, reason: (error as? SheetReadError)?.message(.en) ?? "\(error)")
    }
  }

  public func unit(code: String) -> RegistryUnit? { units.first { $0.code == code } }

  /// The units whose parent is `code`, in registry order (a district's communes).
  public func children(of code: String) -> [RegistryUnit] { units.filter { $0.parent == code } }
}
