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
    while let row = try reader.next(), row.number <= lastRow {
      // Rows come in file order; a file that repeats or reorders rows keeps the first.
      guard row.number > written else { continue }
      while written < row.number - 1 {
        try output.write(blankLine)
        written += 1
      }
      for i in fields.indices { fields[i] = "" }
      for cell in row.cells where cell.address.column <= lastColumn {
        fields[cell.address.column - 1] = CanonicalCSV.field(CanonicalCSV.text(cell.value))
      }
      try output.write(fields.joined(separator: ",") + "\n")
      written = row.number
    }
    while written < lastRow {
      try output.write(blankLine)
      written += 1
    }
  }
}
