/// One table of an HTML page or a Word document, with the text before it.
struct DocumentTable {
  /// The lines between the previous table (or the document's start) and this one.
  var before: [String]
  /// The table's rows, numbered from 1 within the table.
  var rows: [(number: Int, cells: [TextCell])]
  var merges: [CellRange]
  /// The tables inside this one's cells: the cell (within the table) and the table's index.
  var nested: [(cell: CellAddress, table: Int)] = []
  /// Notes of the table's own (cells left out …).
  var notes: [ReadNote] = []
}

/// Lays out the tables of a document as sheets, the same way for HTML and Word: the
/// lines before a table first, one per row in column A, then the table; the lines after
/// the last table end the last sheet. The lines are text, whatever they look like; the
/// table's cells are typed (`TextCellTyping`).
enum DocumentSheets {
  static func contents(
    _ tables: [DocumentTable], after: [String], names: [String], partPath: String
  ) -> [GridWorkbook.Content] {
    tables.enumerated().map { index, table in
      var rows: [(number: Int, cells: [TextCell])] = table.before.enumerated().map { i, text in
        (i + 1, [TextCell(column: 1, text: text, isLiteral: true)])
      }
      let offset = table.before.count
      func shifted(_ a: CellAddress) -> CellAddress {
        CellAddress(row: min(a.row + offset, CellAddress.maxRow), column: a.column)
      }
      for row in table.rows { rows.append((min(row.number + offset, CellAddress.maxRow), row.cells)) }
      if index == tables.count - 1 {
        let last = rows.last?.number ?? 0
        for (i, text) in after.enumerated() where last + i + 1 <= CellAddress.maxRow {
          rows.append((last + i + 1, [TextCell(column: 1, text: text, isLiteral: true)]))
        }
      }
      let typing = TextCellTyping(rows)
      var notes: [ReadNote] = []
      let typed = rows.compactMap { row -> Row? in
        let cells = typing.cells(row, notes: &notes)
        return cells.isEmpty ? nil : Row(number: row.number, cells: cells)
      }
      for (cell, nested) in table.nested {
        notes.append(ReadNote(code: "nested-table", cell: shifted(cell), detail: names[nested]))
      }
      notes += table.notes
      let merges = table.merges.map { CellRange(first: shifted($0.first), last: shifted($0.last)) }
      let info = SheetInfo(name: names[index], state: .visible, index: index, partPath: partPath)
      return GridWorkbook.Content(info: info, rows: typed, merges: merges, notes: notes)
    }
  }
}

/// Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`, unique
/// whatever the case.
struct SheetNames {
  private var taken: Set<String> = []

  mutating func unique(_ wanted: String, fallback: String) -> String {
    let cleaned = String(wanted.trimmingSpaces.map { "[]:*?/\\".contains($0) ? " " : $0 }.prefix(31)).trimmingSpaces
    var name = cleaned.isEmpty ? fallback : cleaned
    var n = 2
    while taken.contains(name.lowercased()) {
      let suffix = " (\(n))"
      name = String((cleaned.isEmpty ? fallback : cleaned).prefix(31 - suffix.count)) + suffix
      n += 1
    }
    taken.insert(name.lowercased())
    return name
  }
}
