/// Tells an OpenDocument package by what it states, not by its name: the `mimetype`
/// entry (ODF 1.2 Part 3, §3.3), or, for a package without one, the media type of the
/// manifest's root entry (`META-INF/manifest.xml`, §4.3).
enum ODSPackage {
  static let spreadsheet = "application/vnd.oasis.opendocument.spreadsheet"
  private static let openDocumentPrefix = "application/vnd.oasis.opendocument."

  /// The OpenDocument media type the package states; nil when it states none, as an
  /// .xlsx package does not.
  static func mediaType(of archive: ZipArchive, limits: ReadLimits) throws(SheetReadError) -> String? {
    if archive.stat("mimetype") != nil {
      // The media type is a few dozen bytes; a larger entry is no mimetype.
      let bytes = try archive.readAll("mimetype", limit: 4096, limits: limits)
      return String(decoding: bytes, as: UTF8.self).trimmingSpaces
    }
    let manifestPart = "META-INF/manifest.xml"
    guard archive.stat("[Content_Types].xml") == nil, archive.stat(manifestPart) != nil else { return nil }
    let bytes = try archive.readAll(manifestPart, limit: limits.maxSmallPartBytes, limits: limits)
    let manifest = try ExpatTreeParser.parse(
      bytes, location: Location(file: archive.path, part: manifestPart), maxDepth: limits.maxXMLDepth)
    return manifest.children("file-entry").first { $0["full-path"] == "/" }?["media-type"]
  }

  /// True for the spreadsheet and spreadsheet-template media types.
  static func isSpreadsheet(_ mediaType: String) -> Bool {
    mediaType == spreadsheet || mediaType == spreadsheet + "-template"
  }

  /// True for any OpenDocument media type: text, presentation, drawing …
  static func isOpenDocument(_ mediaType: String) -> Bool { mediaType.hasPrefix(openDocumentPrefix) }
}
