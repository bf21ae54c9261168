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
}
