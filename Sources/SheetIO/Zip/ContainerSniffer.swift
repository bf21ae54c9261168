import Foundation

/// Tells from a file's first bytes what kind of container it is, before any parser runs.
enum ContainerSniffer {
  enum Kind: Equatable {
    case zip
    case encryptedOOXML
    case legacyXLS
    case otherCompound
    case unknown
  }

  /// OLE2 / Compound File Binary signature ([MS-CFB] §2.2).
  private static let cfbSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  static func kind(ofFileAt path: String) throws(SheetReadError) -> Kind {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
      throw .unreadableFile(Location(file: path), reason: reason)
    }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 8)) ?? Data()
    if head.starts(with: [0x50, 0x4B]) { return .zip }
    guard head.elementsEqual(cfbSignature) else { return .unknown }
    // Directory entries name their streams in UTF-16LE. An encrypted OOXML package
    // stores `EncryptedPackage` ([MS-OFFCRYPTO] §2.3.4.4); BIFF8 stores `Workbook`,
    // BIFF5 `Book`. The directory of a spreadsheet-sized file sits within its first
    // few megabytes in practice; read at most 8 MiB.
    let body = (try? handle.read(upToCount: 8 << 20)) ?? Data()
    if contains(body, utf16: "EncryptedPackage") { return .encryptedOOXML }
    if contains(body, utf16: "Workbook") || contains(body, utf16: "Book\0") { return .legacyXLS }
    return .otherCompound
  }

  private static func contains(_ data: Data, utf16 text: String) -> Bool {
    var needle: [UInt8] = []
    for unit in text.utf16 { needle += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    return data.range(of: Data(needle)) != nil
  }
}
