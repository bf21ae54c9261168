/// Writes one sheet as canonical CSV: row N of the output is sheet row N, from row 1 to
/// the last row with a value; every line has as many fields as the last column with a
/// value anywhere in the sheet.
public enum SheetCSVExport {
  /// Reads the sheet twice: once for its extent, once to write, so memory stays flat.
  public static func write(
    _ workbook: any SheetSource, sheet: SheetInfo, to output: AtomicFile
  ) throws {
    var lastRow = 0
    var lastColumn = 0
    let scan = try workbook.rows(of: sheet)
    while let row = try scan.next() {
      for cell in row.cells where !cell.value.isEmpty {
        lastRow = max(lastRow, row.number)
        lastColumn = max(lastColumn, cell.address.column)
      }
    }
    guard lastRow > 0 else { return }
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
