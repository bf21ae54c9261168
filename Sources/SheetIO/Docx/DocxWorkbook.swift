/// A Word document (.docx) read as a workbook: each table of `word/document.xml` is a
/// sheet named `Bảng 1`, `Bảng 2` …, in the order the tables begin.
///
/// A communal report often types its summary table inside the report's text, so the
/// text around each table is kept where a workbook keeps its title block and notes: the
/// sheet of a table holds first, one per row in column A, the paragraphs between the
/// previous table (or the document's start) and this one, then the table's rows; the
/// last sheet ends with the paragraphs after the last table. A table inside a cell is a
/// sheet of its own, after its outer table, and the cell keeps its own text only.
enum DocxWorkbook {
  static let mainPart = "word/document.xml"

  static func open(path: String, limits: ReadLimits) throws(SheetReadError) -> GridWorkbook {
    let archive = try ZipArchive(path: path)
    let bytes = try archive.readAll(mainPart, limit: limits.maxDocumentBytes, limits: limits)
    let root = try ExpatTreeParser.parse(
      bytes, location: Location(file: path, part: mainPart), maxDepth: limits.maxXMLDepth)
    guard let body = root.child("body") else {
      throw .missingPart(Location(file: path, part: mainPart), part: "w:body")
    }
    var blocks = DocxBlocks()
    blocks.collect(body)
    return GridWorkbook(path: path, format: .docx, contents: blocks.sheets())
  }

  /// The name of the n-th table's sheet (1-based).
  static func sheetName(_ n: Int) -> String { "Bảng \(n)" }
}

/// The document's tables in the order they begin, each with the paragraphs before it.
struct DocxBlocks {
  private struct Table {
    var before: [String]
    var grid: DocxTableGrid
    /// The sheet names of the tables found inside this one's cells.
    var nested: [(cell: CellAddress, table: Int)] = []
  }

  private var tables: [Table] = []
  private var pending: [String] = []

  /// Walks the body's blocks: paragraphs, tables and the wrappers that hold them
  /// (content controls, custom XML).
  mutating func collect(_ node: XMLNode) {
    for child in node.children {
      switch child.name {
      case "p":
        let text = DocxText.paragraph(child).trimmingSpaces
        if !text.isEmpty { pending.append(text) }
      case "tbl": addTable(child, before: pending)
      case "sdt", "sdtContent", "customXml", "ins", "moveTo": collect(child)
      default: continue
      }
    }
  }

  private mutating func addTable(_ node: XMLNode, before: [String]) {
    pending = []
    let index = tables.count
    var nestedTables: [(CellAddress, XMLNode)] = []
    let grid = DocxTableGrid(node) { cell, table in nestedTables.append((cell, table)) }
    tables.append(Table(before: before, grid: grid))
    for (cell, table) in nestedTables {
      tables[index].nested.append((cell, tables.count))
      addTable(table, before: [])
    }
  }

  /// One sheet per table; the paragraphs after the last table end the last sheet.
  func sheets() -> [GridWorkbook.Content] {
    let laid = tables.map {
      DocumentTable(before: $0.before, rows: $0.grid.rows, merges: $0.grid.merges, nested: $0.nested)
    }
    let names = tables.indices.map { DocxWorkbook.sheetName($0 + 1) }
    return DocumentSheets.contents(laid, after: pending, names: names, partPath: DocxWorkbook.mainPart)
  }
}

/// The cells of one Word table on the table's grid: `w:gridBefore` and `w:gridSpan`
/// place each cell, `w:vMerge` continues the cell above.
struct DocxTableGrid {
  private(set) var rows: [(number: Int, cells: [TextCell])] = []
  private(set) var merges: [CellRange] = []

  /// `nested` receives each table found in a cell, with the cell (within this table).
  init(_ table: XMLNode, nested: (CellAddress, XMLNode) -> Void) {
    // Vertical merges still open, by their first column: first row and width.
    var open: [Int: (row: Int, span: Int, last: Int)] = [:]
    func close(_ column: Int) {
      guard let merge = open.removeValue(forKey: column) else { return }
      if merge.last > merge.row || merge.span > 1 {
        merges.append(
          CellRange(
            first: CellAddress(row: merge.row, column: column),
            last: CellAddress(row: merge.last, column: column + merge.span - 1)))
      }
    }
    for (r, row) in DocxText.unwrapped(table, "tr").enumerated() {
      let number = r + 1
      let skipped = DocxText.intValue(row.child("trPr")?.child("gridBefore")) ?? 0
      var column = 1 + min(max(0, skipped), CellAddress.maxColumn)
      var cells: [TextCell] = []
      for cell in DocxText.unwrapped(row, "tc") {
        guard column <= CellAddress.maxColumn, number <= CellAddress.maxRow else { break }
        let properties = cell.child("tcPr")
        let span = min(
          max(1, DocxText.intValue(properties?.child("gridSpan")) ?? 1), CellAddress.maxColumn - column + 1)
        let vMerge = properties?.child("vMerge")
        if let vMerge, vMerge["val"] != "restart", open[column] != nil {
          open[column]!.last = number
        } else {
          close(column)
          open[column] = (number, span, number)
          let (text, tables) = DocxText.cell(cell)
          if !text.isEmpty { cells.append(TextCell(column: column, text: text)) }
          for table in tables { nested(CellAddress(row: number, column: column), table) }
        }
        column += span
      }
      rows.append((number, cells))
    }
    for column in open.keys.sorted() { close(column) }
    merges.sort { ($0.first.row, $0.first.column) < ($1.first.row, $1.first.column) }
  }
}
