import SheetIO

/// The keys an area row of an area-figures table is known by, strongest first, so that
/// the same area is found again in another year however each year writes it (a code one
/// year, `Xã Cẩm Thanh` the next): the registry unit its code or name designates, its
/// code as written, its name without its administrative word. The form's role says
/// which fields hold the area's code and name.
struct AreaKeys {
  let identifier: UnitIdentifier

  func of(_ row: [String: CellValue], among areas: [RegistryUnit], role: FormRole?) -> [String] {
    var keys: [String] = []
    if let unit = unit(of: row, among: areas, role: role) { keys.append("unit:" + unit.code) }
    if let code = code(of: row, role: role) { keys.append("code:" + TextFolding.fold(code)) }
    if let name = role?.areaName.flatMap({ row[$0]?.text }) {
      keys.append(UnitIdentifier.stripPrefixes(TextFolding.fold(name), identifier.vocabulary))
    }
    return keys
  }

  /// The one unit among `areas` the row's code designates, else its name.
  func unit(of row: [String: CellValue], among areas: [RegistryUnit], role: FormRole?) -> RegistryUnit? {
    guard !areas.isEmpty else { return nil }
    let name = role?.areaName.flatMap { row[$0]?.text }
    let byCode = code(of: row, role: role).map { identifier.match($0, among: areas, fuzzy: false).units } ?? []
    let units = byCode.count == 1 ? byCode : name.map { identifier.match($0, among: areas, fuzzy: false).units } ?? []
    return units.count == 1 ? units[0] : nil
  }

  private func code(of row: [String: CellValue], role: FormRole?) -> String? {
    role?.areaCode.flatMap { row[$0] }.map(CanonicalCSV.text).flatMap { $0.isEmpty ? nil : $0 }
  }
}
