import Foundation

/// Reads a file sequentially in chunks; the source for CSV.
final class FileByteSource: ByteSource {
  private let handle: UnsafeMutablePointer<FILE>
  let location: Location

  init(path: String) throws(SheetReadError) {
    guard let file = fopen(path, "rb") else {
      let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
      throw .unreadableFile(Location(file: path), reason: reason)
    }
    handle = file
    location = Location(file: path)
  }

  deinit { fclose(handle) }

  /// Calls `fread`.
  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws(SheetReadError) -> Int {
    let n = fread(buffer, 1, capacity, handle)
    if n == 0 && ferror(handle) != 0 { throw .unreadableFile(location, reason: "read error") }
    return n
  }

  /// Up to `count` bytes from the start of the file, for sniffing.
  static func head(path: String, count: Int) throws(SheetReadError) -> [UInt8] {
    let source = try FileByteSource(path: path)
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(1, count), alignment: 1)
    defer { buffer.deallocate() }
    var filled = 0
    while filled < count {
      let n = try source.read(into: buffer + filled, capacity: count - filled)
      if n == 0 { break }
      filled += n
    }
    return Array(UnsafeRawBufferPointer(start: buffer, count: filled))
  }
}

/// Turns UTF-16 (either byte order) into UTF-8 as it streams; unpaired surrogates become
/// U+FFFD.
final class UTF16ToUTF8Source: ByteSource {
  private let source: any ByteSource
  private let littleEndian: Bool
  private let inputSize = 64 << 10
  private let input: UnsafeMutableRawPointer
  private var pending: [UInt8] = []  // UTF-8 produced but not yet handed out
  private var carry: [UInt8] = []  // an odd byte or a lead surrogate split across reads
  private var finished = false
  var location: Location { source.location }

  init(_ source: any ByteSource, littleEndian: Bool) {
    self.source = source
    self.littleEndian = littleEndian
    input = .allocate(byteCount: inputSize, alignment: 1)
  }

  deinit { input.deallocate() }

  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws(SheetReadError) -> Int {
    while pending.isEmpty && !finished { try fill() }
    let n = min(capacity, pending.count)
    pending.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: n) }
    pending.removeFirst(n)
    return n
  }

  private func fill() throws(SheetReadError) {
    let n = try source.read(into: input, capacity: inputSize)
    var bytes = carry + Array(UnsafeRawBufferPointer(start: input, count: n))
    carry = []
    if n == 0 {
      finished = true
      if !bytes.isEmpty { pending += Array("\u{FFFD}".utf8) }
      return
    }
    if bytes.count % 2 == 1 { carry = [bytes.removeLast()] }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    for i in stride(from: 0, to: bytes.count, by: 2) {
      units.append(
        littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
    }
    if let last = units.last, UTF16.isLeadSurrogate(last) {
      units.removeLast()
      carry = (littleEndian ? [UInt8(last & 0xFF), UInt8(last >> 8)] : [UInt8(last >> 8), UInt8(last & 0xFF)]) + carry
    }
    pending += Array(String(decoding: units, as: UTF16.self).utf8)
  }
}
