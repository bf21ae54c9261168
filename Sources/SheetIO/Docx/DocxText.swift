/// The text of WordprocessingML (ECMA-376 Part 1, §17) as a reader sees it: runs in
/// order, tabs and breaks as characters, insertions kept, deletions, field codes and
/// drawings left out.
enum DocxText {
  /// Elements that hold runs or other such holders, walked through.
  private static let runHolders: Set<String> = [
    "r", "hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "moveTo", "bdo", "dir",
  ]

  /// A paragraph's text.
  static func paragraph(_ p: XMLNode) -> String {
    var text = ""
    append(p, to: &text)
    return text
  }

  private static func append(_ node: XMLNode, to text: inout String) {
    for child in node.children {
      switch child.name {
      case "t": text += child.text
      case "tab", "ptab": text += "\t"
      case "br", "cr": text += "\n"
      case "noBreakHyphen": text += "-"
      default: if runHolders.contains(child.name) { append(child, to: &text) }
      }
    }
  }

  /// A cell's paragraphs joined by line breaks, and the tables inside it.
  static func cell(_ tc: XMLNode) -> (text: String, tables: [XMLNode]) {
    var paragraphs: [String] = []
    var tables: [XMLNode] = []
    func walk(_ node: XMLNode) {
      for child in node.children {
        switch child.name {
        case "p": paragraphs.append(paragraph(child))
        case "tbl": tables.append(child)
        case "sdt", "sdtContent", "customXml": walk(child)
        default: continue
        }
      }
    }
    walk(tc)
    // Empty paragraphs space a cell out; they are no lines of text. The text keeps its
    // spaces (`xml:space="preserve"`), as a workbook's cell does.
    let text = paragraphs.filter { !$0.trimmingSpaces.isEmpty }.joined(separator: "\n")
    return (text, tables)
  }

  /// The children named `name`, also those inside content controls and custom XML
  /// (`w:sdt` around rows or cells).
  static func unwrapped(_ node: XMLNode, _ name: String) -> [XMLNode] {
    node.children.flatMap { child -> [XMLNode] in
      if child.name == name { return [child] }
      switch child.name {
      case "sdt", "sdtContent", "customXml": return unwrapped(child, name)
      default: return []
      }
    }
  }

  /// The integer `w:val` of a property element.
  static func intValue(_ node: XMLNode?) -> Int? { node?["val"].flatMap { Int($0.trimmingSpaces) } }
}
