/// Follows a chain of sectors through a sector table (the FAT or the MiniFAT), refusing
/// loops, ids past the end and chains shorter than their stream ([MS-CFB] §2.3).
struct SectorChain {
  /// The table of next-sector ids.
  var table: [UInt32]
  /// Sectors that exist: ids at or above are past the end of the file (or mini stream).
  var count: Int
  /// "the file" or "the mini stream", for messages.
  var space: String
  var location: Location

  /// The sector ids of a chain from `start`: exactly `needed` of them, or, when `needed`
  /// is nil, up to the end-of-chain mark.
  /// - Parameter tooLong: the error for a chain longer than `maxLength` sectors.
  func walk(
    from start: UInt32, needed: Int?, of what: String, maxLength: Int = .max,
    tooLong: ((Int) -> SheetReadError)? = nil
  ) throws(SheetReadError) -> [UInt32] {
    var ids: [UInt32] = []
    ids.reserveCapacity(needed ?? 8)
    // One bit per sector: a chain that comes back to a sector loops for ever.
    var visited = [UInt64](repeating: 0, count: (count + 63) / 64)
    var sector = start
    while needed.map({ ids.count < $0 }) ?? true {
      if sector == CompoundFileHeader.endOfChain {
        guard let needed else { break }
        throw .damagedCompoundFile(
          location, reason: "the sector chain of \(what) ends after \(ids.count) sectors; its size needs \(needed)")
      }
      guard sector < CompoundFileHeader.maxRegularSector else {
        throw .damagedCompoundFile(
          location, reason: "the sector chain of \(what) reaches a free or reserved sector mark")
      }
      let index = Int(sector)
      guard index < count, index < table.count else {
        throw .damagedCompoundFile(
          location,
          reason: "the sector chain of \(what) points to sector \(index), past the end of \(space) (\(count) sectors)")
      }
      let bit = UInt64(1) << UInt64(index % 64)
      guard visited[index / 64] & bit == 0 else {
        throw .damagedCompoundFile(location, reason: "the sector chain of \(what) loops back to sector \(index)")
      }
      visited[index / 64] |= bit
      ids.append(sector)
      if ids.count > maxLength, let tooLong { throw tooLong(ids.count) }
      sector = table[index]
    }
    return ids
  }
}
