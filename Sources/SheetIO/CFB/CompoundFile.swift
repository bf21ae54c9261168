/// An OLE2 compound file ([MS-CFB]), the container of .xls workbooks: its sector
/// tables, its directory, and its streams by name.
///
/// Opening reads the header, the DIFAT, the FAT and the directory; streams are read on
/// demand. Every chain is checked for loops and for sectors past the end of the file,
/// and the limits of `ReadLimits` (sectors, stream size, directory entries) hold before
/// anything is allocated for them.
final class CompoundFile {
  let path: String
  let header: CompoundFileHeader
  /// Directory entries in file order; entry 0 is the root.
  let entries: [DirectoryEntry]

  // Used by CompoundFile+Streams.swift.
  let file: RandomAccessFile
  let limits: ReadLimits
  let fat: SectorChain
  /// The MiniFAT and the mini stream, read when the first small stream is opened.
  var miniFAT: SectorChain?
  var miniStream: CompoundStream?

  /// Opens the compound file at `path`.
  /// - Throws: `damagedCompoundFile` for a broken structure, `compoundFileTooLarge` past
  ///   a limit, `unreadableFile` when it cannot be read.
  init(path: String, limits: ReadLimits = .standard) throws(SheetReadError) {
    self.path = path
    self.limits = limits
    file = try RandomAccessFile(path: path)
    let location = Location(file: path)
    header = try CompoundFileHeader(try file.bytes(at: 0, count: 512), location: location)

    let sectorSize = Int64(header.sectorSize)
    // Sector n starts at (n + 1) × the sector size: the header fills sector "-1".
    let sectorCount = max(0, Int((file.size - sectorSize + sectorSize - 1) / sectorSize))
    guard sectorCount <= limits.maxCompoundSectors else {
      throw .compoundFileTooLarge(
        location, what: "sectors", count: Int64(sectorCount), limit: Int64(limits.maxCompoundSectors))
    }
    guard header.fatSectorCount <= sectorCount else {
      throw .damagedCompoundFile(
        location,
        reason: "the header declares \(header.fatSectorCount) FAT sectors; the file has \(sectorCount) sectors in all")
    }
    let fatSectors = try CompoundFile.fatSectorIDs(header, file, sectorCount, location)
    var table: [UInt32] = []
    table.reserveCapacity(min(fatSectors.count * header.sectorSize / 4, sectorCount + header.sectorSize / 4))
    for id in fatSectors {
      // Entries past the file's last sector describe nothing: the table never needs to
      // be longer than the file has sectors.
      if table.count >= sectorCount { break }
      table += try CompoundFile.sectorWords(Int(id), file, header, location)
    }
    fat = SectorChain(table: table, count: min(sectorCount, table.count), space: "the file", location: location)

    let perSector = header.sectorSize / DirectoryEntry.size
    let maxEntries = limits.maxDirectoryEntries
    let directorySectors = try fat.walk(
      from: header.firstDirectorySector, needed: nil, of: "the directory",
      maxLength: (maxEntries + perSector - 1) / perSector,
      tooLong: {
        .compoundFileTooLarge(
          location, what: "directory entries", count: Int64($0 * perSector), limit: Int64(maxEntries))
      }
    )
    var found: [DirectoryEntry] = []
    let version3 = header.sectorSize == 512
    for id in directorySectors {
      let bytes = try CompoundFile.sector(Int(id), file, header, location)
      bytes.withUnsafeBytes { raw in
        for i in 0..<perSector { found.append(DirectoryEntry(raw, at: i * DirectoryEntry.size, version3: version3)) }
      }
    }
    guard found.first?.kind == .root else {
      throw .damagedCompoundFile(location, reason: "the directory has no root entry")
    }
    entries = found
  }

  /// The FAT sector ids: the 109 in the header, then those of the DIFAT chain.
  private static func fatSectorIDs(
    _ header: CompoundFileHeader, _ file: RandomAccessFile, _ sectorCount: Int, _ location: Location
  ) throws(SheetReadError) -> [UInt32] {
    var ids = Array(header.headerDIFAT.prefix(min(header.fatSectorCount, CompoundFileHeader.headerDIFATCount)))
    var next = header.firstDIFATSector
    var seen: Set<UInt32> = []
    let perSector = header.sectorSize / 4 - 1  // the last word links to the next DIFAT sector
    while ids.count < header.fatSectorCount {
      guard next < CompoundFileHeader.maxRegularSector else {
        throw .damagedCompoundFile(
          location, reason: "the DIFAT ends after \(ids.count) of \(header.fatSectorCount) FAT sector ids")
      }
      guard Int(next) < sectorCount else {
        throw .damagedCompoundFile(
          location, reason: "the DIFAT points to sector \(next), past the end of the file (\(sectorCount) sectors)")
      }
      guard seen.insert(next).inserted else {
        throw .damagedCompoundFile(location, reason: "the DIFAT chain loops back to sector \(next)")
      }
      guard seen.count <= header.difatSectorCount else {
        throw .damagedCompoundFile(
          location, reason: "the DIFAT chain is longer than the \(header.difatSectorCount) sectors the header declares")
      }
      let words = try sectorWords(Int(next), file, header, location)
      ids += words.prefix(min(perSector, header.fatSectorCount - ids.count))
      next = words[perSector]
    }
    for id in ids where Int(id) >= sectorCount {
      throw .damagedCompoundFile(
        location, reason: "a FAT sector id (\(id)) lies past the end of the file (\(sectorCount) sectors)")
    }
    return ids
  }

  static func sector(
    _ id: Int, _ file: RandomAccessFile, _ header: CompoundFileHeader, _ location: Location
  ) throws(SheetReadError) -> [UInt8] {
    let offset = Int64(id + 1) * Int64(header.sectorSize)
    let bytes = try file.bytes(at: offset, count: header.sectorSize)
    guard bytes.count == header.sectorSize else {
      throw .damagedCompoundFile(location, reason: "the file is cut short: sector \(id) lies past its end")
    }
    return bytes
  }

  static func sectorWords(
    _ id: Int, _ file: RandomAccessFile, _ header: CompoundFileHeader, _ location: Location
  ) throws(SheetReadError) -> [UInt32] {
    let bytes = try sector(id, file, header, location)
    return stride(from: 0, to: bytes.count, by: 4).map {
      UInt32(bytes[$0]) | UInt32(bytes[$0 + 1]) << 8 | UInt32(bytes[$0 + 2]) << 16 | UInt32(bytes[$0 + 3]) << 24
    }
  }
}
