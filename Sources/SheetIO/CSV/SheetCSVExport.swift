/// Writes one sheet as canonical CSV: row N of the output is sheet row N, from row 1 to
/// the last row with a value; every line has as many fields as the last column with a
/// value anywhere in the sheet.
public enum SheetCSVExport {
  /// Most cells a sheet's grid (up to its last row and column with a value) may have to
  /// be written: 25 million, twelve times the 2-million-cell benchmark, and at one byte an
  /// empty cell already 25 MB. A lone cell at XFD1048576 would make 17 billion.
  public static let maxGridCells = 25_000_000
  /// Most bytes the CSV may have: 256 MiB, ten times the CSV of the 2-million-cell
  /// benchmark; a text of 32,767 characters that a million cells share would otherwise
  /// make 32 GB. The lines are held in memory up to it.
  public static let maxBytes = 256 << 20

  /// Reads the sheet once, building each row's line up to its own last value; the lines
  /// are padded to the sheet's last column when it is known, at the end. Throws
  /// `gridTooLarge` or `outputTooLarge` before writing anything when the CSV would pass a
  /// limit (`maxBytes`, which tests lower). Returns the reader's notes (ambiguous numbers,
  /// quoting repairs …).
  @discardableResult
  public static func write(
    _ workbook: any SheetSource, sheet: SheetInfo, to output: AtomicFile, maxBytes: Int = maxBytes
  ) throws -> [ReadNote] {
    let location = Location(file: workbook.path, sheet: sheet.name)
    // Parsing on a second thread while this one builds the lines.
    let reader = BackgroundCellReader(try workbook.rows(of: sheet))
    let strings = SharedStringFields(reader.sharedStrings)
    var lines = UnpaddedLines()
    while let batch = try reader.next() {
      for r in 0..<batch.rowCount {
        // Rows come in file order; a file that repeats or reorders rows keeps the first.
        guard batch.rowNumbers[r] > lines.lastRow, lines.append(row: r, of: batch, strings: strings) else { continue }
        // Counts within Excel's grid: the product is at most 2^34.
        if lines.lastRow * lines.lastColumn > maxGridCells {
          throw SheetReadError.gridTooLarge(
            location, rows: lines.lastRow, columns: lines.lastColumn, limit: maxGridCells)
        }
        if lines.paddedSize > maxBytes {
          throw SheetReadError.outputTooLarge(location, bytes: lines.paddedSize, limit: maxBytes)
        }
      }
    }
    // Both limits were checked after the last row: the CSV is what the lines make.
    if lines.lastRow > 0 { try lines.write(to: output) }
    return reader.notes
  }
}
