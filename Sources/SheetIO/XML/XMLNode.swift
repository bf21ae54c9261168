/// One element of a small XML part, with namespace prefixes removed from its names.
///
/// Only the small parts of a workbook (workbook, relationships, styles) become trees;
/// sheet data and shared strings are scanned as a stream.
final class XMLNode {
  let name: String
  let attributes: [String: String]
  private(set) var children: [XMLNode] = []
  /// Character data directly inside this element.
  var text = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  func append(_ child: XMLNode) { children.append(child) }

  /// The name of the children that hold character data, when the parser keeps its order.
  static let textName = "#text"

  /// All character data inside this element and its descendants, in document order
  /// (needs a tree parsed with `keepsTextOrder`).
  var allText: String {
    var text = ""
    var pending: [XMLNode] = [self]
    while let node = pending.popLast() {
      if node.name == Self.textName { text += node.text }
      pending.append(contentsOf: node.children.reversed())
    }
    return text
  }

  /// The first child with the given local name.
  func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

  /// All children with the given local name.
  func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

  subscript(attribute: String) -> String? { attributes[attribute] }

  /// Strips a namespace prefix: `x:sheet` → `sheet`, `r:id` → `id`.
  static func localName(_ qualified: String) -> String {
    guard let colon = qualified.lastIndex(of: ":") else { return qualified }
    return String(qualified[qualified.index(after: colon)...])
  }
}
