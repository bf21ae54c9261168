import CZip
import Foundation

/// Owns one read-only libzip handle; the only type that calls `zip_*` functions.
final class ZipArchive {
  private let handle: OpaquePointer  // zip_t *
  let path: String
  /// libzip handles are not thread-safe; entries may be inflated on a prefetch thread.
  let lock = NSLock()

  /// Calls `zip_open` with consistency checks on the central directory.
  init(path: String) throws(SheetReadError) {
    self.path = path
    var code: Int32 = 0
    guard let opened = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
      let location = Location(file: path)
      switch code {
      case ZIP_ER_NOZIP:
        // Only called for files that start like a zip: without its central directory
        // at the end, the archive was cut short.
        throw .damagedZip(location, reason: "truncated: the zip central directory is missing")
      case ZIP_ER_OPEN, ZIP_ER_READ, ZIP_ER_NOENT, ZIP_ER_MEMORY:
        throw .unreadableFile(location, reason: ZipArchive.text(ofCode: code))
      default: throw .damagedZip(location, reason: ZipArchive.text(ofCode: code))
      }
    }
    handle = opened
  }

  deinit { zip_discard(handle) }  // read-only: nothing to write back

  /// Sizes of one entry as its headers declare them.
  struct EntryStat {
    var index: UInt64
    var size: Int64
    var compressedSize: Int64
  }

  /// Finds an entry by name, ignoring case as OPC part names do (ECMA-376 Part 2, §9.1.1.1).
  /// Calls `zip_name_locate` and `zip_stat_index`.
  func stat(_ name: String) -> EntryStat? {
    lock.lock()
    defer { lock.unlock() }
    let index = zip_name_locate(handle, name, ZIP_FL_NOCASE)
    guard index >= 0 else { return nil }
    var st = zip_stat_t()
    zip_stat_init(&st)
    guard zip_stat_index(handle, UInt64(index), 0, &st) == 0 else { return nil }
    let size = st.valid & UInt64(ZIP_STAT_SIZE) != 0 ? Int64(clamping: st.size) : -1
    let comp = st.valid & UInt64(ZIP_STAT_COMP_SIZE) != 0 ? Int64(clamping: st.comp_size) : -1
    return EntryStat(index: UInt64(index), size: size, compressedSize: comp)
  }

  /// Opens an entry for sequential reading within `limit` inflated bytes.
  func open(_ name: String, limit: Int64, limits: ReadLimits) throws(SheetReadError) -> ZipEntryStream {
    let location = Location(file: path, part: name)
    guard let entry = stat(name) else { throw .missingPart(location, part: name) }
    if entry.size > limit { throw .partTooLarge(location, bytes: entry.size, limit: limit) }
    if entry.size > limits.ratioGraceBytes, entry.compressedSize > 0,
      entry.size / entry.compressedSize > limits.maxCompressionRatio
    {
      throw .compressionRatioExceeded(
        location, ratio: entry.size / entry.compressedSize, limit: limits.maxCompressionRatio)
    }
    lock.lock()
    defer { lock.unlock() }
    guard let file = zip_fopen_index(handle, entry.index, 0) else {
      throw .damagedZip(location, reason: String(cString: zip_error_strerror(zip_get_error(handle))))
    }
    return ZipEntryStream(
      file: file, owner: self, location: location, limit: limit,
      compressedSize: entry.compressedSize, limits: limits)
  }

  /// Reads a whole small entry into memory, within `limit` bytes.
  func readAll(_ name: String, limit: Int64, limits: ReadLimits) throws(SheetReadError) -> [UInt8] {
    let stream = try open(name, limit: limit, limits: limits)
    var bytes: [UInt8] = []
    let chunkSize = 64 << 10
    let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 1)
    defer { chunk.deallocate() }
    while true {
      let n = try stream.read(into: chunk, capacity: chunkSize)
      if n == 0 { break }
      bytes.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: n))
    }
    return bytes
  }

  static func text(ofCode code: Int32) -> String {
    var error = zip_error_t()
    zip_error_init_with_code(&error, code)
    defer { zip_error_fini(&error) }
    return String(cString: zip_error_strerror(&error))
  }
}

/// Sequential reader of one inflated zip entry that counts what it inflates.
///
/// libzip compares the declared size and the CRC only at the end of an entry, so a
/// part that lies about its size would otherwise inflate without bound. Sendable
/// because it is handed whole to the prefetch thread and used by that thread alone;
/// the archive's lock serialises the libzip calls.
final class ZipEntryStream: @unchecked Sendable {
  private let file: OpaquePointer  // zip_file_t *
  private let owner: ZipArchive  // keeps the archive open while the entry is read
  let location: Location
  private let limit: Int64
  private let compressedSize: Int64
  private let limits: ReadLimits
  private(set) var inflatedBytes: Int64 = 0

  fileprivate init(
    file: OpaquePointer, owner: ZipArchive, location: Location, limit: Int64,
    compressedSize: Int64, limits: ReadLimits
  ) {
    self.file = file
    self.owner = owner
    self.location = location
    self.limit = limit
    self.compressedSize = compressedSize
    self.limits = limits
  }

  deinit {
    owner.lock.lock()
    zip_fclose(file)
    owner.lock.unlock()
  }

  /// Inflates up to `capacity` bytes; 0 at the end of the entry. Calls `zip_fread`.
  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws(SheetReadError) -> Int {
    owner.lock.lock()
    let n = zip_fread(file, buffer, UInt64(capacity))
    owner.lock.unlock()
    if n < 0 {
      throw .damagedZip(location, reason: String(cString: zip_error_strerror(zip_file_get_error(file))))
    }
    inflatedBytes += n
    if inflatedBytes > limit { throw .partTooLarge(location, bytes: inflatedBytes, limit: limit) }
    if inflatedBytes > limits.ratioGraceBytes, compressedSize > 0,
      inflatedBytes / compressedSize > limits.maxCompressionRatio
    {
      throw .compressionRatioExceeded(
        location, ratio: inflatedBytes / compressedSize, limit: limits.maxCompressionRatio)
    }
    return Int(n)
  }
}
