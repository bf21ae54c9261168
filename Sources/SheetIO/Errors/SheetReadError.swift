/// Why a file cannot be read further. Each case carries the deepest location known.
///
/// A thrown `SheetReadError` stops the reading of one file only; callers that process
/// many files turn it into a finding and go on.
public enum SheetReadError: Error, Hashable, Sendable {
  /// The file could not be opened or read from disk.
  case unreadableFile(Location, reason: String)
  /// The bytes are neither a zip archive nor a known spreadsheet container.
  case notAZip(Location)
  /// A zip archive that is cut short or inconsistent; `reason` is libzip's text.
  case damagedZip(Location, reason: String)
  /// An OLE2 compound file holding an `EncryptedPackage`: a password-protected .xlsx.
  case encryptedWorkbook(Location)
  /// An Excel workbook older than Excel 97 that thidua cannot read: BIFF2–4, or a BIFF
  /// stream outside a compound file.
  case legacyXLS(Location)
  /// An OLE2 compound file of some other kind (a Word document, say).
  case otherCompoundFile(Location)
  /// A part the workbook needs is absent from the archive.
  case missingPart(Location, part: String)
  /// The XML declares a document type; refused so that no entity is ever expanded.
  case doctypeForbidden(Location)
  /// A part inflates to more bytes than the limit allows.
  case partTooLarge(Location, bytes: Int64, limit: Int64)
  /// A part inflates to more than `limit` times its compressed size: a zip bomb.
  case compressionRatioExceeded(Location, ratio: Int64, limit: Int64)
  /// Elements nest deeper than the limit.
  case xmlTooDeep(Location, limit: Int)
  /// The XML is not well formed; `reason` says what was seen.
  case malformedXML(Location, reason: String)
  /// A cell or range reference that is malformed or outside Excel's grid.
  case badCellReference(Location, text: String)
  /// No sheet of that name; `available` lists the names there are.
  case sheetNotFound(Location, name: String, available: [String])
  /// An OLE2 compound file ([MS-CFB]) whose structure is broken: cut short, a sector
  /// chain that loops or points past the end, a bad header; `reason` says which.
  case damagedCompoundFile(Location, reason: String)
  /// A compound file over one of the limits in `ReadLimits` (sectors, stream size,
  /// directory entries); `what` names the limit.
  case compoundFileTooLarge(Location, what: String, count: Int64, limit: Int64)
  /// A BIFF record stream (.xls) that breaks the format: a record longer than BIFF
  /// allows or running past the stream, a count its record cannot hold.
  case damagedXLS(Location, reason: String)
  /// A password-protected .xls (a `FILEPASS` record in the workbook globals).
  case encryptedXLS(Location)
  /// A cell with a value, or a merge, lies past Excel's grid: in .ods files, where cell
  /// positions are implicit, through the cells or repeats before it. `what` names it.
  case beyondGrid(Location, what: String)
  /// Repeats (`number-columns-repeated`, `number-rows-repeated`, `text:c`) expand to
  /// more cells or characters than the limit: a tiny file that would read for hours.
  case repeatLimitExceeded(Location, what: String, limit: Int)
  /// An OpenDocument package of another kind (a text document, a presentation).
  case otherOpenDocument(Location, mediaType: String)
  /// An XML part holds bytes that are not UTF-8: `byteOffset` is the bad byte's offset
  /// in the part, `bytes` it and up to three before it, in hex.
  case invalidUTF8(Location, byteOffset: Int, bytes: String)
  /// A sheet whose grid (up to its last row and column with a value) has more cells than
  /// a CSV may be written with: one cell far from the others would make the CSV a
  /// gigabyte of commas.
  case gridTooLarge(Location, rows: Int, columns: Int, limit: Int)
  /// A sheet whose CSV would have more bytes than the limit (estimated from its cells).
  case outputTooLarge(Location, bytes: Int, limit: Int)
  /// An HTML page or a Word document without any table: it has no sheet to read.
  case noTable(Location)
  /// An archive or a saved e-mail: it holds files, it is none. `kind` is `archive`,
  /// `eml` or `msg`.
  case container(Location, kind: String)

  /// A stable kebab-case code, also used by the command line.
  public var code: String {
    switch self {
    case .unreadableFile: return "unreadable-file"
    case .notAZip: return "not-a-zip"
    case .damagedZip: return "damaged-zip"
    case .encryptedWorkbook: return "encrypted-workbook"
    case .legacyXLS: return "legacy-xls"
    case .otherCompoundFile: return "other-compound-file"
    case .missingPart: return "missing-part"
    case .doctypeForbidden: return "doctype-forbidden"
    case .partTooLarge: return "part-too-large"
    case .compressionRatioExceeded: return "compression-ratio-exceeded"
    case .xmlTooDeep: return "xml-too-deep"
    case .malformedXML: return "malformed-xml"
    case .badCellReference: return "bad-cell-reference"
    case .sheetNotFound: return "sheet-not-found"
    case .damagedCompoundFile: return "damaged-compound-file"
    case .compoundFileTooLarge: return "compound-file-too-large"
    case .damagedXLS: return "damaged-xls"
    case .encryptedXLS: return "encrypted-xls"
    case .beyondGrid: return "beyond-grid"
    case .repeatLimitExceeded: return "repeat-limit-exceeded"
    case .otherOpenDocument: return "other-opendocument"
    case .invalidUTF8: return "invalid-utf8"
    case .gridTooLarge: return "grid-too-large"
    case .outputTooLarge: return "output-too-large"
    case .noTable: return "no-table"
    case .container: return "container"
    }
  }

