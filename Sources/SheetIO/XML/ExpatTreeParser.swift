import CExpat

/// Parses a small XML part into an `XMLNode` tree with expat.
///
/// A document type declaration stops the parser at once (`XML_StopParser`), so no DTD
/// is read and no entity, internal or external, is ever expanded.
final class ExpatTreeParser {
  private let parser: OpaquePointer  // XML_Parser
  private let maxDepth: Int
  /// Character data also becomes `#text` children, in document order, for mixed
  /// content such as rich text (`<Data><B>Đậm</B> thường</Data>`).
  private let keepsTextOrder: Bool
  private var stack: [XMLNode] = []
  private var root: XMLNode?
  private var refusal: Refusal?

  private enum Refusal { case doctype, tooDeep }

  private init(maxDepth: Int, keepsTextOrder: Bool) {
    // expat returns nil only when out of memory.
    parser = XML_ParserCreate(nil)!
    self.maxDepth = maxDepth
    self.keepsTextOrder = keepsTextOrder
  }

  deinit { XML_ParserFree(parser) }

  /// Parses `bytes`; errors carry `location` plus expat's line and column.
  static func parse(
    _ bytes: [UInt8], location: Location, maxDepth: Int, keepsTextOrder: Bool = false
  ) throws(SheetReadError) -> XMLNode {
    let tree = ExpatTreeParser(maxDepth: maxDepth, keepsTextOrder: keepsTextOrder)
    return try tree.run(bytes, location: location)
  }

  private func run(_ bytes: [UInt8], location: Location) throws(SheetReadError) -> XMLNode {
    XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
    XML_SetElementHandler(
      parser,
      { userData, name, attributes in
        ExpatTreeParser.from(userData).start(name, attributes)
      },
      { userData, _ in ExpatTreeParser.from(userData).end() })
    XML_SetCharacterDataHandler(parser) { userData, text, length in
      guard let text, length > 0 else { return }
      let me = ExpatTreeParser.from(userData)
      let data = String(decoding: UnsafeRawBufferPointer(start: text, count: Int(length)), as: UTF8.self)
      me.stack.last?.text += data
      if me.keepsTextOrder, let parent = me.stack.last {
        if let last = parent.children.last, last.name == XMLNode.textName {
          last.text += data
        } else {
          let run = XMLNode(name: XMLNode.textName, attributes: [:])
          run.text = data
          parent.append(run)
        }
      }
    }
    XML_SetStartDoctypeDeclHandler(parser) { userData, _, _, _, _ in
      ExpatTreeParser.from(userData).refuse(.doctype)
    }
    let status = bytes.withUnsafeBufferPointer { buffer in
      XML_Parse(
        parser, UnsafeRawPointer(buffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) },
        Int32(buffer.count), 1)
    }
    var here = location
    here.line = Int(XML_GetCurrentLineNumber(parser))
    here.column = Int(XML_GetCurrentColumnNumber(parser)) + 1
    switch refusal {
    case .doctype: throw .doctypeForbidden(here)
    case .tooDeep: throw .xmlTooDeep(here, limit: maxDepth)
    case nil: break
    }
    guard status == XML_STATUS_OK, let root else {
      let reason = XML_ErrorString(XML_GetErrorCode(parser)).map { String(cString: $0) } ?? "unknown error"
      throw .malformedXML(here, reason: reason)
    }
    return root
  }

  private static func from(_ userData: UnsafeMutableRawPointer?) -> ExpatTreeParser {
    Unmanaged<ExpatTreeParser>.fromOpaque(userData!).takeUnretainedValue()
  }

  private func refuse(_ why: Refusal) {
    refusal = why
    XML_StopParser(parser, XML_FALSE)
  }

  private func start(
    _ name: UnsafePointer<CChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>?
  ) {
    guard refusal == nil, let name else { return }
    if stack.count >= maxDepth { return refuse(.tooDeep) }
    var attrs: [String: String] = [:]
    var i = 0
    while let attributes, let key = attributes[i], let value = attributes[i + 1] {
      attrs[XMLNode.localName(String(cString: key))] = String(cString: value)
      i += 2
    }
    let node = XMLNode(name: XMLNode.localName(String(cString: name)), attributes: attrs)
    if let parent = stack.last { parent.append(node) } else { root = node }
    stack.append(node)
  }

  private func end() {
    guard refusal == nil else { return }
    stack.removeLast()
  }
}
