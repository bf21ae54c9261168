/// One 128-byte entry of a compound file's directory ([MS-CFB] §2.6): a storage (a
/// folder), a stream (a file) or the root.
struct DirectoryEntry {
  enum Kind: UInt8 {
    case unused = 0
    case storage = 1
    case stream = 2
    case root = 5
  }

  /// Marks "no entry" in the sibling and child links.
  static let none: UInt32 = 0xFFFF_FFFF
  static let size = 128

  var name: String
  var kind: Kind
  var left: UInt32
  var right: UInt32
  var child: UInt32
  var startSector: UInt32
  var streamSize: Int64

  /// Parses the entry at `offset` of a directory sector. `version3` masks the high half
  /// of the stream size, which version 3 files may leave uninitialised ([MS-CFB] §2.6.3).
  init(_ bytes: UnsafeRawBufferPointer, at offset: Int, version3: Bool) {
    func u16(_ at: Int) -> UInt16 { UInt16(bytes[offset + at]) | UInt16(bytes[offset + at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    // The name length counts bytes, terminating NUL included; at most 32 UTF-16 units.
    let nameBytes = min(Int(u16(64)), 64)
    var units: [UInt16] = []
    for i in stride(from: 0, to: nameBytes - 1, by: 2) {
      let unit = u16(i)
      if unit == 0 { break }
      units.append(unit)
    }
    name = String(decoding: units, as: UTF16.self)
    kind = Kind(rawValue: bytes[offset + 66]) ?? .unused
    left = u32(68)
    right = u32(72)
    child = u32(76)
    startSector = u32(116)
    let low = Int64(u32(120))
    let high = Int64(u32(124))
    streamSize = version3 ? low : high << 32 | low
  }
}
