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

  /// What the first bytes of a file say, enough to choose a reader.
  enum Signature: Equatable {
    /// A zip archive: local file header or empty archive (`PK\3\4`, `PK\5\6`).
    case zip
    /// An OLE2 compound file ([MS-CFB] §2.2).
    case compound
    /// A bare BIFF2–BIFF8 record stream outside a compound file: Excel 2.x–4.0 files
    /// (and a few old tools' BIFF5) begin with a BOF record (id 0x0009, 0x0209, 0x0409
    /// or 0x0809, then a short length).
    case rawBIFF
    case other
  }

  /// OLE2 / Compound File Binary signature ([MS-CFB] §2.2).
  private static let cfbSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  /// Reads the first 8 bytes. Only full signatures count, so that a CSV file whose text
  /// starts with "PK" stays a CSV file.
  static func signature(ofFileAt path: String) throws(SheetReadError) -> Signature {
    let head = try FileByteSource.head(path: path, count: 8)
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
    if head.elementsEqual(cfbSignature) { return .compound }
    if head.count >= 4, head[0] == 0x09, [0x00, 0x02, 0x04, 0x08].contains(head[1]), head[3] == 0,
      (4...20).contains(head[2])
    {
      return .rawBIFF
    }
    return .other
  }

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
