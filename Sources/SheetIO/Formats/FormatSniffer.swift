/// What a file holds: a workbook in one of the formats thidua reads, or other files (an
/// archive, a saved e-mail), decided once from its bytes, whatever its name says.
public enum SniffedFile: Equatable, Sendable {
  case workbook(FileFormat)
  case container(ContainerFormat)
  /// Bytes that are neither (a PDF, a picture).
  case unknown
}

/// A file that holds files.
public enum ContainerFormat: String, Sendable {
  /// .zip without an Office package's parts, .rar, .7z, .tar and compressed tar.
  case archive
  /// RFC 5322 text with MIME (`.eml`: Thunderbird, webmail exports, Apple Mail).
  case eml
  /// Outlook's compound file (`.msg`).
  case msg
}

/// Tells a file's format from its bytes, whatever its name says.
public enum FormatSniffer {
  /// How many leading bytes the text checks look at.
  static let headBytes = 64 << 10

  /// What the content shows: a zip is an OpenDocument, Word or Excel package by its
  /// parts, else an archive; a compound file an Outlook message by its property streams,
  /// else an .xls; other bytes an archive by its signature, a saved e-mail by its header
  /// lines, else markup or delimited text.
  public static func sniff(fileAt path: String, limits: ReadLimits = .standard) throws(SheetReadError) -> SniffedFile {
    switch try ContainerSniffer.signature(ofFileAt: path) {
    case .zip: return try zipContent(path, limits: limits)
    case .compound: return MSGReader.isMessage(path: path) ? .container(.msg) : .workbook(.xls)
    case .rawBIFF: return .workbook(.xls)
    case .other:
      let head = try FileByteSource.head(path: path, count: headBytes)
      if ArchiveSniffer.hasSignature(head) { return .container(.archive) }
      if MailSniffer.looksLikeMessage(head, truncated: head.count == headBytes) { return .container(.eml) }
      return textFormat(head).map(SniffedFile.workbook) ?? .unknown
    }
  }

  /// The workbook format the content shows; nil for a container or bytes that are no
  /// format thidua reads.
  public static func format(ofFileAt path: String, limits: ReadLimits = .standard) throws(SheetReadError)
    -> FileFormat?
  {
    if case .workbook(let format) = try sniff(fileAt: path, limits: limits) { return format }
    return nil
  }

  /// A zip package by the parts it holds: the OpenDocument media type (`mimetype` or the
  /// manifest), Word's main part without a workbook part, a workbook; a zip with none of
  /// a package's parts is an archive.
  private static func zipContent(_ path: String, limits: ReadLimits) throws(SheetReadError) -> SniffedFile {
    let packageParts = [
      "[Content_Types].xml", "mimetype", "META-INF/manifest.xml", "xl/workbook.xml", "word/document.xml",
    ]
    guard let archive = try? ZipArchive(path: path) else {
      // libzip refuses it (cut short, a directory at odds with its members): an archive
      // when libarchive still reads entries and none of them belongs to a package (a cut
      // workbook's first entries are often `docProps/…` or `xl/theme/…`); otherwise the
      // .xlsx reader names the damage (`damaged-zip`).
      let names = ArchiveReader.zipEntryNames(path: path) ?? []
      return !names.isEmpty && !names.contains(where: isPackageEntry) ? .container(.archive) : .workbook(.xlsx)
    }
    if packageParts.allSatisfy({ archive.stat($0) == nil }) { return .container(.archive) }
    if let type = try ODSPackage.mediaType(of: archive, limits: limits), ODSPackage.isOpenDocument(type) {
      return .workbook(.ods)
    }
    if archive.stat("xl/workbook.xml") == nil, archive.stat("word/document.xml") != nil { return .workbook(.docx) }
    return .workbook(.xlsx)
  }

