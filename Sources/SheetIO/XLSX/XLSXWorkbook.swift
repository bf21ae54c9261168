import Foundation

/// An open .xlsx workbook: its sheets in workbook order, and readers for their rows.
///
/// Opening reads only the small parts (relationships, workbook, styles); shared strings
/// are read once, before the first sheet; each sheet is streamed when asked for.
public final class XLSXWorkbook {
  public let path: String
  public let limits: ReadLimits
  /// Sheets in the workbook's tab order (from `workbook.xml`, not from zip entry names).
  public let sheets: [SheetInfo]
  /// True when the workbook counts dates from 1904 (`<workbookPr date1904="1">`).
  public let uses1904: Bool
  /// Workbook-level defined names and what they refer to (`'Biểu 01'!$B$3`), by name.
  public let definedNames: [String: String]
  /// Text custom document properties (docProps/custom.xml), by name; empty when the
  /// part is missing or cannot be read, since nothing else depends on it.
  public let customProperties: [String: String]

  private let archive: ZipArchive
  private let styles: XLSXStyles
  private let sharedStringsPart: String?
  private var sharedStrings: [String]?

  private static let officeDocument = "/officeDocument"

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

    let workbookPart = try XLSXWorkbook.findWorkbookPart(archive, limits)
    let workbook = try XLSXWorkbook.tree(archive, workbookPart, limits)
    let relations = try XLSXWorkbook.relationships(of: workbookPart, in: archive, limits)
    uses1904 = ["1", "true"].contains(workbook.child("workbookPr")?["date1904"] ?? "")
    var names: [String: String] = [:]
    for defined in workbook.child("definedNames")?.children("definedName") ?? []
    where defined["localSheetId"] == nil {
      if let name = defined["name"] { names[name] = defined.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }
    definedNames = names
    customProperties = XLSXWorkbook.customProperties(archive, limits)

    var found: [SheetInfo] = []
    for (i, sheet) in (workbook.child("sheets")?.children("sheet") ?? []).enumerated() {
      let name = sheet["name"] ?? "Sheet\(i + 1)"
      guard let id = sheet["id"], let target = relations[id]?.target else {
        throw .missingPart(
          Location(file: path, part: workbookPart, sheet: name), part: "relationship for sheet '\(name)'")
      }
      let state = SheetState(rawValue: sheet["state"] ?? "visible") ?? .visible
      found.append(SheetInfo(name: name, state: state, index: i, partPath: target))
    }
    sheets = found

    let stylesPart = relations.values.first { $0.type.hasSuffix("/styles") }?.target
    if let stylesPart, archive.stat(stylesPart) != nil {
      styles = XLSXStyles(tree: try XLSXWorkbook.tree(archive, stylesPart, limits))
    } else {
      styles = XLSXStyles()
    }
    sharedStringsPart = relations.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
  }

  /// A streaming reader over the rows of `sheet`.
  public func rowReader(of sheet: SheetInfo) throws(SheetReadError) -> XLSXRowReader {
    let source: ZipEntryStream
    do {
      source = try archive.open(sheet.partPath, limit: limits.maxSheetPartBytes, limits: limits)
    } catch {
      throw error.relocated { $0.sheet = sheet.name }
    }
    // The sheet starts inflating on the second thread while the shared strings are read
    // here.
    let prefetch = PrefetchingByteSource(source)
    let strings = try loadSharedStrings()
    return XLSXRowReader(
      source: prefetch, limits: limits, sharedStrings: strings, styles: styles, uses1904: uses1904,
      sheetName: sheet.name)
  }

  /// The font name of a cell format (`cellXfs` index), such as `.VnTime` or `Times New Roman`.
  public func fontName(styleIndex: Int) -> String? {
    styles.fontNames.indices.contains(styleIndex) ? styles.fontNames[styleIndex] : nil
  }

  /// Whether a cell format (`cellXfs` index) shows its number as a percentage: the cell
  /// then holds the fraction (0.0521 shown as 5,21%).
  public func isPercentStyle(_ styleIndex: Int) -> Bool { styles.isPercentStyle(styleIndex) }

