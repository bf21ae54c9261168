/// Reads rows one at a time; the XLSX and CSV readers both conform.
public protocol RowReading: AnyObject {
  /// The next row with at least one cell; nil after the last.
  func next() throws(SheetReadError) -> Row?
  /// Merged ranges, complete once `next()` has returned nil (none in CSV).
  var mergedRanges: [CellRange] { get }
  /// What the reader accepted with a remark (ambiguous numbers, stray quotes …).
  var notes: [ReadNote] { get }
}

/// A remark of a reader about something it read: not an error, never silent.
public struct ReadNote: Hashable, Sendable {
  /// Stable kebab-case code: `ambiguous-number`, `weak-encoding-evidence`,
  /// `text-after-closing-quote`, `unterminated-quote`.
  public var code: String
  public var cell: CellAddress?
  /// The text concerned, or the detail to show.
  public var detail: String
}

/// A workbook, whatever file it came from: its sheets in order and their rows.
public protocol SheetSource: AnyObject {
  var path: String { get }
  var sheets: [SheetInfo] { get }
  /// True when date serials count from 1904.
  var uses1904: Bool { get }
  func rows(of sheet: SheetInfo) throws(SheetReadError) -> any RowReading
  /// The font name of a cell's style (`Cell.styleIndex`), such as `.VnTime`: evidence for
  /// legacy Vietnamese text. Nil when the format has no fonts (CSV).
  func fontName(styleIndex: Int) -> String?
  /// Whether a cell's style shows its number as a percentage (the cell holds a fraction).
  func isPercentStyle(_ styleIndex: Int) -> Bool
  /// Workbook-level defined names and what they refer to, by name (.xlsx).
  var definedNames: [String: String] { get }
  /// Text custom document properties, by name (.xlsx).
  var customProperties: [String: String] { get }
}

extension SheetSource {
  public func fontName(styleIndex: Int) -> String? { nil }
  public func isPercentStyle(_ styleIndex: Int) -> Bool { false }
  public var definedNames: [String: String] { [:] }
  public var customProperties: [String: String] { [:] }
}

extension SheetSource {
  /// The sheet with this name, or a `sheetNotFound` error listing the names there are.
  public func sheet(named name: String) throws(SheetReadError) -> SheetInfo {
    guard let sheet = sheets.first(where: { $0.name == name }) else {
      throw .sheetNotFound(Location(file: path), name: name, available: sheets.map(\.name))
    }
    return sheet
  }
}

extension XLSXRowReader: RowReading {
  public var notes: [ReadNote] { [] }
}

extension XLSXRowReader: CellBatchFilling {}

extension XLSXWorkbook: SheetSource {
  public func rows(of sheet: SheetInfo) throws(SheetReadError) -> any RowReading {
    try rowReader(of: sheet)
  }
}

/// Opens any supported file by its content and name.
public enum Workbooks {
  /// The file's content decides first, whatever the name says: a zip package that states
  /// the OpenDocument spreadsheet media type is read as .ods, one that states another
  /// OpenDocument type is refused (`other-opendocument`), any other zip is read as
  /// .xlsx, and a compound file as .xls. Other files named `.csv`, `.tsv` or `.txt` are
  /// read as CSV; the rest go to the .xlsx reader, which names what they are in its error.
  public static func open(
    path: String, encoding: TextEncoding? = nil, limits: ReadLimits = .standard
  ) throws(SheetReadError) -> any SheetSource {
    let lower = path.lowercased()
    let text = lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt")
    switch try ContainerSniffer.signature(ofFileAt: path) {
    case .zip:
      if let archive = try? ZipArchive(path: path), let type = try ODSPackage.mediaType(of: archive, limits: limits) {
        if ODSPackage.isSpreadsheet(type) { return try ODSWorkbook(path: path, limits: limits) }
        if ODSPackage.isOpenDocument(type) { throw .otherOpenDocument(Location(file: path), mediaType: type) }
      }
      // A zip that libzip cannot open is named by the .xlsx reader (`damaged-zip`).
      return try XLSXWorkbook(path: path, limits: limits)
    case .compound: return try XLSWorkbook(path: path, limits: limits)
    case .rawBIFF: throw .legacyXLS(Location(file: path))
    case .other where text: return try CSVWorkbook(path: path, encoding: encoding)
    case .other: return try XLSXWorkbook(path: path, limits: limits)
    }
  }
}
