import CLibXML2
import Foundation

/// Walks the tree libxml2 made of an HTML page, without recursion (a page may nest
/// elements a hundred thousand deep), and gathers its tables and the lines around them.
struct HTMLPageWalker {
  /// One table being read, and the cell being read in it.
  private struct Frame {
    var table: Int
    var cell: OpenCell?
    var inCaption = false
  }

  private struct OpenCell {
    var attributes: [String: String]
    var text = ""
    /// Tables that began inside this cell.
    var nested: [Int] = []
  }

  private var tables: [HTMLTableBuilder] = []
  /// The tables inside each table's cells, by the outer table's index.
  private var nested: [Int: [(cell: CellAddress, table: Int)]] = [:]
  private var stack: [Frame] = []
  private var lines: [String] = []
  private var line = ""
  private var formats = HTMLCellFormats()
  private var kinds: [String: SpreadsheetMLStyles.Style] = [:]

  /// Subtrees that hold no table text: scripts, styles (read for their number formats),
  /// the page's title (the file name, for Excel's pages).
  private static let skipped: Set<String> = ["script", "style", "noscript", "template", "object", "iframe", "title"]
  /// Elements that begin and end a line of text.
  private static let blocks: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "center", "blockquote", "pre",
    "section", "article", "header", "footer", "address", "form", "hr", "body", "html",
  ]
  /// Marks a line break inside text until whitespace is collapsed.
  private static let lineBreak: Character = "\u{2028}"

  mutating func walk(_ root: xmlNodePtr?) {
    guard let root else { return }
    var node = root
    outer: while true {
      let descend = enter(node)
      if descend, let child = node.pointee.children {
        node = child
        continue
      }
      if descend { leave(node) }
      var n = node
      while true {
        if n == root { break outer }
        if let next = n.pointee.next {
          node = next
          continue outer
        }
        guard let parent = n.pointee.parent else { break outer }
        n = parent
        leave(n)
      }
    }
    flushLine()
  }

  private static func name(_ node: xmlNodePtr) -> String {
    node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
  }

  private static func attributes(_ node: xmlNodePtr) -> [String: String] {
    var result: [String: String] = [:]
    var attribute = node.pointee.properties
    while let a = attribute {
      let key = a.pointee.name.map { String(cString: $0).lowercased() } ?? ""
      var value = ""
      var child = a.pointee.children
      while let c = child {
        if let content = c.pointee.content { value += String(cString: content) }
        child = c.pointee.next
      }
      result[key] = value
      attribute = a.pointee.next
    }
    return result
  }

  /// Returns whether to walk the node's children.
  private mutating func enter(_ node: xmlNodePtr) -> Bool {
    switch node.pointee.type {
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      if let content = node.pointee.content { text(String(cString: content)) }
      return false
    case XML_ELEMENT_NODE: break
    default: return false
    }
    let name = Self.name(node)
    if Self.skipped.contains(name) {
      if name == "style" {
        var css = ""
        var child = node.pointee.children
        while let c = child {
          if let content = c.pointee.content { css += String(cString: content) }
          child = c.pointee.next
        }
        formats.addStyleSheet(css)
      }
      return false
    }
    switch name {
    case "table":
      let index = tables.count
      if stack.isEmpty {
        flushLine()
        tables.append(HTMLTableBuilder(before: lines))
        lines = []
      } else {
        tables.append(HTMLTableBuilder(before: []))
        if stack[stack.count - 1].cell != nil {
          // The outer cell's text goes on after the inner table, on a line of its own.
          stack[stack.count - 1].cell!.nested.append(index)
          stack[stack.count - 1].cell!.text.append(Self.lineBreak)
        }
      }
      stack.append(Frame(table: index))
    case "tr":
      if let top = stack.last, top.cell == nil { tables[top.table].startRow() }
    case "tfoot":
      if let top = stack.last, top.cell == nil { tables[top.table].inFooter = true }
    case "td", "th":
      if let top = stack.last, top.cell == nil {
        stack[stack.count - 1].cell = OpenCell(attributes: Self.attributes(node))
      }
    case "caption":
      if let top = stack.last, top.cell == nil { stack[stack.count - 1].inCaption = true }
    case "br":
      text(String(Self.lineBreak))
      return false
    default:
      if Self.blocks.contains(name) { breakLine() }
    }
    return true
  }

  private mutating func leave(_ node: xmlNodePtr) {
    guard node.pointee.type == XML_ELEMENT_NODE else { return }
    let name = Self.name(node)
    switch name {
    case "table":
      guard let frame = stack.popLast() else { return }
      if let cell = frame.cell { place(cell, in: frame.table) }
      tables[frame.table].finish()
    case "tr":
      if let top = stack.last, top.cell == nil { tables[top.table].endRow() }
    case "tfoot":
      if let top = stack.last, top.cell == nil { tables[top.table].inFooter = false }
    case "td", "th":
      guard let top = stack.last, let cell = top.cell else { return }
      stack[stack.count - 1].cell = nil
      place(cell, in: top.table)
    case "caption":
      if !stack.isEmpty { stack[stack.count - 1].inCaption = false }
    default:
      if Self.blocks.contains(name) { breakLine() }
    }
  }

  private mutating func text(_ content: String) {
    if let top = stack.last {
      if top.cell != nil {
        stack[stack.count - 1].cell!.text += content
      } else if top.inCaption {
        tables[top.table].caption += content
      }
    } else {
      line += content
    }
  }

  /// A block's start or end: a new line outside tables, a line break inside a cell.
  private mutating func breakLine() {
    if let top = stack.last {
      if let cell = top.cell, !cell.text.isEmpty { stack[stack.count - 1].cell!.text.append(Self.lineBreak) }
    } else {
      flushLine()
    }
  }

  private mutating func flushLine() {
    for part in Self.collapsed(line).split(separator: "\n") {
      let text = part.trimmingSpaces
      if !text.isEmpty { lines.append(text) }
    }
    line = ""
  }

  /// HTML's white space rules: runs of spaces, tabs and line ends are one space; `<br>`
  /// is a line break; a no-break space is a space; no space at either end of a line.
  static func collapsed(_ text: String) -> String {
    if isCollapsed(text) { return text }
    var result = ""
    var pendingSpace = false
    for c in text.unicodeScalars {
      if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
        pendingSpace = true
        continue
      }
      if c == lineBreakScalar {
        // No space before a line break (a no-break space may have put one there).
        while result.unicodeScalars.last == " " { result.unicodeScalars.removeLast() }
        result.unicodeScalars.append("\n")
        pendingSpace = false
        continue
      }
      if pendingSpace, let last = result.unicodeScalars.last, last != "\n" { result.unicodeScalars.append(" ") }
      pendingSpace = false
      result.unicodeScalars.append(c == "\u{A0}" ? " " : c)
    }
    while result.unicodeScalars.last == " " { result.unicodeScalars.removeLast() }
    return result.trimmingSpaces
  }

  private static let lineBreakScalar = lineBreak.unicodeScalars.first!

  /// Most cells already are: no white space but single spaces between words, no
  /// no-break space (C2 A0), no line-break mark (E2 80 A8), nothing to trim at the ends.
  private static func isCollapsed(_ text: String) -> Bool {
    var previous: UInt8 = 0x20
    for byte in text.utf8 {
      switch byte {
      case 0x09, 0x0A, 0x0C, 0x0D: return false
      case 0x20 where previous == 0x20: return false
      case 0xA0 where previous == 0xC2, 0xA8 where previous == 0x80: return false
      default: previous = byte
      }
    }
    guard previous != 0x20, let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
      return text.isEmpty
    }
    return !first.properties.isWhitespace && !last.properties.isWhitespace
  }

  private mutating func place(_ cell: OpenCell, in table: Int) {
    let a = cell.attributes
    var textCell = TextCell(column: 0, text: Self.collapsed(cell.text))
    let format =
      a["sdnum"].flatMap(HTMLCellFormats.libreOfficeFormat) ?? formats.format(style: a["style"], classes: a["class"])
    let kind = format.map { style(ofFormat: $0) } ?? SpreadsheetMLStyles.Style()
    if let number = (a["x:num"] ?? a["sdval"]).flatMap({ Double($0.trimmingSpaces) }), number.isFinite {
      textCell.stated = kind.isDate ? ExcelDate.value(serial: number, uses1904: false) : .number(number)
      textCell.isPercent = kind.isPercent
    } else if let flag = a["x:bool"] {
      textCell.stated = .boolean(flag.uppercased() == "TRUE" || flag == "1")
    } else if let error = a["x:err"], !error.isEmpty {
      textCell.stated = .error(error)
    } else if let string = a["x:str"] {
      // `x:str="…"` holds the string itself where the page shows another text.
      textCell.isLiteral = true
      if !string.isEmpty { textCell.text = string }
    } else if format == "@" {
      textCell.isLiteral = true
    }
    let colspan = a["colspan"].flatMap { Int($0.trimmingSpaces) } ?? 1
    let rowspan = a["rowspan"].flatMap { Int($0.trimmingSpaces) } ?? 1
    let column = tables[table].add(textCell, colspan: colspan, rowspan: rowspan)
    for inner in cell.nested {
      nested[table, default: []].append((CellAddress(row: tables[table].currentRow, column: column), inner))
    }
  }

  /// What a number format makes of a stated value, once per format: a page has a few
  /// formats and may have millions of cells.
  private mutating func style(ofFormat format: String) -> SpreadsheetMLStyles.Style {
    if let known = kinds[format] { return known }
    let kind = SpreadsheetMLStyles.style(ofFormat: format)
    kinds[format] = kind
    return kind
  }

  /// One sheet per table, named by its caption or its place; the lines after the last
  /// table end the last sheet.
  func sheets() -> [GridWorkbook.Content] {
    var unique = SheetNames()
    let names = tables.enumerated().map { i, t in unique.unique(t.caption, fallback: "Bảng \(i + 1)") }
    let laid = tables.enumerated().map { index, table in
      var notes: [ReadNote] = []
      if table.cellsBeyondGrid > 0 {
        notes.append(ReadNote(code: "cells-beyond-grid", cell: nil, detail: String(table.cellsBeyondGrid)))
      }
      return DocumentTable(
        before: table.before, rows: table.rows, merges: table.merges, nested: nested[index] ?? [], notes: notes)
    }
    return DocumentSheets.contents(laid, after: lines, names: names, partPath: "")
  }
}
