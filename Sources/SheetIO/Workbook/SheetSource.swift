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
  /// The format the file's content showed.
  var format: FileFormat { get }
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
  public var format: FileFormat { .xlsx }

  public func rows(of sheet: SheetInfo) throws(SheetReadError) -> any RowReading {
    try rowReader(of: sheet)
  }
}

/// Opens any supported file by its content, whatever its name says.
public enum Workbooks {
  /// The content decides (`FormatSniffer.sniff`). An archive or a saved e-mail is refused
  /// (`container`): the inbox reads what it holds. A zip package is .ods, .docx or .xlsx by
  /// the parts it holds, a compound file .xls, markup HTML or Excel 2003 XML, other text
  /// CSV. Bytes that are none of these go to the CSV reader when the name says
  /// `.csv`, `.tsv` or `.txt`, else to the .xlsx reader, which names what they are in its error.
  public static func open(
    path: String, encoding: TextEncoding? = nil, limits: ReadLimits = .standard
  ) throws(SheetReadError) -> any SheetSource {
    let format: FileFormat?
    switch try FormatSniffer.sniff(fileAt: path, limits: limits) {
    case .container(let kind): throw .container(Location(file: path), kind: kind.rawValue)
    case .workbook(let sniffed): format = sniffed
    case .unknown: format = nil
    }
    switch format {
    case .ods:
      let archive = try ZipArchive(path: path)
      if let type = try ODSPackage.mediaType(of: archive, limits: limits), !ODSPackage.isSpreadsheet(type) {
        throw .otherOpenDocument(Location(file: path), mediaType: type)
      }
      return try ODSWorkbook(path: path, limits: limits)
    case .xls:
      if try ContainerSniffer.signature(ofFileAt: path) == .rawBIFF { throw .legacyXLS(Location(file: path)) }
      return try XLSWorkbook(path: path, limits: limits)
    case .csv: return try CSVWorkbook(path: path, encoding: encoding)
    case .html: return try withTables(HTMLWorkbook.open(path: path, encoding: encoding, limits: limits))
    case .spreadsheetML: return try SpreadsheetMLWorkbook.open(path: path, limits: limits)
    case .docx: return try withTables(DocxWorkbook.open(path: path, limits: limits))
    case .xlsx: return try XLSXWorkbook(path: path, limits: limits)
    case nil:
      if FileFormat(fileName: path) == .csv { return try CSVWorkbook(path: path, encoding: encoding) }
      return try XLSXWorkbook(path: path, limits: limits)
    }
  }

  /// A document whose tables are its sheets, refused when it has none (`no-table`).
  private static func withTables(_ document: GridWorkbook) throws(SheetReadError) -> GridWorkbook {
    if document.sheets.isEmpty { throw .noTable(Location(file: document.path)) }
    return document
  }
}
