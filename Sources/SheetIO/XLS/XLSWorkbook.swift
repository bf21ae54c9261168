/// An open Excel 97–2003 workbook (.xls, BIFF8; Excel 5 and 95 BIFF5 where cheap): its
/// sheets in tab order, and readers for their rows.
///
/// The workbook is a compound file ([MS-CFB]) holding a `Workbook` stream (BIFF5:
/// `Book`) of records ([MS-XLS]). Opening reads the workbook globals at the start of
/// that stream (fonts, formats, sheets, shared strings); each sheet's records are read
/// when its rows are asked for.
public final class XLSWorkbook: SheetSource {
  public let path: String
  public let limits: ReadLimits
  /// Sheets in the workbook's tab order (the order of its BOUNDSHEET records).
  public let sheets: [SheetInfo]
  /// True when the workbook counts dates from 1904 (a DATEMODE record of 1).
  public let uses1904: Bool
  public var format: FileFormat { .xls }
  /// 8 for Excel 97–2003 files, 5 for Excel 5 and 95 files.
  public let biffVersion: Int

  private let stream: CompoundStream
  private let globals: XLSGlobals

  /// Opens the workbook at `path`.
  /// - Throws: `SheetReadError`: `encryptedXLS` for a password-protected .xls,
  ///   `encryptedWorkbook` for a password-protected .xlsx, `legacyXLS` for a version
  ///   before Excel 5, `otherCompoundFile` for another Office document,
  ///   `damagedCompoundFile`, `compoundFileTooLarge` or `damagedXLS` for a broken file.
  public init(path: String, limits: ReadLimits = .standard) throws(SheetReadError) {
    self.path = path
    self.limits = limits
    let head = try RandomAccessFile(path: path).bytes(at: 0, count: 8)
    guard head == CompoundFileHeader.signature else { throw .notAZip(Location(file: path)) }
    let compound = try CompoundFile(path: path, limits: limits)
    let children = try compound.rootChildren().filter { $0.kind == .stream }.map { $0.name.uppercased() }
    // An encrypted .xlsx is a compound file too ([MS-OFFCRYPTO] §2.3.4.4).
    if children.contains("ENCRYPTEDPACKAGE") { throw .encryptedWorkbook(Location(file: path)) }
    guard let name = ["WORKBOOK", "BOOK"].first(where: children.contains),
      let found = try compound.stream(named: name)
    else {
      throw .otherCompoundFile(Location(file: path))
    }
    stream = found
    let records = BIFFRecordReader(stream: found, location: Location(file: path, part: found.name))
    globals = try XLSGlobals(records)
    uses1904 = globals.uses1904
    biffVersion = globals.version == .biff8 ? 8 : 5
    sheets = globals.sheets.enumerated().map { i, sheet in
      SheetInfo(name: sheet.name, state: sheet.state, index: i, partPath: found.name)
    }
  }

  /// A streaming reader over the rows of `sheet`.
  /// - Throws: `damagedXLS` when the sheet's offset lies outside the stream or its
  ///   substream does not start with a BOF record.
  public func rowReader(of sheet: SheetInfo) throws(SheetReadError) -> XLSRowReader {
    let location = Location(file: path, part: stream.name, sheet: sheet.name)
    guard globals.sheets.indices.contains(sheet.index), globals.sheets[sheet.index].name == sheet.name else {
      throw .sheetNotFound(Location(file: path), name: sheet.name, available: sheets.map(\.name))
    }
    let entry = globals.sheets[sheet.index]
    let records = BIFFRecordReader(stream: stream.copy(), location: location)
    guard entry.offset < stream.size else {
      throw .damagedXLS(
        location, reason: "the sheet starts at byte \(entry.offset), past the end of the stream (\(stream.size) bytes)")
    }
    records.seek(to: entry.offset)
    guard try records.next(), records.id == BIFFRecord.bof else {
      throw .damagedXLS(location, reason: "no BOF record at byte \(entry.offset), where the sheet should start")
    }
    if entry.isChart {
      // A chart sheet has no cells: read nothing of it.
      records.seek(to: stream.size)
    }
    return XLSRowReader(
      records: records, styles: globals.styles, sharedStrings: globals.sharedStrings, version: globals.version,
      encoding: globals.encoding, uses1904: uses1904, sheetName: sheet.name)
  }

  public func rows(of sheet: SheetInfo) throws(SheetReadError) -> any RowReading {
    try rowReader(of: sheet)
  }

  /// The font name of a cell format (the cell's XF index, `Cell.styleIndex`), such as
  /// `.VnTime` or `Times New Roman`.
  public func fontName(styleIndex: Int) -> String? {
    let names = globals.styles.fontNames
    return names.indices.contains(styleIndex) ? names[styleIndex] : nil
  }

  /// Whether a cell format shows its number as a percentage (the cell holds the fraction).
  public func isPercentStyle(_ styleIndex: Int) -> Bool { globals.styles.isPercentStyle(styleIndex) }
}

extension XLSRowReader: RowReading {
  public var notes: [ReadNote] { [] }
}
