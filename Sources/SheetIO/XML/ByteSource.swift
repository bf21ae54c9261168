/// Something that yields bytes in order, a chunk at a time: an inflating zip entry, or
/// an in-memory buffer in tests.
protocol ByteSource: AnyObject {
  /// Copies up to `capacity` bytes into `buffer`; returns 0 at the end.
  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws(SheetReadError) -> Int
  /// Where the bytes come from, for error messages.
  var location: Location { get }
}

extension ZipEntryStream: ByteSource {}

/// Serves a byte array in chunks of at most `chunkSize` bytes, to prove that chunk
/// boundaries never change what a reader sees.
final class MemoryByteSource: ByteSource {
  private let bytes: [UInt8]
  private let chunkSize: Int
  private var offset = 0
  let location: Location

  init(_ bytes: [UInt8], chunkSize: Int = 1 << 16, location: Location = Location(file: "memory")) {
    self.bytes = bytes
    self.chunkSize = max(1, chunkSize)
    self.location = location
  }

  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws(SheetReadError) -> Int {
    let n = min(capacity, chunkSize, bytes.count - offset)
    guard n > 0 else { return 0 }
    bytes.withUnsafeBytes { raw in
      buffer.copyMemory(from: raw.baseAddress! + offset, byteCount: n)
    }
    offset += n
    return n
  }
}
