/// One stream of a compound file, read at any offset without holding it in memory.
///
/// A regular stream is a list of runs of consecutive sectors in the file (writers lay
/// most streams out in a few long runs), read with `pread` on demand; a stream below
/// the mini-stream cutoff (4096 bytes) is small and held in memory.
final class CompoundStream {
  let name: String
  let size: Int64
  private let storage: Storage

  /// A run of consecutive bytes of the stream in the file.
  struct Extent {
    var streamOffset: Int64
    var fileOffset: Int64
    var length: Int64
  }

  private enum Storage {
    case file(RandomAccessFile, [Extent])
    case memory([UInt8])
  }

  private var lastExtent = 0
  private let location: Location

  init(name: String, size: Int64, file: RandomAccessFile, extents: [Extent], location: Location) {
    self.name = name
    self.size = size
    storage = .file(file, extents)
    self.location = location
  }

  init(name: String, bytes: [UInt8], location: Location) {
    self.name = name
    size = Int64(bytes.count)
    storage = .memory(bytes)
    self.location = location
  }

  /// A stream over the same bytes with a read position of its own, for a second reader.
  func copy() -> CompoundStream { CompoundStream(sharing: self) }

  private init(sharing other: CompoundStream) {
    name = other.name
    size = other.size
    storage = other.storage
    location = other.location
  }

  /// Copies up to `count` bytes from `offset` into `buffer`; fewer only at the end of
  /// the stream.
  /// - Throws: `damagedCompoundFile` when the file ends before a sector of the stream.
  func read(at offset: Int64, into buffer: UnsafeMutableRawPointer, count: Int) throws(SheetReadError) -> Int {
    guard offset >= 0, offset < size, count > 0 else { return 0 }
    let wanted = Int(min(Int64(count), size - offset))
    switch storage {
    case .memory(let bytes):
      bytes.withUnsafeBytes { raw in
        if let base = raw.baseAddress { buffer.copyMemory(from: base + Int(offset), byteCount: wanted) }
      }
      return wanted
    case .file(let file, let extents):
      var done = 0
      var index = extentIndex(containing: offset, in: extents)
      while done < wanted, index < extents.count {
        let extent = extents[index]
        let within = offset + Int64(done) - extent.streamOffset
        let piece = Int(min(Int64(wanted - done), extent.length - within))
        let n = try file.read(at: extent.fileOffset + within, into: buffer + done, count: piece)
        guard n == piece else {
          throw .damagedCompoundFile(
            location, reason: "the file is cut short inside stream '\(name)' (at byte \(offset + Int64(done + n)))")
        }
        done += piece
        lastExtent = index
        index += 1
      }
      return done
    }
  }

  /// The extent holding `offset`: the last one used or its successor in the usual
  /// sequential read, a binary search otherwise.
  private func extentIndex(containing offset: Int64, in extents: [Extent]) -> Int {
    for candidate in [lastExtent, lastExtent + 1] where candidate < extents.count {
      let e = extents[candidate]
      if offset >= e.streamOffset && offset < e.streamOffset + e.length { return candidate }
    }
    var low = 0
    var high = extents.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if extents[mid].streamOffset <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The whole stream as bytes (for small streams).
  func readAll() throws(SheetReadError) -> [UInt8] {
    try filledBytes(count: Int(size)) { (buffer) throws(SheetReadError) in
      try read(at: 0, into: buffer, count: Int(size))
    }
  }
}
