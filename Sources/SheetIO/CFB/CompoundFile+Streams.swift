extension CompoundFile {
  /// The entries directly under the root storage, found by walking the root's tree of
  /// children ([MS-CFB] §2.6.4); colours are not needed to read it. Streams inside
  /// sub-storages (an embedded object's own `Workbook`) are not among them.
  func rootChildren() throws(SheetReadError) -> [DirectoryEntry] { try children(of: entries[0]) }

  /// The entries directly under a storage (or the root).
  func children(of storage: DirectoryEntry) throws(SheetReadError) -> [DirectoryEntry] {
    var children: [DirectoryEntry] = []
    var pending = [storage.child]
    var seen: Set<UInt32> = []
    while let id = pending.popLast() {
      if id == DirectoryEntry.none { continue }
      guard Int(id) < entries.count else {
        throw .damagedCompoundFile(
          Location(file: path), reason: "the directory links to entry \(id) of \(entries.count)")
      }
      guard seen.insert(id).inserted else {
        throw .damagedCompoundFile(Location(file: path), reason: "the directory tree loops back to entry \(id)")
      }
      let entry = entries[Int(id)]
      children.append(entry)
      pending += [entry.right, entry.left]
    }
    return children
  }

  /// The stream of that name directly under the root (names compare regardless of
  /// case, [MS-CFB] §2.6.4), or nil.
  func stream(named name: String) throws(SheetReadError) -> CompoundStream? {
    let wanted = name.uppercased()
    guard let entry = try rootChildren().first(where: { $0.kind == .stream && $0.name.uppercased() == wanted }) else {
      return nil
    }
    return try open(entry)
  }

  /// Opens a stream entry: from the mini stream when it is below the cutoff, otherwise
  /// from its chain of regular sectors.
  /// - Throws: `compoundFileTooLarge` over `maxCompoundStreamBytes`;
  ///   `damagedCompoundFile` for a chain that loops, ends early or leaves the file.
  func open(_ entry: DirectoryEntry) throws(SheetReadError) -> CompoundStream {
    let location = Location(file: path, part: entry.name)
    // A version 4 size with its top bit set reads as negative: no stream is that long.
    guard entry.streamSize >= 0 else {
      throw .damagedCompoundFile(location, reason: "stream '\(entry.name)' declares a size of 2^63 bytes or more")
    }
    guard entry.streamSize <= limits.maxCompoundStreamBytes else {
      throw .compoundFileTooLarge(
        location, what: "stream bytes", count: entry.streamSize, limit: limits.maxCompoundStreamBytes)
    }
    if entry.kind != .root && entry.streamSize < Int64(header.miniStreamCutoff) {
      return try openMini(entry, location)
    }
    return CompoundStream(
      name: entry.name, size: entry.streamSize, file: file,
      extents: try extents(of: entry, location), location: location)
  }

  /// Runs of consecutive sectors of a regular stream.
  private func extents(of entry: DirectoryEntry, _ location: Location) throws(SheetReadError)
    -> [CompoundStream.Extent]
  {
    let size = Int64(header.sectorSize)
    let needed = Int((entry.streamSize + size - 1) / size)
    guard needed <= fat.count else {
      throw .damagedCompoundFile(
        location,
        reason: "stream '\(entry.name)' declares \(entry.streamSize) bytes; the file has \(fat.count) sectors in all")
    }
    let chain = try fat.walk(from: entry.startSector, needed: needed, of: "stream '\(entry.name)'")
    var extents: [CompoundStream.Extent] = []
    var position: Int64 = 0
    for id in chain {
      let length = min(size, entry.streamSize - position)
      let offset = (Int64(id) + 1) * size
      if var last = extents.last, last.fileOffset + last.length == offset {
        last.length += length
        extents[extents.count - 1] = last
      } else {
        extents.append(CompoundStream.Extent(streamOffset: position, fileOffset: offset, length: length))
      }
      position += length
    }
    return extents
  }

  /// A small stream, copied out of the mini stream 64 bytes at a time.
  private func openMini(_ entry: DirectoryEntry, _ location: Location) throws(SheetReadError) -> CompoundStream {
    let (table, container) = try miniStreamParts()
    let size = Int64(header.miniSectorSize)
    let needed = Int((entry.streamSize + size - 1) / size)
    let chain = try table.walk(from: entry.startSector, needed: needed, of: "stream '\(entry.name)'")
    let total = Int(entry.streamSize)
    let bytes = try filledBytes(count: total) { (buffer) throws(SheetReadError) -> Int in
      var position = 0
      for id in chain {
        let length = min(Int(size), total - position)
        let n = try container.read(at: Int64(id) * size, into: buffer + position, count: length)
        guard n == length else {
          throw .damagedCompoundFile(location, reason: "stream '\(entry.name)' runs past the end of the mini stream")
        }
        position += length
      }
      return position
    }
    return CompoundStream(name: entry.name, bytes: bytes, location: location)
  }

  /// The MiniFAT and the mini stream (the root entry's stream), read once.
  private func miniStreamParts() throws(SheetReadError) -> (SectorChain, CompoundStream) {
    if let miniFAT, let miniStream { return (miniFAT, miniStream) }
    let location = Location(file: path)
    let root = entries[0]
    let container = try open(root)
    let chain = try fat.walk(
      from: header.firstMiniFATSector, needed: min(header.miniFATSectorCount, fat.count), of: "the MiniFAT")
    var table: [UInt32] = []
    for id in chain { table += try CompoundFile.sectorWords(Int(id), file, header, location) }
    let count = Int((root.streamSize + Int64(header.miniSectorSize) - 1) / Int64(header.miniSectorSize))
    let mini = SectorChain(table: table, count: min(count, table.count), space: "the mini stream", location: location)
    miniFAT = mini
    miniStream = container
    return (mini, container)
  }
}
