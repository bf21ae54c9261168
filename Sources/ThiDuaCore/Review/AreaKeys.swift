import SheetIO

/// The keys an area row of a poverty table is known by, strongest first, so that the
/// same area is found again in another year however each year writes it (a code one
/// year, `Xã Cẩm Thanh` the next): the registry unit its code or name designates, its
/// code as written, its name without its administrative word.
struct AreaKeys {
  let identifier: UnitIdentifier

  func of(_ row: [String: CellValue], among areas: [RegistryUnit]) -> [String] {
    var keys: [String] = []
    let code = row["ma_dia_ban"].map(CanonicalCSV.text).flatMap { $0.isEmpty ? nil : $0 }
    let name = row["ten_dia_ban"]?.text
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
