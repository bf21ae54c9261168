/// Writes one sheet as canonical CSV: row N of the output is sheet row N, from row 1 to
/// the last row with a value; every line has as many fields as the last column with a
/// value anywhere in the sheet.
public enum SheetCSVExport {
  /// Most cells a sheet's grid (up to its last row and column with a value) may have to
  /// be written: 25 million, twelve times the 2-million-cell benchmark, and at one byte an
  /// empty cell already 25 MB. A lone cell at XFD1048576 would make 17 billion.
  public static let maxGridCells = 25_000_000
  /// Most bytes the CSV may have, as estimated from the cells before writing (a text's
  /// UTF-8 and two quotes, 24 bytes a number, a comma a cell): a text of 32,767
  /// characters that a million cells share would otherwise make 32 GB.
  public static let maxBytes: Int64 = 1 << 30

  /// Reads the sheet twice: once for its extent, once to write, so memory stays flat.
  /// Throws `gridTooLarge` or `outputTooLarge` before writing anything when the CSV would
  /// pass a limit. Returns the reader's notes (ambiguous numbers, quoting repairs …).
  @discardableResult
  public static func write(
    _ workbook: any SheetSource, sheet: SheetInfo, to output: AtomicFile
  ) throws -> [ReadNote] {
    var lastRow = 0
    var lastColumn = 0
    var estimate: Int64 = 0
    let scan = try workbook.rows(of: sheet)
    while let row = try scan.next() {
      for cell in row.cells where !cell.value.isEmpty {
        lastRow = max(lastRow, row.number)
        lastColumn = max(lastColumn, cell.address.column)
        switch cell.value {
        case .text(let t), .error(let t): estimate += Int64(t.utf8.count) + 2
        default: estimate += 24
        }
      }
    }
    guard lastRow > 0 else { return scan.notes }
    let grid = Int64(lastRow) * Int64(lastColumn)
    let location = Location(file: workbook.path, sheet: sheet.name)
    guard grid <= maxGridCells else {
      throw SheetReadError.gridTooLarge(location, rows: lastRow, columns: lastColumn, limit: maxGridCells)
    }
    guard estimate + grid <= maxBytes else {
      throw SheetReadError.outputTooLarge(location, bytes: estimate + grid, limit: maxBytes)
    }
    let blankLine = String(repeating: ",", count: lastColumn - 1) + "\n"
    let reader = try workbook.rows(of: sheet)
    var written = 0  // rows written so far
    var fields = [String](repeating: "", count: lastColumn)
    // Each line is built as UTF-8 bytes: appending a field's bytes is a copy, where
    // appending to a String re-checks its storage every time.
    var line: [UInt8] = []
    line.reserveCapacity(512)
    while let row = try reader.next(), row.number <= lastRow {
      // Rows come in file order; a file that repeats or reorders rows keeps the first.
      guard row.number > written else { continue }
      while written < row.number - 1 {
        try output.write(blankLine)
        written += 1
      }
      line.removeAll(keepingCapacity: true)
      if inStrictColumnOrder(row, lastColumn) {
        // The usual row: fields appended as they come, the gaps as commas.
        var commas = 0
        for cell in row.cells where cell.address.column <= lastColumn {
          for _ in commas..<(cell.address.column - 1) { line.append(UInt8(ascii: ",")) }
          commas = cell.address.column - 1
          CanonicalCSV.appendField(cell.value, to: &line)
        }
        for _ in commas..<(lastColumn - 1) { line.append(UInt8(ascii: ",")) }
      } else {
        // A row that names a column twice: the last value of a column wins.
        for i in fields.indices { fields[i] = "" }
        for cell in row.cells where cell.address.column <= lastColumn {
          fields[cell.address.column - 1] = CanonicalCSV.field(CanonicalCSV.text(cell.value))
        }
        line.append(contentsOf: fields.joined(separator: ",").utf8)
      }
      line.append(0x0A)
      try output.write(bytes: line)
      written = row.number
    }
    while written < lastRow {
      try output.write(blankLine)
      written += 1
    }
    // The first pass read every row, so its notes are all there are.
    return scan.notes
  }

  private static func inStrictColumnOrder(_ row: Row, _ lastColumn: Int) -> Bool {
    var previous = 0
    for cell in row.cells where cell.address.column <= lastColumn {
      guard cell.address.column > previous else { return false }
      previous = cell.address.column
    }
    return true
  }
}