  /// The process exit status the command line uses for this error (documented in
  /// docs/cli.md); each code has its own.
  public var exitStatus: Int32 {
    switch self {
    case .unreadableFile: return 10
    case .notAZip: return 11
    case .damagedZip: return 12
    case .encryptedWorkbook: return 13
    case .legacyXLS: return 14
    case .otherCompoundFile: return 15
    case .missingPart: return 16
    case .doctypeForbidden: return 17
    case .partTooLarge: return 18
    case .compressionRatioExceeded: return 19
    case .xmlTooDeep: return 20
    case .malformedXML: return 21
    case .badCellReference: return 22
    case .sheetNotFound: return 23
    case .damagedCompoundFile: return 24
    case .compoundFileTooLarge: return 25
    case .damagedXLS: return 26
    case .encryptedXLS: return 27
    case .beyondGrid: return 28
    case .repeatLimitExceeded: return 29
    case .otherOpenDocument: return 30
    case .invalidUTF8: return 31
    case .gridTooLarge: return 32
    case .outputTooLarge: return 33
    case .noTable: return 34
    case .container: return 35
    }
  }

  public var location: Location {
    switch self {
    case .unreadableFile(let l, _), .notAZip(let l), .damagedZip(let l, _),
      .encryptedWorkbook(let l), .legacyXLS(let l), .otherCompoundFile(let l),
      .missingPart(let l, _), .doctypeForbidden(let l), .partTooLarge(let l, _, _),
      .compressionRatioExceeded(let l, _, _), .xmlTooDeep(let l, _), .malformedXML(let l, _),
      .badCellReference(let l, _), .sheetNotFound(let l, _, _), .damagedCompoundFile(let l, _),
      .compoundFileTooLarge(let l, _, _, _), .damagedXLS(let l, _), .encryptedXLS(let l), .beyondGrid(let l, _),
      .repeatLimitExceeded(let l, _, _), .otherOpenDocument(let l, _), .invalidUTF8(let l, _, _),
      .gridTooLarge(let l, _, _, _), .outputTooLarge(let l, _, _), .noTable(let l), .container(let l, _):
      return l
    }
  }

  /// The same error with the location replaced, for callers that know more.
  public func relocated(_ update: (inout Location) -> Void) -> SheetReadError {
    var l = location
    update(&l)
    switch self {
    case .unreadableFile(_, let r): return .unreadableFile(l, reason: r)
    case .notAZip: return .notAZip(l)
    case .damagedZip(_, let r): return .damagedZip(l, reason: r)
    case .encryptedWorkbook: return .encryptedWorkbook(l)
    case .legacyXLS: return .legacyXLS(l)
    case .otherCompoundFile: return .otherCompoundFile(l)
    case .missingPart(_, let p): return .missingPart(l, part: p)
    case .doctypeForbidden: return .doctypeForbidden(l)
    case .partTooLarge(_, let b, let m): return .partTooLarge(l, bytes: b, limit: m)
    case .compressionRatioExceeded(_, let r, let m): return .compressionRatioExceeded(l, ratio: r, limit: m)
    case .xmlTooDeep(_, let m): return .xmlTooDeep(l, limit: m)
    case .malformedXML(_, let r): return .malformedXML(l, reason: r)
    case .badCellReference(_, let t): return .badCellReference(l, text: t)
    case .sheetNotFound(_, let n, let a): return .sheetNotFound(l, name: n, available: a)
    case .damagedCompoundFile(_, let r): return .damagedCompoundFile(l, reason: r)
    case .compoundFileTooLarge(_, let w, let c, let m): return .compoundFileTooLarge(l, what: w, count: c, limit: m)
    case .damagedXLS(_, let r): return .damagedXLS(l, reason: r)
    case .encryptedXLS: return .encryptedXLS(l)
    case .beyondGrid(_, let w): return .beyondGrid(l, what: w)
    case .repeatLimitExceeded(_, let w, let m): return .repeatLimitExceeded(l, what: w, limit: m)
    case .otherOpenDocument(_, let t): return .otherOpenDocument(l, mediaType: t)
    case .invalidUTF8(_, let o, let b): return .invalidUTF8(l, byteOffset: o, bytes: b)
    case .gridTooLarge(_, let r, let c, let m): return .gridTooLarge(l, rows: r, columns: c, limit: m)
    case .outputTooLarge(_, let b, let m): return .outputTooLarge(l, bytes: b, limit: m)
    case .noTable: return .noTable(l)
    case .container(_, let k): return .container(l, kind: k)
    }
  }
}

extension SheetReadError {
  /// What is wrong, in English, without the file's place: for a finding about a file
  /// that only held others (an e-mail), whose own place means nothing to the reader.
  public var technicalReason: String {
    switch self {
    case .unreadableFile(_, let reason), .damagedZip(_, let reason), .malformedXML(_, let reason),
      .damagedCompoundFile(_, let reason), .damagedXLS(_, let reason):
      return reason
    case .compoundFileTooLarge(_, let what, let count, let limit): return "\(what): \(count), limit \(limit)"
    default: return code
    }
  }
}
