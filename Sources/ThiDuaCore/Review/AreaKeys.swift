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
    let code = role?.areaCode.flatMap { row[$0] }.map(CanonicalCSV.text).flatMap { $0.isEmpty ? nil : $0 }
    let name = role?.areaName.flatMap { row[$0]?.text }
    if !areas.isEmpty {
      let byCode = code.map { identifier.match($0, among: areas, fuzzy: false).units } ?? []
      let units = byCode.count == 1 ? byCode : name.map { identifier.match($0, among: areas, fuzzy: false).units } ?? []
      if units.count == 1 { keys.append("unit:" + units[0].code) }
    }
    if let code { keys.append("code:" + TextFolding.fold(code)) }
    if let name { keys.append(UnitIdentifier.stripPrefixes(TextFolding.fold(name), identifier.vocabulary)) }
    return keys
  }
}
