/// The readers' inner parts, for the libFuzzer targets in `Fuzz/Readers`: a sheet's XML or
/// a shared-string table reached through a zip is mostly mutated into broken deflate, so
/// the parsers get their own entry points. Not part of the library's API.
@_spi(Fuzzing) public enum ReaderParts {
  /// Opens a file as an HTML page, whatever its content.
  public static func html(path: String) throws(SheetReadError) -> any SheetSource {
    try HTMLWorkbook.open(path: path, encoding: nil, limits: .standard)
  }

  /// Opens a file as an Excel 2003 XML workbook, whatever its content.
  public static func spreadsheetML(path: String) throws(SheetReadError) -> any SheetSource {
    try SpreadsheetMLWorkbook.open(path: path, limits: .standard)
  }

  /// Opens a file as a Word document, whatever its content.
  public static func docx(path: String) throws(SheetReadError) -> any SheetSource {
    try DocxWorkbook.open(path: path, limits: .standard)
  }

  /// Parses `bytes` as a shared-string part, in chunks of `chunkSize` bytes.
  public static func sharedStrings(_ bytes: [UInt8], chunkSize: Int) throws(SheetReadError) -> [String] {
    try SharedStrings.load(from: MemoryByteSource(bytes, chunkSize: chunkSize), limits: .standard)
  }

  /// Reads `bytes` as a worksheet part to its end, with `strings` as the shared strings
  /// and every style a date style's neighbour (styles 0–3 of an empty table), and returns
  /// the cells read.
  public static func worksheet(
    _ bytes: [UInt8], strings: [String], uses1904: Bool, chunkSize: Int
  ) throws(SheetReadError) -> [Cell] {
    let reader = XLSXRowReader(
      source: MemoryByteSource(bytes, chunkSize: chunkSize), limits: .standard, sharedStrings: strings,
      styles: XLSXStyles(), uses1904: uses1904, sheetName: "fuzz")
    var cells: [Cell] = []
    while let row = try reader.next() { cells += row.cells }
    _ = reader.mergedRanges
    return cells
  }

  /// Whether reading `bytes` as a worksheet part in cell batches (as `convert` does, with
  /// batches of `batchCells` cells) gives the rows and the failure that reading it row by
  /// row gives.
  public static func batchesAgree(
    _ bytes: [UInt8], strings: [String], uses1904: Bool, chunkSize: Int, batchCells: Int
  ) -> Bool {
    func reader() -> XLSXRowReader {
      XLSXRowReader(
        source: MemoryByteSource(bytes, chunkSize: chunkSize), limits: .standard, sharedStrings: strings,
        styles: XLSXStyles(), uses1904: uses1904, sheetName: "fuzz")
    }
    let byRows = rowTexts(reader())
    let byBatches = rowTexts(reader(), batchCells: batchCells)
    return byRows.rows == byBatches.rows && byRows.failure == byBatches.failure
  }

  /// Every row `next()` gives, as `number column=value …` (as text, since a NaN equals
  /// nothing), and the failure that ended them.
  static func rowTexts(_ reader: XLSXRowReader) -> (rows: [String], failure: SheetReadError?) {
    var rows: [String] = []
    do {
      while let row = try reader.next() {
        rows.append("\(row.number) " + row.cells.map { "\($0.address.column)=\($0.value)" }.joined(separator: " "))
      }
      return (rows, nil)
    } catch {
      return (rows, error)
    }
  }

  /// The same, read in batches of at least `batchCells` cells, as `convert` reads.
  static func rowTexts(_ reader: XLSXRowReader, batchCells: Int) -> (rows: [String], failure: SheetReadError?) {
    var rows: [String] = []
    var more = true
    while more {
      var batch = CellBatch()
      var failure: SheetReadError?
      do {
        more = try reader.fill(&batch, cells: batchCells)
      } catch {
        failure = error
      }
      for r in 0..<batch.rowCount {
        let cells = batch.cells(ofRow: r).map {
          "\(batch.columns[$0])=\(batch.value(at: $0, sharedStrings: reader.sharedStrings))"
        }
        rows.append("\(batch.rowNumbers[r]) " + cells.joined(separator: " "))
      }
      if let failure { return (rows, failure) }
    }
    return (rows, nil)
  }
}
