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
    let reader = BackgroundRowReader(try workbook.rows(of: sheet))
    var lines = UnpaddedLines()
    while let row = try reader.next() {
      // Rows come in file order; a file that repeats or reorders rows keeps the first.
      guard row.number > lines.lastRow, lines.append(row) else { continue }
      // Counts within Excel's grid: the product is at most 2^34.
      if lines.lastRow * lines.lastColumn > maxGridCells {
        throw SheetReadError.gridTooLarge(location, rows: lines.lastRow, columns: lines.lastColumn, limit: maxGridCells)
      }
      if lines.paddedSize > maxBytes {
        throw SheetReadError.outputTooLarge(location, bytes: lines.paddedSize, limit: maxBytes)
      }
    }
    // Both limits were checked after the last row: the CSV is what the lines make.
    if lines.lastRow > 0 { try lines.write(to: output) }
    return reader.notes
  }

  /// Each row with a value as its fields up to its last value, without the commas that pad
  /// it to the sheet's last column.
  private struct UnpaddedLines {
    var body: [UInt8] = []
    /// Per line: its row number, where its bytes end in `body`, and its field count.
    var rows: [Int] = []
    var ends: [Int] = []
    var fieldCounts: [Int] = []
    var lastRow = 0
    var lastColumn = 0
    private var fieldSum = 0
    private var fields: [String] = []

    init() { body.reserveCapacity(1 << 20) }

    /// Appends the row's line; false for a row without a value (a blank line).
    mutating func append(_ row: Row) -> Bool {
      guard let last = row.cells.last(where: { !$0.value.isEmpty })?.address.column else { return false }
      var count = last  // fields on the line
      if SheetCSVExport.inStrictColumnOrder(row) {
        // The usual row: fields appended as they come, the gaps as commas.
        var commas = 0
        for cell in row.cells where cell.address.column <= last {
          for _ in commas..<(cell.address.column - 1) { body.append(UInt8(ascii: ",")) }
          commas = cell.address.column - 1
          CanonicalCSV.appendField(cell.value, to: &body)
        }
      } else {
        // A row that names a column twice: the last value of a column wins.
        fields = [String](repeating: "", count: row.cells.map(\.address.column).max() ?? last)
        for cell in row.cells { fields[cell.address.column - 1] = CanonicalCSV.field(CanonicalCSV.text(cell.value)) }
        count = (fields.lastIndex { !$0.isEmpty } ?? 0) + 1
        body.append(contentsOf: fields[..<count].joined(separator: ",").utf8)
      }
      rows.append(row.number)
      ends.append(body.count)
      fieldCounts.append(count)
      fieldSum += count
      lastRow = row.number
      lastColumn = max(lastColumn, count)
      return true
    }

    /// Bytes of the CSV so far: the lines, the commas that pad them, blank lines, line
    /// ends; in constant time, since it is asked after every row.
    var paddedSize: Int {
      let padding = rows.count * lastColumn - fieldSum
      let blankLines = lastRow - rows.count
      return body.count + padding + blankLines * lastColumn + rows.count
    }

    func write(to output: AtomicFile) throws {
      let blankLine = [UInt8](repeating: UInt8(ascii: ","), count: lastColumn - 1) + [0x0A]
      var chunk: [UInt8] = []
      chunk.reserveCapacity(1 << 20)
      var start = 0
      var written = 0  // rows written so far
      for i in rows.indices {
        for _ in written..<(rows[i] - 1) { chunk.append(contentsOf: blankLine) }
        chunk.append(contentsOf: body[start..<ends[i]])
        for _ in fieldCounts[i]..<lastColumn { chunk.append(UInt8(ascii: ",")) }
        chunk.append(0x0A)
        start = ends[i]
        written = rows[i]
        if chunk.count >= 1 << 20 {
          try output.write(bytes: chunk)
          chunk.removeAll(keepingCapacity: true)
        }
      }
      try output.write(bytes: chunk)
    }
  }

  private static func inStrictColumnOrder(_ row: Row) -> Bool {
    var previous = 0
    for cell in row.cells {
      guard cell.address.column > previous else { return false }
      previous = cell.address.column
    }
    return true
  }
}
