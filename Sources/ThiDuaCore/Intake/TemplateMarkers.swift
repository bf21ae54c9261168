import Foundation
import SheetIO

/// What a workbook made by `thidua templates` says of itself: the defined names
/// `_thidua_<FORM>_unit` and `_thidua_<FORM>_year` (the cells of the unit's code and of
/// the year), `_thidua_<FORM>_fields` (the row or column of field codes), and the custom
/// property `thidua-template` (movement, unit, layout version). Where they are present
/// they decide the unit and the year before any other evidence (docs/findings.md).
struct TemplateMarkers: Sendable {
  struct Place: Hashable, Sendable {
    var sheet: String
    var cell: CellAddress
  }

  static let property = "thidua-template"
  static let version = "1"

  /// `KH-5201-2017/504/1`: the movement's code, the unit's code (or the category of a
  /// template for a whole category) and the layout version.
  static func identity(movement: String, unit: String) -> String { "\(movement)/\(unit)/\(version)" }

  var unitCells: [Place] = []
  var yearCells: [Place] = []
  /// The sheets that carry a form's field codes.
  var fieldSheets: Set<String> = []
  /// Sheet → the row of a rows form's field codes and the form (`_thidua_CHI_TIEU_fields`
  /// over one row): that row is the form's header, whatever share of its codes is left.
  var codeRows: [String: (form: String, row: Int)] = [:]
  /// The unit (or category) the template was made for, from its identity.
  var templateUnit: String?

  var isEmpty: Bool { unitCells.isEmpty && yearCells.isEmpty && fieldSheets.isEmpty && templateUnit == nil }

  init(definedNames: [String: String], properties: [String: String]) {
    for (name, reference) in definedNames.sorted(by: { $0.key < $1.key }) where name.hasPrefix("_thidua_") {
      guard let place = Self.place(reference) else { continue }
      if name.hasSuffix("_unit") {
        unitCells.append(place)
      } else if name.hasSuffix("_year") {
        yearCells.append(place)
      } else if name.hasSuffix("_fields") {
        fieldSheets.insert(place.sheet)
        let form = name.dropFirst("_thidua_".count).dropLast("_fields".count)
        if Self.isOneRow(reference) { codeRows[place.sheet] = (String(form), place.cell.row) }
      }
    }
    let parts = properties[Self.property]?.split(separator: "/") ?? []
    if parts.count == 3 { templateUnit = String(parts[1]) }
  }

  /// Whether a reference covers one row (`$A$7:$M$7`), not a column of codes.
  static func isOneRow(_ reference: String) -> Bool {
    let cells = reference.split(separator: "!").last?.split(separator: ":").map { $0.filter { $0 != "$" } } ?? []
    guard cells.count == 2, let a = CellAddress(String(cells[0])), let b = CellAddress(String(cells[1])) else {
      return false
    }
    return a.row == b.row
  }

  /// The first cell a defined name refers to: `='Chỉ tiêu giảm nghèo'!$B$3`, without the
  /// `=` as LibreOffice writes it, or a range (`$D$8:$D$21`).
  static func place(_ reference: String) -> Place? {
    var text = Substring(reference.trimmingCharacters(in: .whitespaces))
    if text.hasPrefix("=") { text = text.dropFirst() }
    guard let bang = text.lastIndex(of: "!") else { return nil }
    var sheet = String(text[..<bang])
    if sheet.hasPrefix("'") && sheet.hasSuffix("'") && sheet.count >= 2 {
      sheet = String(sheet.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
    let first = text[text.index(after: bang)...].split(separator: ":").first.map { $0.filter { $0 != "$" } } ?? ""
    guard !sheet.isEmpty, let cell = CellAddress(String(first)) else { return nil }
    return Place(sheet: sheet, cell: cell)
  }
}
