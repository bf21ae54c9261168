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
  /// Most sectors a compound file (.xls) may have. 4,194,304 sectors are 2 GiB at the
  /// usual 512 bytes and keep the sector table (4 bytes a sector) at 16 MiB; a full
  /// Excel 97–2003 sheet of numbers (65,536 × 256 cells) is about 300 MB.
  public var maxCompoundSectors = 1 << 22
  /// Largest stream read from a compound file (the `Workbook` stream of an .xls).
  /// BIFF8 sheet offsets are 32-bit, so no stream beyond 4 GiB is addressable; 1 GiB is
  /// several full sheets and far beyond any report workbook.
  public var maxCompoundStreamBytes: Int64 = 1 << 30
  /// Most directory entries of a compound file. An .xls has a handful (the workbook,
  /// summary information, a few per embedded object); 16,384 entries are 2 MiB.
  public var maxDirectoryEntries = 1 << 14
  /// Most cells with a value (or merges) that repeats may add to one .ods sheet beyond
  /// the cells its XML writes out (`number-columns-repeated`, `number-rows-repeated`).
  /// Repeats of empty cells cost nothing and do not count. LibreOffice repeats only
  /// identical neighbours; ten million is five times the 2-million-cell benchmark.
  public var maxRepeatedCells = 10_000_000
  /// Largest document read whole into memory rather than streamed: an HTML page, an
  /// Excel 2003 XML workbook, a Word document's `word/document.xml`. The tree of such a
  /// document takes some ten times its size; web software's exports measure kilobytes
  /// to a few megabytes.
  public var maxDocumentBytes: Int64 = 128 << 20

  public init() {}

  /// The defaults documented in docs/reading.md.
  public static let standard = ReadLimits()
}
