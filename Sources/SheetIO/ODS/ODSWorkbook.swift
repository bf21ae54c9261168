/// An open OpenDocument spreadsheet (.ods): its sheets in order, and readers for their
/// rows, in the same model as the .xlsx and CSV readers.
///
/// Opening reads `styles.xml` and walks `content.xml` once without keeping its cells:
/// every table of an .ods is in that one part, so its sheet list needs a pass over it.
/// Each sheet is then streamed from the start of the part when asked for.
public final class ODSWorkbook {
  public let path: String
  public let limits: ReadLimits
  /// Sheets in the order of their `<table:table>` elements; a sheet whose table style
  /// says `table:display="false"` is hidden.
  public let sheets: [SheetInfo]
  /// True when the null date is 1904-01-01: the workbook came from a 1904 .xlsx.
  public var uses1904: Bool { dates.uses1904 }

  private let archive: ZipArchive
  private let styles: ODSStyles
  private let dates: ODSDateSystem
  /// The reader of `content.xml` left just after the end of table `index` by a row
  /// reader that read that table to its end: reading the sheets in order goes on from
  /// there instead of walking the part again from its start, so a workbook of many
  /// sheets reads in one pass, not one per sheet.
  private var resumable: (index: Int, reader: ODSXMLReader)?

  static let contentPart = "content.xml"
  static let stylesPart = "styles.xml"

  /// Opens the workbook at `path`.
  /// - Throws: `SheetReadError` naming what is wrong with the file.
  public init(path: String, limits: ReadLimits = .standard) throws(SheetReadError) {
    self.path = path
    self.limits = limits
    switch try ContainerSniffer.kind(ofFileAt: path) {
    case .zip: break
    case .encryptedOOXML: throw .encryptedWorkbook(Location(file: path))
    case .legacyXLS: throw .legacyXLS(Location(file: path))
    case .otherCompound: throw .otherCompoundFile(Location(file: path))
    case .unknown: throw .notAZip(Location(file: path))
    }
    archive = try ZipArchive(path: path)
    if let type = try ODSPackage.mediaType(of: archive, limits: limits), !ODSPackage.isSpreadsheet(type) {
      throw .otherOpenDocument(Location(file: path), mediaType: type)
    }
    guard archive.stat(ODSWorkbook.contentPart) != nil else {
      throw .missingPart(Location(file: path), part: ODSWorkbook.contentPart)
    }

    var collected = ODSStyleCollector()
    if archive.stat(ODSWorkbook.stylesPart) != nil {
      try ODSWorkbook.readStyles(archive, limits, into: &collected)
    }
    var tables: [(name: String, style: String?)] = []
    var listed: Int64 = 0
    var nullDate: String?
    let reader = try ODSWorkbook.contentReader(archive, limits)
    let walker = ODSContentWalker(
      section: { (reader) throws(SheetReadError) in
        try collected.readSection(reader, byteLimit: Int(clamping: limits.maxSmallPartBytes))
      },
      nullDate: { nullDate = $0 },
      table: { (reader, _) throws(SheetReadError) in
        let name = try reader.string(.table, "name") ?? "Sheet\(tables.count + 1)"
        tables.append((name, try reader.string(.table, "style-name")))
        // The sheet list is held like a small part: 64 bytes a sheet plus its name.
        listed += Int64(64 + name.utf8.count)
        guard listed <= limits.maxSmallPartBytes else {
          throw .partTooLarge(reader.location, bytes: listed, limit: limits.maxSmallPartBytes)
        }
        return false
      })
    _ = try walker.walk(reader)

    guard let system = nullDate.map({ ODSDateSystem(nullDateText: $0) }) ?? .standard else {
      throw .malformedXML(
        Location(file: path, part: ODSWorkbook.contentPart), reason: "table:null-date \"\(nullDate ?? "")\"")
    }
    dates = system
    let resolved = ODSStyles(collected)
    styles = resolved
    sheets = tables.enumerated().map { i, table in
      let hidden = table.style.map { resolved.hiddenTableStyles.contains($0) } ?? false
      return SheetInfo(
        name: table.name, state: hidden ? .hidden : .visible, index: i, partPath: ODSWorkbook.contentPart)
    }
  }

  /// A streaming reader over the rows of `sheet`.
  public func rowReader(of sheet: SheetInfo) throws(SheetReadError) -> ODSRowReader {
    do throws(SheetReadError) {
      var index = 0
      let reader: ODSXMLReader
      if let resumable, resumable.index + 1 == sheet.index {
        reader = resumable.reader
        index = sheet.index
      } else {
        reader = try ODSWorkbook.contentReader(archive, limits)
      }
      resumable = nil
      var empty = false
      let walker = ODSContentWalker(table: { (_, selfClosing) throws(SheetReadError) in
        defer { index += 1 }
        empty = selfClosing
        return index == sheet.index
      })
      guard try walker.walk(reader) else {
        throw SheetReadError.missingPart(
          Location(file: path, part: ODSWorkbook.contentPart), part: "table '\(sheet.name)'")
      }
      let rows = ODSRowReader(
        reader: reader, styles: styles, dates: dates, limits: limits, sheetName: sheet.name, isEmpty: empty)
      rows.onTableEnd = { [weak self] reader in self?.resumable = (sheet.index, reader) }
      return rows
    } catch {
      throw error.relocated { $0.sheet = sheet.name }
    }
  }

  /// The font of a cell style (`Cell.styleIndex`), such as `.VnTime` or `Calibri`: its
  /// `style:font-name` through `office:font-face-decls`, or its `fo:font-family`,
  /// inherited from parent styles and the default style.
  public func fontName(styleIndex: Int) -> String? {
    styles.fontNames.indices.contains(styleIndex) ? styles.fontNames[styleIndex] : nil
  }

  /// Whether a cell style shows its number as a percentage (the cell holds the fraction).
  public func isPercentStyle(_ styleIndex: Int) -> Bool { styles.isPercentStyle(styleIndex) }

  private static func contentReader(_ archive: ZipArchive, _ limits: ReadLimits) throws(SheetReadError)
    -> ODSXMLReader
  {
    let stream = try archive.open(contentPart, limit: limits.maxSheetPartBytes, limits: limits)
    // The part inflates on the second thread while this one scans it.
    return ODSXMLReader(source: PrefetchingByteSource(stream), limits: limits)
  }

  /// The font faces, named and automatic styles of `styles.xml`, a small part.
  private static func readStyles(
    _ archive: ZipArchive, _ limits: ReadLimits, into collected: inout ODSStyleCollector
  ) throws(SheetReadError) {
    let stream = try archive.open(stylesPart, limit: limits.maxSmallPartBytes, limits: limits)
    let reader = ODSXMLReader(source: stream, limits: limits)
    while true {
      switch try reader.next() {
      case .start(let namespace, let local, let selfClosing):
        guard !selfClosing, reader.depth > 1 else { continue }
        if namespace == .office,
          reader.matches(local, "font-face-decls") || reader.matches(local, "styles")
            || reader.matches(local, "automatic-styles")
        {
          try collected.readSection(reader, byteLimit: .max)
        } else {
          try reader.skipElement()
        }
      case .end, .text, .cdata: continue
      case .endOfDocument: return
      }
    }
  }
}

extension ODSRowReader: RowReading {
  public var notes: [ReadNote] { [] }
}

extension ODSWorkbook: SheetSource {
  public var format: FileFormat { .ods }

  public func rows(of sheet: SheetInfo) throws(SheetReadError) -> any RowReading {
    try rowReader(of: sheet)
  }
}
