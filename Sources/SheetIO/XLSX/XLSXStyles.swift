/// What the reader needs from `styles.xml`: for each cell format, whether it shows
/// dates or percentages, and the name of its font (evidence for legacy Vietnamese
/// encodings).
struct XLSXStyles: Sendable {
  private(set) var isDate: [Bool] = []
  private(set) var isPercent: [Bool] = []
  private(set) var fontNames: [String?] = []

  init() {}

  init(tree: XMLNode) {
    var customDate: [Int: Bool] = [:]
    var customPercent: [Int: Bool] = [:]
    for fmt in tree.child("numFmts")?.children("numFmt") ?? [] {
      if let id = fmt["numFmtId"].flatMap({ Int($0) }) {
        customDate[id] = DateFormat.isDateCode(fmt["formatCode"] ?? "")
        customPercent[id] = DateFormat.isPercentCode(fmt["formatCode"] ?? "")
      }
    }
    let fonts = (tree.child("fonts")?.children("font") ?? []).map { $0.child("name")?["val"] }
    for xf in tree.child("cellXfs")?.children("xf") ?? [] {
      let id = xf["numFmtId"].flatMap { Int($0) } ?? 0
      isDate.append(customDate[id] ?? DateFormat.isBuiltInDate(id))
      isPercent.append(customPercent[id] ?? DateFormat.isBuiltInPercent(id))
      let font = xf["fontId"].flatMap { Int($0) }
      fontNames.append(font.flatMap { fonts.indices.contains($0) ? fonts[$0] : nil })
    }
  }

  func isDateStyle(_ index: Int) -> Bool { isDate.indices.contains(index) && isDate[index] }
  func isPercentStyle(_ index: Int) -> Bool { isPercent.indices.contains(index) && isPercent[index] }
}
