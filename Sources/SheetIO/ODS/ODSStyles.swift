/// The cell styles of an .ods workbook resolved to what the reader needs: each gets a
/// stable integer index (`Cell.styleIndex`), a font name and whether it shows dates or
/// percentages.
///
/// Index 0 is the style a cell has when it names none: LibreOffice's `Default`, which
/// every column names as its default cell style, or else the document's table-cell
/// `<style:default-style>`. The other cell styles follow in the order the files define
/// them: `styles.xml` first, then the automatic styles of `content.xml`.
struct ODSStyles: Sendable {
  private(set) var fontNames: [String?] = [nil]
  private(set) var isDate: [Bool] = [false]
  private(set) var isPercent: [Bool] = [false]
  private var indexByName: [String: Int] = [:]
  let hiddenTableStyles: Set<String>

  init() { hiddenTableStyles = [] }

  init(_ collected: ODSStyleCollector) {
    hiddenTableStyles = collected.hiddenTableStyles
    var byName: [String: ODSStyleCollector.CellStyle] = [:]
    for style in collected.cellStyles where byName[style.name] == nil { byName[style.name] = style }
    let base = byName["Default"] ?? collected.defaultStyle
    fontNames = [ODSStyles.font(of: base, byName, collected)]
    isDate = [ODSStyles.showsDates(base, byName, collected)]
    isPercent = [ODSStyles.dataKind(base, byName, collected) == .percentage]
    indexByName["Default"] = 0
    for style in collected.cellStyles where indexByName[style.name] == nil {
      indexByName[style.name] = fontNames.count
      fontNames.append(ODSStyles.font(of: style, byName, collected))
      isDate.append(ODSStyles.showsDates(style, byName, collected))
      isPercent.append(ODSStyles.dataKind(style, byName, collected) == .percentage)
    }
  }

  /// The index of the cell style with this name; 0 for a name no style has.
  func index(of name: String) -> Int { indexByName[name] ?? 0 }

  func isDateStyle(_ index: Int) -> Bool { isDate.indices.contains(index) && isDate[index] }

  func isPercentStyle(_ index: Int) -> Bool { isPercent.indices.contains(index) && isPercent[index] }

  /// The kind of the first data style on the style's chain.
  private static func dataKind(
    _ style: ODSStyleCollector.CellStyle?, _ byName: [String: ODSStyleCollector.CellStyle],
    _ collected: ODSStyleCollector
  ) -> ODSStyleCollector.DataKind? {
    chain(style, byName, collected).lazy.compactMap { $0.dataStyle.flatMap { collected.dataKinds[$0] } }.first
  }

  /// The styles a style inherits from, itself first, ending with the default style.
  private static func chain(
    _ style: ODSStyleCollector.CellStyle?, _ byName: [String: ODSStyleCollector.CellStyle],
    _ collected: ODSStyleCollector
  ) -> [ODSStyleCollector.CellStyle] {
    var result: [ODSStyleCollector.CellStyle] = []
    var current = style
    // Real chains are two or three deep; the bound also ends a cycle of parents.
    while let style = current, result.count < 16 {
      result.append(style)
      current = style.parent.flatMap { byName[$0] }
    }
    if let fallback = collected.defaultStyle { result.append(fallback) }
    return result
  }

  /// `style:font-name` (through its font face) or `fo:font-family`, inherited from parents.
  private static func font(
    of style: ODSStyleCollector.CellStyle?, _ byName: [String: ODSStyleCollector.CellStyle],
    _ collected: ODSStyleCollector
  ) -> String? {
    for link in chain(style, byName, collected) {
      if let face = link.fontFace { return collected.fontFaces[face] ?? face }
      if let family = link.fontFamily, !family.isEmpty { return family }
    }
    return nil
  }

  /// True when the style's data style (its own or inherited) is a date or time style.
  private static func showsDates(
    _ style: ODSStyleCollector.CellStyle?, _ byName: [String: ODSStyleCollector.CellStyle],
    _ collected: ODSStyleCollector
  ) -> Bool {
    for link in chain(style, byName, collected) {
      if let data = link.dataStyle {
        let kind = collected.dataKinds[data]
        return kind == .date || kind == .time
      }
    }
    return false
  }
}
