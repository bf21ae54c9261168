import Foundation

/// A file read at arbitrary offsets, for the compound-file reader; the only type here
/// that calls `open`, `pread` and `close`.
///
/// `pread` keeps no file position, so readers of different streams (or sheets) of the
/// same file can share one handle.
final class RandomAccessFile {
  let path: String
  /// Size in bytes when opened.
  let size: Int64
  private let descriptor: Int32

  /// Calls `open` and `fstat`.
  init(path: String) throws(SheetReadError) {
    self.path = path
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
      throw .unreadableFile(Location(file: path), reason: reason)
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      close(fd)
      throw .unreadableFile(Location(file: path), reason: "cannot stat the file")
    }
    descriptor = fd
    size = Int64(info.st_size)
  }

  deinit { close(descriptor) }

  /// Reads exactly `count` bytes at `offset` into `buffer`; fewer only at the end of the
  /// file. Calls `pread`, again after a short read or an interruption.
  func read(at offset: Int64, into buffer: UnsafeMutableRawPointer, count: Int) throws(SheetReadError) -> Int {
    var done = 0
    while done < count {
      let n = pread(descriptor, buffer + done, count - done, off_t(offset) + off_t(done))
      if n < 0 {
        if errno == EINTR { continue }
        throw .unreadableFile(Location(file: path), reason: "read error")
      }
      if n == 0 { break }
      done += n
    }
    return done
  }

  /// `count` bytes at `offset` as an array; fewer only at the end of the file.
  func bytes(at offset: Int64, count: Int) throws(SheetReadError) -> [UInt8] {
    try filledBytes(count: count) { (buffer) throws(SheetReadError) in try read(at: offset, into: buffer, count: count)
    }
  }
}

/// A new array of up to `count` bytes written by `fill`, which returns how many it wrote.
/// (`Array.withUnsafeMutableBytes` does not pass typed errors through.)
func filledBytes(
  count: Int, _ fill: (UnsafeMutableRawPointer) throws(SheetReadError) -> Int
) throws(SheetReadError) -> [UInt8] {
  let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(1, count), alignment: 8)
  defer { buffer.deallocate() }
  let n = try fill(buffer)
  return Array(UnsafeRawBufferPointer(start: buffer, count: min(n, count)))
}
