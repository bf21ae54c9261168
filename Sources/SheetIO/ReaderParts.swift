/// The readers' inner parts, for the libFuzzer targets in `Fuzz/Readers`: a sheet's XML or
/// a shared-string table reached through a zip is mostly mutated into broken deflate, so
/// the parsers get their own entry points. Not part of the library's API.
@_spi(Fuzzing) public enum ReaderParts {
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
    // Rows as text: a NaN equals nothing, its description equals itself.
    var byRows: [String] = []
    var rowFailure: SheetReadError?
    do {
      let rows = reader()
      while let row = try rows.next() {
        byRows.append("\(row.number) " + row.cells.map { "\($0.address.column)=\($0.value)" }.joined(separator: " "))
      }
    } catch {
      rowFailure = error
    }
    var byBatches: [String] = []
    var batchFailure: SheetReadError?
    let batches = reader()
    var more = true
    while more, batchFailure == nil {
      var batch = CellBatch()
      do {
        more = try batches.fill(&batch, cells: batchCells)
      } catch {
        batchFailure = error
      }
      for r in 0..<batch.rowCount {
        let cells = batch.cells(ofRow: r).map { "\(batch.columns[$0])=\(batch.value(at: $0, sharedStrings: strings))" }
        byBatches.append("\(batch.rowNumbers[r]) " + cells.joined(separator: " "))
      }
    }
    return byRows == byBatches && rowFailure == batchFailure
  }
}
