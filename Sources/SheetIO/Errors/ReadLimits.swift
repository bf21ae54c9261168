/// Bounds that keep a hostile file from exhausting memory, disk or time.
///
/// Each limit is checked before inflating (from the sizes the zip declares) and again
/// while inflating (from the bytes actually produced), since libzip compares the
/// declared size and CRC only when a part has been read to its end.
public struct ReadLimits: Hashable, Sendable {
  /// Largest inflated worksheet or shared-strings part. 2 GiB holds some 50 million
  /// typical cells, beyond what a report workbook ever needs.
  public var maxSheetPartBytes: Int64 = 2 << 30
  /// Largest inflated small part (workbook, relationships, styles, content types).
  public var maxSmallPartBytes: Int64 = 64 << 20
  /// Largest inflated-to-compressed ratio, enforced once a part has inflated past
  /// `ratioGraceBytes`. The sheets measured here compress 1.6–8.4:1 (fixtures, templates,
  /// the 2-million-cell benchmark); the test bombs 1000:1, near deflate's ceiling of
  /// about 1032:1.
  public var maxCompressionRatio: Int64 = 250
  public var ratioGraceBytes: Int64 = 32 << 20
  /// Deepest element nesting accepted. SpreadsheetML needs fewer than 10 levels.
  public var maxXMLDepth = 100
  /// Longest single tag or text run in sheet XML: a cell's text is at most 32,767
  /// characters (Excel's limit), i.e. under 200 KiB of escaped UTF-8.
  public var maxTokenBytes = 16 << 20
  /// Most cells with a value (or merges) that repeats may add to one .ods sheet beyond
  /// the cells its XML writes out (`number-columns-repeated`, `number-rows-repeated`).
  /// Repeats of empty cells cost nothing and do not count. LibreOffice repeats only
  /// identical neighbours; ten million is five times the 2-million-cell benchmark.
  public var maxRepeatedCells = 10_000_000

  public init() {}

  /// The defaults documented in docs/reading.md.
  public static let standard = ReadLimits()
}
