/// Reads the records of a BIFF stream ([MS-XLS] §2.1.4) one after another: a 2-byte
/// id, a 2-byte length, then the body.
///
/// The stream is read in windows of 256 KiB, so a record's body is a view into the
/// window, valid until the next call to `next()`; memory stays the same whatever the
/// stream's size.
final class BIFFRecordReader {
  /// BIFF8 records are at most 8,224 bytes long ([MS-XLS] §2.1.4); longer data goes on
  /// in CONTINUE records.
  static let maxRecordLength = 8224

  let stream: CompoundStream
  let location: Location
  /// Id of the current record.
  private(set) var id: UInt16 = 0
  /// Stream offset of the current record's header.
  private(set) var recordOffset: Int64 = 0
  /// The current record's body.
  private(set) var body = UnsafeRawBufferPointer(start: nil, count: 0)

  private let capacity = 256 << 10
  private let window: UnsafeMutableRawPointer
  /// Stream offset of the window's first byte.
  private var windowStart: Int64 = 0
  private var filled = 0
  private var position = 0

  init(stream: CompoundStream, location: Location) {
    self.stream = stream
    self.location = location
    window = .allocate(byteCount: capacity, alignment: 8)
  }

  deinit { window.deallocate() }

  /// Moves to the record at `offset` (the start of a sheet's substream).
  func seek(to offset: Int64) {
    windowStart = offset
    filled = 0
    position = 0
    body = UnsafeRawBufferPointer(start: nil, count: 0)
  }

  /// Reads the next record; false at the end of the stream.
  /// - Throws: `damagedXLS` for a length over 8,224 bytes or a record that runs past
  ///   the end of the stream.
  @inline(__always)
  func next() throws(SheetReadError) -> Bool {
    if filled - position < 4 {
      try refill()
      if filled - position < 4 {
        // Writers pad streams with zero bytes; fewer than a header's worth is the end.
        return false
      }
    }
    let header = window + position
    let recordID = UInt16(littleEndian: header.loadUnaligned(as: UInt16.self))
    let length = Int(UInt16(littleEndian: header.loadUnaligned(fromByteOffset: 2, as: UInt16.self)))
    let offset = windowStart + Int64(position)
    guard length <= BIFFRecordReader.maxRecordLength else {
      throw .damagedXLS(
        location,
        reason: "record \(hex(recordID)) at byte \(offset) declares \(length) bytes; BIFF allows at most 8224")
    }
    if filled - position < 4 + length {
      try refill()
      guard filled - position >= 4 + length else {
        throw .damagedXLS(
          location,
          reason: "record \(hex(recordID)) at byte \(offset) runs past the end of the stream (\(stream.size) bytes)")
      }
    }
    id = recordID
    recordOffset = offset
    body = UnsafeRawBufferPointer(start: window + position + 4, count: length)
    position += 4 + length
    return true
  }

  /// The id of the record after the current one, without moving; nil at the end.
  func peekID() throws(SheetReadError) -> UInt16? {
    if filled - position < 4 { try refill() }
    guard filled - position >= 4 else { return nil }
    return UInt16(littleEndian: (window + position).loadUnaligned(as: UInt16.self))
  }

  /// Keeps the unread bytes, moved to the front, and reads as much as fits after them.
  /// The current body is copied too, so a caller may still look at it.
  private func refill() throws(SheetReadError) {
    let keepFrom = body.baseAddress.map { $0 - UnsafeRawPointer(window) - 4 } ?? position
    let start = min(keepFrom, position)
    let kept = filled - start
    if start > 0 {
      window.copyMemory(from: window + start, byteCount: kept)
      if body.baseAddress != nil {
        body = UnsafeRawBufferPointer(start: window + (keepFrom - start) + 4, count: body.count)
      }
      windowStart += Int64(start)
      position -= start
      filled = kept
    }
    let n = try stream.read(at: windowStart + Int64(filled), into: window + filled, count: capacity - filled)
    filled += n
  }
}

/// `0x00FD` for messages.
func hex(_ id: UInt16) -> String {
  let digits = String(id, radix: 16, uppercase: true)
  return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
