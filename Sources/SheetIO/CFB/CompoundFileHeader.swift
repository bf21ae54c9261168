/// The 512-byte header of a compound file ([MS-CFB] §2.2): sector sizes and where the
/// sector tables and the directory start.
struct CompoundFileHeader {
  /// OLE2 / Compound File Binary signature ([MS-CFB] §2.2).
  static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
  /// Sector ids at or above this are markers, not sectors ([MS-CFB] §2.1).
  static let maxRegularSector: UInt32 = 0xFFFF_FFFA
  static let endOfChain: UInt32 = 0xFFFF_FFFE
  static let freeSector: UInt32 = 0xFFFF_FFFF
  /// FAT sector ids kept in the header itself; further ones are in DIFAT sectors.
  static let headerDIFATCount = 109

  /// 512 (version 3) or 4096 (version 4).
  var sectorSize: Int
  /// 64 in every version.
  var miniSectorSize: Int
  /// Streams shorter than this live in the mini stream (4096 per [MS-CFB]).
  var miniStreamCutoff: Int
  var fatSectorCount: Int
  var firstDirectorySector: UInt32
  var firstMiniFATSector: UInt32
  var miniFATSectorCount: Int
  var firstDIFATSector: UInt32
  var difatSectorCount: Int
  /// The first 109 FAT sector ids.
  var headerDIFAT: [UInt32]

  /// Parses and checks the header.
  /// - Throws: `damagedCompoundFile` for a short file, a wrong signature, byte order or
  ///   sector size.
  init(_ bytes: [UInt8], location: Location) throws(SheetReadError) {
    guard bytes.count >= 512 else {
      throw .damagedCompoundFile(location, reason: "the file is cut short: \(bytes.count) bytes, not even a header")
    }
    guard bytes.starts(with: CompoundFileHeader.signature) else {
      throw .damagedCompoundFile(location, reason: "no compound-file signature")
    }
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 {
      UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
    guard u16(28) == 0xFFFE else { throw .damagedCompoundFile(location, reason: "wrong byte-order mark") }
    let shift = u16(30)
    guard shift == 9 || shift == 12 else {
      throw .damagedCompoundFile(location, reason: "sector size 2^\(shift) (only 512 and 4096 exist)")
    }
    guard u16(32) == 6 else {
      throw .damagedCompoundFile(location, reason: "mini sector size 2^\(u16(32)) (only 64 exists)")
    }
    // [MS-CFB] §2.2 fixes the cutoff at 4096; a larger one would put big streams in the
    // mini stream, which is read into memory.
    guard u32(56) == 4096 else {
      throw .damagedCompoundFile(location, reason: "mini stream cutoff \(u32(56)) (only 4096 exists)")
    }
    sectorSize = 1 << shift
    miniSectorSize = 64
    miniStreamCutoff = 4096
    fatSectorCount = Int(u32(44))
    firstDirectorySector = u32(48)
    firstMiniFATSector = u32(60)
    miniFATSectorCount = Int(u32(64))
    firstDIFATSector = u32(68)
    difatSectorCount = Int(u32(72))
    headerDIFAT = (0..<CompoundFileHeader.headerDIFATCount).map { u32(76 + 4 * $0) }
  }
}
