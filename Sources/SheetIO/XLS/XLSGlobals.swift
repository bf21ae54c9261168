/// The workbook globals of an .xls, the substream at the start of its `Workbook` (or
/// BIFF5 `Book`) stream ([MS-XLS] §2.1.7.20.1): version, code page, date system, fonts,
/// number formats, cell formats, the sheets and the shared strings.
struct XLSGlobals {
  /// A sheet as BOUNDSHEET lists it.
  struct Sheet {
    var name: String
    var state: SheetState
    /// Stream offset of the sheet's BOF record.
    var offset: Int64
    /// A chart sheet has no cells.
    var isChart: Bool
  }

  private(set) var version = BIFFVersion.biff8
  /// The code page of BIFF5 byte strings (CODEPAGE record), Windows-1252 by default.
  private(set) var encoding = TextEncoding.windows1252
  private(set) var uses1904 = false
  private(set) var styles = XLSStyles()
  private(set) var sheets: [Sheet] = []
  private(set) var sharedStrings: [String] = []

  /// Reads the globals from the start of the stream up to their EOF record.
  /// - Throws: `encryptedXLS` at a FILEPASS record, `legacyXLS` for BIFF2–4,
  ///   `damagedXLS` for records that break the format.
  init(_ records: BIFFRecordReader) throws(SheetReadError) {
    let location = records.location
    guard try records.next() else { throw .damagedXLS(location, reason: "the workbook stream is empty") }
    if BIFFRecord.oldBOFs.contains(records.id) { throw .legacyXLS(location) }
    guard records.id == BIFFRecord.bof, records.body.count >= 4 else {
      throw .damagedXLS(location, reason: "the workbook stream does not start with a BOF record")
    }
    switch records.body.u16(0) {
    case 0x0600: version = .biff8
    case 0x0500: version = .biff5
    case 0x0000...0x0400: throw .legacyXLS(location)
    default: version = records.stream.name.uppercased() == "BOOK" ? .biff5 : .biff8
    }
    var fonts: [String] = []
    var formats: [Int: String] = [:]
    var xfs: [XLSStyles.Format] = []
    while try records.next() {
      let body = records.body
      func damaged(_ what: String) -> SheetReadError {
        .damagedXLS(location, reason: "\(what) record at byte \(records.recordOffset) is cut short")
      }
      switch records.id {
      case BIFFRecord.eof:
        styles = XLSStyles(fonts: fonts, formats: formats, xfs: xfs)
        return
      case BIFFRecord.filePass:
        throw .encryptedXLS(location)
      case BIFFRecord.codePage:
        guard body.count >= 2 else { throw damaged("CODEPAGE") }
        encoding = XLSGlobals.encoding(codePage: body.u16(0))
      case BIFFRecord.dateMode:
        guard body.count >= 2 else { throw damaged("DATEMODE") }
        uses1904 = body.u16(0) == 1
      case BIFFRecord.font:
        guard let name = text(body, at: 14, countBytes: 1) else { throw damaged("FONT") }
        fonts.append(name)
      case BIFFRecord.format:
        guard body.count >= 2, let code = text(body, at: 2, countBytes: version == .biff8 ? 2 : 1) else {
          throw damaged("FORMAT")
        }
        formats[body.u16(0)] = code
      case BIFFRecord.xf:
        guard body.count >= 4 else { throw damaged("XF") }
        xfs.append(XLSStyles.Format(font: body.u16(0), numberFormat: body.u16(2)))
      case BIFFRecord.boundSheet:
        guard body.count >= 6, let name = text(body, at: 6, countBytes: 1) else { throw damaged("BOUNDSHEET") }
        let kind = body.u8(5)
        // A Visual Basic module (type 6) is listed as a sheet but has no substream.
        if kind == 6 { continue }
        let states: [SheetState] = [.visible, .hidden, .veryHidden]
        let state = states.indices.contains(body.u8(4) & 0x03) ? states[body.u8(4) & 0x03] : .hidden
        sheets.append(Sheet(name: name, state: state, offset: Int64(body.u32(0)), isChart: kind == 2))
      case BIFFRecord.sst where version == .biff8:
        var segments = [Array(body)]
        while try records.peekID() == BIFFRecord.continue {
          _ = try records.next()
          segments.append(Array(records.body))
        }
        sharedStrings = try SharedStringTable(segments: segments, location: location).strings
      default:
        continue
      }
    }
    throw .damagedXLS(location, reason: "the workbook globals end without an EOF record")
  }

  private func text(_ body: UnsafeRawBufferPointer, at offset: Int, countBytes: Int) -> String? {
    BIFFText.string(body, at: offset, countBytes: countBytes, biff8: version == .biff8, encoding: encoding)?.text
  }

  /// The encoding of a CODEPAGE value ([MS-XLS] §2.4.52). Only the Vietnamese and
  /// Western Windows code pages have tables here; any other reads as Windows-1252.
  static func encoding(codePage: Int) -> TextEncoding {
    codePage == 1258 ? .windows1258 : .windows1252
  }
}