  private func loadSharedStrings() throws(SheetReadError) -> [String] {
    if let sharedStrings { return sharedStrings }
    var strings: [String] = []
    if let part = sharedStringsPart, archive.stat(part) != nil {
      let stream = try archive.open(part, limit: limits.maxSheetPartBytes, limits: limits)
      strings = try SharedStrings.load(from: stream, limits: limits)
    }
    sharedStrings = strings
    return strings
  }

  // MARK: Package structure

  private struct Relationship {
    var target: String
    var type: String
  }

  /// The main document from the package relationships (ECMA-376 Part 2, §9.3); files
  /// without `_rels/.rels` are accepted when `xl/workbook.xml` exists.
  private static func findWorkbookPart(_ archive: ZipArchive, _ limits: ReadLimits) throws(SheetReadError) -> String {
    if archive.stat("_rels/.rels") != nil {
      let rels = try tree(archive, "_rels/.rels", limits)
      for rel in rels.children("Relationship") where (rel["Type"] ?? "").hasSuffix(officeDocument) {
        if let target = rel["Target"] { return resolve(target, from: "") }
      }
    }
    if archive.stat("xl/workbook.xml") != nil { return "xl/workbook.xml" }
    throw .missingPart(Location(file: archive.path), part: "xl/workbook.xml")
  }

  /// docProps/custom.xml, found through the package relationships: each `property` with
  /// a text value (`vt:lpwstr`).
  private static func customProperties(_ archive: ZipArchive, _ limits: ReadLimits) -> [String: String] {
    guard archive.stat("_rels/.rels") != nil, let rels = try? tree(archive, "_rels/.rels", limits),
      let target = rels.children("Relationship").first(where: {
        ($0["Type"] ?? "").hasSuffix("/custom-properties")
      })?["Target"]
    else { return [:] }
    let part = resolve(target, from: "")
    guard archive.stat(part) != nil, let custom = try? tree(archive, part, limits) else { return [:] }
    var found: [String: String] = [:]
    for property in custom.children("property") {
      if let name = property["name"], let value = property.child("lpwstr")?.text { found[name] = value }
    }
    return found
  }

  private static func relationships(
    of part: String, in archive: ZipArchive, _ limits: ReadLimits
  ) throws(SheetReadError) -> [String: Relationship] {
    let folder = directory(of: part)
    let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + fileName(of: part) + ".rels"
    guard archive.stat(relsPart) != nil else { throw .missingPart(Location(file: archive.path), part: relsPart) }
    var result: [String: Relationship] = [:]
    for rel in try tree(archive, relsPart, limits).children("Relationship") {
      guard let id = rel["Id"], let target = rel["Target"], rel["TargetMode"] != "External" else { continue }
      result[id] = Relationship(target: resolve(target, from: folder), type: rel["Type"] ?? "")
    }
    return result
  }

  private static func tree(_ archive: ZipArchive, _ part: String, _ limits: ReadLimits) throws(SheetReadError)
    -> XMLNode
  {
    let bytes = try archive.readAll(part, limit: limits.maxSmallPartBytes, limits: limits)
    return try ExpatTreeParser.parse(
      bytes, location: Location(file: archive.path, part: part), maxDepth: limits.maxXMLDepth)
  }

  /// Resolves a relationship target: absolute targets start at the package root
  /// (some producers write `/xl/worksheets/sheet1.xml`), others are relative to the
  /// folder of the part that owns the relationship.
  static func resolve(_ target: String, from folder: String) -> String {
    var segments: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
    for segment in target.split(separator: "/") {
      switch segment {
      case ".": continue
      case "..": _ = segments.popLast()
      default: segments.append(segment)
      }
    }
    return segments.joined(separator: "/")
  }

  private static func directory(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "" }
    return String(part[..<slash])
  }

  private static func fileName(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return part }
    return String(part[part.index(after: slash)...])
  }
}
