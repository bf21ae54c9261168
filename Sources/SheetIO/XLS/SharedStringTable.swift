/// The shared-string table of a BIFF8 workbook (SST, [MS-XLS] §2.4.265) and the
/// CONTINUE records after it, read into an array of strings.
///
/// Strings run across record boundaries. Where a string's characters are cut by a
/// CONTINUE, the CONTINUE starts with a fresh flags byte, and the rest of the string may
/// switch between one and two bytes a character; rich-text runs and phonetic data that
/// are cut carry on without one (§2.4.58). Rich-text runs and phonetic data are skipped.
struct SharedStringTable {
  private(set) var strings: [String] = []

  /// The bytes of the SST and its CONTINUE records, one after the other, and where each
  /// record ends in them.
  private let data: [UInt8]
  private let boundaries: [Int]

  init(segments: [[UInt8]], location: Location) throws(SheetReadError) {
    data = segments.flatMap { $0 }
    var ends: [Int] = []
    var total = 0
    for segment in segments {
      total += segment.count
      ends.append(total)
    }
    boundaries = ends
    try parse(location)
  }

  private mutating func parse(_ location: Location) throws(SheetReadError) {
    guard data.count >= 8 else { throw .damagedXLS(location, reason: "the SST record is shorter than its header") }
    let unique = Int(UInt32(data[4]) | UInt32(data[5]) << 8 | UInt32(data[6]) << 16 | UInt32(data[7]) << 24)
    // Every string takes at least three bytes (count and flags): a count beyond that is
    // a lie, and must not size any allocation.
    let room = (data.count - 8) / 3
    guard unique <= room else {
      throw .damagedXLS(
        location,
        reason: "the SST declares \(unique) strings; its \(data.count) bytes hold at most \(room)")
    }
    var table: [String] = []
    table.reserveCapacity(unique)
    var cursor = Cursor(position: 8, segment: 0)
    var units: [UInt16] = []
    while table.count < unique {
      // Some writers declare more strings than they write: keep those there are.
      guard cursor.position < data.count else { break }
      guard let text = readString(&cursor, &units) else {
        throw .damagedXLS(
          location, reason: "SST string \(table.count) of \(unique) runs past the end of its records")
      }
      table.append(text)
    }
    strings = table
  }

  private struct Cursor {
    var position: Int
    /// The record the position is in: `boundaries[segment]` is where it ends.
    var segment: Int
  }

  /// One string at the cursor; `units` is a buffer reused from string to string.
  private func readString(_ cursor: inout Cursor, _ units: inout [UInt16]) -> String? {
    let last = boundaries.count - 1
    // A string that starts where a record ends starts the next record, with no extra
    // flags byte (the next record simply begins with the string's header).
    while cursor.segment < last && boundaries[cursor.segment] <= cursor.position { cursor.segment += 1 }
    guard cursor.position + 3 <= data.count else { return nil }
    let p = cursor.position
    let count = Int(data[p]) | Int(data[p + 1]) << 8
    let flags = data[p + 2]
    var wide = flags & 0x01 != 0
    cursor.position += 3
    var runs = 0
    var phonetic = 0
    if flags & 0x08 != 0 {
      guard cursor.position + 2 <= data.count else { return nil }
      runs = Int(data[cursor.position]) | Int(data[cursor.position + 1]) << 8
      cursor.position += 2
    }
    if flags & 0x04 != 0 {
      guard cursor.position + 4 <= data.count else { return nil }
      let q = cursor.position
      phonetic = Int(UInt32(data[q]) | UInt32(data[q + 1]) << 8 | UInt32(data[q + 2]) << 16 | UInt32(data[q + 3]) << 24)
      cursor.position += 4
    }
    while cursor.segment < last && boundaries[cursor.segment] < cursor.position { cursor.segment += 1 }
    units.removeAll(keepingCapacity: true)
    var asciiOnly = true
    while units.count < count {
      if cursor.position == boundaries[cursor.segment] {
        // The characters go on in the next CONTINUE, after a new flags byte.
        guard cursor.segment < last else { return nil }
        cursor.segment += 1
        // An empty CONTINUE has not even the flags byte: the string ends nowhere.
        guard cursor.position < boundaries[cursor.segment], cursor.position < data.count else { return nil }
        wide = data[cursor.position] & 0x01 != 0
        cursor.position += 1
      }
      let room = boundaries[cursor.segment] - cursor.position
      let take = min(count - units.count, wide ? room / 2 : room)
      // Half a character before a boundary: not a string any writer makes.
      if take == 0 { return nil }
      for i in 0..<take {
        let q = cursor.position + (wide ? 2 * i : i)
        let unit = wide ? UInt16(data[q]) | UInt16(data[q + 1]) << 8 : UInt16(data[q])
        if unit >= 0x80 { asciiOnly = false }
        units.append(unit)
      }
      cursor.position += take * (wide ? 2 : 1)
    }
    // Rich-text runs (4 bytes each) and phonetic data carry on across boundaries
    // without a flags byte: skipping them is plain arithmetic.
    cursor.position += 4 * runs + phonetic
    guard cursor.position <= data.count else { return nil }
    return asciiOnly ? UTF16Transcoding.ascii(units) : UTF16Transcoding.string(units)
  }
}