  /// An entry of an Office Open XML or OpenDocument package rather than a packed file.
  private static func isPackageEntry(_ name: String) -> Bool {
    let name = name.lowercased()
    let folders = ["_rels/", "docprops/", "xl/", "word/", "ppt/", "meta-inf/", "customxml/"]
    let parts = ["[content_types].xml", "mimetype", "content.xml", "styles.xml", "meta.xml", "settings.xml"]
    return parts.contains(name) || folders.contains { name.hasPrefix($0) }
  }

  /// Text: markup by its first element (HTML or an Excel 2003 XML workbook), otherwise
  /// delimited text. Bytes with NULs that are not UTF-16 are no text.
  static func textFormat(_ head: [UInt8]) -> FileFormat? {
    guard !head.isEmpty else { return nil }
    let (view, utf16) = asciiView(head)
    if let markup = markupFormat(view) { return markup }
    if MHTML.looks(view) { return .html }
    return utf16 || !view.contains(0) ? .csv : nil
  }

  /// The head as single bytes: UTF-16 (by its BOM, or by zeros in most of every other byte) keeps
  /// each unit's low byte, so that markup saved as UTF-16 is seen as such.
  private static func asciiView(_ head: [UInt8]) -> (bytes: [UInt8], utf16: Bool) {
    var bytes = head[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let pairs = bytes.count / 2
    guard pairs >= 2 else { return (Array(bytes), false) }
    let evenZeros = stride(from: 0, to: pairs * 2, by: 2).filter { bytes[bytes.startIndex + $0] == 0 }.count
    let oddZeros = stride(from: 1, to: pairs * 2, by: 2).filter { bytes[bytes.startIndex + $0] == 0 }.count
    let bigEndian = bytes.starts(with: [0xFE, 0xFF]) || evenZeros * 10 > pairs * 6
    let littleEndian = bytes.starts(with: [0xFF, 0xFE]) || oddZeros * 10 > pairs * 6
    guard bigEndian || littleEndian else { return (Array(bytes), false) }
    let low = stride(from: littleEndian ? 0 : 1, to: pairs * 2, by: 2).map { bytes[bytes.startIndex + $0] }
    return (Array(low.drop { $0 == 0xFF || $0 == 0xFE }), true)
  }

  /// Names of HTML elements that may open a page or a fragment that web software saves.
  private static let htmlOpeners: Set<String> = [
    "html", "head", "body", "table", "meta", "title", "style", "div", "p", "br", "span", "font", "center",
    "link", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "b", "strong", "base",
  ]

  /// The format of markup by its first element, past the XML declaration, processing
  /// instructions, comments and a document type; nil when the text is no markup.
  static func markupFormat(_ bytes: [UInt8]) -> FileFormat? {
    var i = 0
    func skipSpace() { while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 } }
    func skip(past end: [UInt8]) {
      while i < bytes.count, !bytes[i...].starts(with: end) { i += 1 }
      i += end.count
    }
    while true {
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "<") else { return nil }
      let rest = bytes[(i + 1)...]
      if rest.starts(with: Array("?".utf8)) {
        skip(past: Array("?>".utf8))
      } else if rest.starts(with: Array("!--".utf8)) {
        skip(past: Array("-->".utf8))
      } else if rest.first == UInt8(ascii: "!") {
        // A document type names the root: `<!DOCTYPE html>`, `<!DOCTYPE Workbook [...]>`
        // (which the reader then refuses, as it refuses any DTD).
        let declaration = String(decoding: rest.prefix(40), as: UTF8.self).lowercased()
        guard declaration.hasPrefix("!doctype") else { return nil }
        let root = declaration.dropFirst(8).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        if root.hasPrefix("html") { return .html }
        if root.hasPrefix("workbook") || root.hasPrefix("ss:workbook") { return .spreadsheetML }
        return nil
      } else {
        let name = rest.prefix { byte in
          (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        let local = String(decoding: name, as: UTF8.self).lowercased().split(separator: ":").last.map(String.init) ?? ""
        if local == "workbook" { return .spreadsheetML }
        return htmlOpeners.contains(local) ? .html : nil
      }
    }
  }
}
