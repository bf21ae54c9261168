import CArchive
import Glibc

/// Bounds for reading archives (`ArchiveReader`): a hostile archive stops at one of them.
public struct ArchiveLimits: Hashable, Sendable {
  /// Most entries, directories included. Report archives hold a few dozen files.
  public var maxEntries = 10_000
  /// Largest member, inflated: far beyond any report workbook (docs/archives.md).
  public var maxMemberBytes: Int64 = 512 << 20
  /// Most bytes all the members of one archive inflate to.
  public var maxTotalBytes: Int64 = 2 << 30
  /// Largest inflated-to-compressed ratio of the whole archive once it has inflated past
  /// `ratioGraceBytes`, as for a workbook's parts (`ReadLimits.maxCompressionRatio`).
  public var maxCompressionRatio: Int64 = 250
  public var ratioGraceBytes: Int64 = 32 << 20
  /// Longest member name, in bytes.
  public var maxNameBytes = 1024

  public init() {}
  public static let standard = ArchiveLimits()
}

/// One file of an archive, read into memory.
public struct ArchiveMember: Sendable {
  /// The member's path inside the archive, decoded (UTF-8, else CP1258 or CP437).
  public var name: String
  public var bytes: [UInt8]
  /// Seconds since 1970, when the archive records it.
  public var modified: Double?
}

/// Why an archive, or one of its members, cannot be read.
public enum ArchiveProblem: Error, Hashable, Sendable {
  /// The archive is cut short or broken; `reason` is libarchive's text.
  case damaged(reason: String)
  /// A member needs a password; `member` is empty when the archive's list of members
  /// itself is encrypted (RAR `-hp`, 7-Zip "encrypt file names") and nothing can be read.
  case encrypted(member: String)
  /// A limit of `ArchiveLimits` was passed; `what` names it.
  case tooLarge(what: String, limit: Int64)
}

/// Reads the members of a .zip, .rar (v4 and v5), .7z or .tar (plain, .gz, .bz2, .xz)
/// archive with libarchive, one after another, without writing anything to disk.
/// Directories and links are passed over; an encrypted member is reported and passed over.
public final class ArchiveReader {
  private let archive: OpaquePointer  // struct archive *
  private let limits: ArchiveLimits
  private var entries = 0
  private var total: Int64 = 0
  /// Past the last member, or past a list of members that could not be read (damaged, or
  /// its names encrypted): every later call returns nil rather than failing again.
  private var finished = false

  /// libarchive converts member names to the thread's locale: in the C locale a UTF-8
  /// name (zip bit 11, 7z, RAR 5) does not convert and comes out empty, so the reader
  /// works in C.UTF-8 (`uselocale`, this thread only); names in a legacy code page come
  /// out as their bytes, decoded by `ArchiveNames`.
  // Made once and never changed: safe to share between threads.
  nonisolated(unsafe) private static let utf8Locale: locale_t? = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)

  private func inUTF8Locale<T>(_ body: () throws(ArchiveProblem) -> T) throws(ArchiveProblem) -> T {
    guard let locale = Self.utf8Locale else { return try body() }
    let previous = uselocale(locale)
    defer { uselocale(previous) }
    return try body()
  }

  public init(path: String, limits: ArchiveLimits = .standard) throws(ArchiveProblem) {
    // archive_read_new returns nil only when out of memory.
    archive = archive_read_new()!
    self.limits = limits
    archive_read_support_filter_all(archive)
    for support in [
      archive_read_support_format_zip, archive_read_support_format_7zip, archive_read_support_format_rar,
      archive_read_support_format_rar5, archive_read_support_format_tar, archive_read_support_format_gnutar,
    ] {
      _ = support(archive)
    }
    // On failure deinit frees the handle: the object is fully initialized by now.
    guard archive_read_open_filename(archive, path, 1 << 16) == ARCHIVE_OK else {
      throw .damaged(reason: Self.errorText(archive))
    }
  }

  deinit { archive_read_free(archive) }

  /// libarchive tells an encryption it cannot read only in its error text ("Passphrase
  /// required", "RAR encryption support unavailable", "The archive header is encrypted").
  private static func speaksOfPasswords(_ reason: String) -> Bool {
    let text = reason.lowercased()
    return text.contains("passphrase") || text.contains("encrypt")
  }

  /// `AE_IFREG`, which Swift does not import (the macro casts).
  private static let regularFile: mode_t = 0o100000

  private static func errorText(_ archive: OpaquePointer) -> String {
    archive_error_string(archive).map { String(cString: $0) } ?? "unknown error"
  }

  /// The next member that is a file; nil after the last. An encrypted member throws
  /// `.encrypted` and the next call goes on with the member after it; once the list of
  /// members itself fails (`.damaged`, or `.encrypted` with no member), nil follows.
  public func next() throws(ArchiveProblem) -> ArchiveMember? {
    try inUTF8Locale { () throws(ArchiveProblem) in try nextMember() }
  }

  private func nextMember() throws(ArchiveProblem) -> ArchiveMember? {
    while !finished {
      var entry: OpaquePointer?
      let status = archive_read_next_header(archive, &entry)
      if status == ARCHIVE_EOF {
        finished = true
        return nil
      }
      guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else {
        finished = true
        let reason = Self.errorText(archive)
        throw Self.speaksOfPasswords(reason) ? .encrypted(member: "") : .damaged(reason: reason)
      }
      entries += 1
      if entries > limits.maxEntries { throw .tooLarge(what: "entries", limit: Int64(limits.maxEntries)) }
      guard archive_entry_filetype(entry) == Self.regularFile else { continue }
      let name = Self.name(of: entry)
      guard name.utf8.count <= limits.maxNameBytes else {
        throw .tooLarge(what: "name length", limit: Int64(limits.maxNameBytes))
      }
      if archive_entry_is_encrypted(entry) != 0 { throw .encrypted(member: name) }
      let modified = archive_entry_mtime_is_set(entry) != 0 ? Double(archive_entry_mtime(entry)) : nil
      return ArchiveMember(name: name, bytes: try data(of: name), modified: modified)
    }
    return nil
  }

  /// The current member's bytes, within the member, total and ratio limits.
  private func data(of name: String) throws(ArchiveProblem) -> [UInt8] {
    var bytes: [UInt8] = []
    let chunk = 1 << 16
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 1)
    defer { buffer.deallocate() }
    while true {
      let n = archive_read_data(archive, buffer, chunk)
      if n == 0 { return bytes }
      guard n > 0 else {
        let reason = Self.errorText(archive)
        throw Self.speaksOfPasswords(reason) ? .encrypted(member: name) : .damaged(reason: reason)
      }
      bytes.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: n))
      total += Int64(n)
      if Int64(bytes.count) > limits.maxMemberBytes {
        throw .tooLarge(what: "member size", limit: limits.maxMemberBytes)
      }
      if total > limits.maxTotalBytes { throw .tooLarge(what: "total size", limit: limits.maxTotalBytes) }
      let compressed = max(1, archive_filter_bytes(archive, -1))
      if total > limits.ratioGraceBytes, total / compressed > limits.maxCompressionRatio {
        throw .tooLarge(what: "compression ratio", limit: limits.maxCompressionRatio)
      }
    }
  }

  /// The names of a zip's first `count` entries as libarchive reads them (it reads what
  /// libzip's consistency checks refuse, such as a zip cut short or one whose directory
  /// overlaps its members); nil when it reads none. Only headers are read.
  public static func zipEntryNames(path: String, count: Int = 64) -> [String]? {
    guard let archive = archive_read_new() else { return nil }
    defer { archive_read_free(archive) }
    _ = archive_read_support_format_zip(archive)
    guard archive_read_open_filename(archive, path, 1 << 16) == ARCHIVE_OK else { return nil }
    var names: [String] = []
    var entry: OpaquePointer?
    while names.count < count {
      let status = archive_read_next_header(archive, &entry)
      guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else { break }
      names.append(name(of: entry))
      guard archive_read_data_skip(archive) == ARCHIVE_OK else { break }
    }
    return names.isEmpty ? nil : names
  }

  /// The member's name: UTF-8 when the archive says so (or its bytes are UTF-8), else
  /// the bytes in the code page of the Windows tool that wrote them (`ArchiveNames`).
  private static func name(of entry: OpaquePointer) -> String {
    if let utf8 = archive_entry_pathname_utf8(entry), utf8.pointee != 0 {
      return ArchiveNames.decode(bytes(utf8))
    }
    return archive_entry_pathname(entry).map { ArchiveNames.decode(bytes($0)) } ?? ""
  }

  private static func bytes(_ text: UnsafePointer<CChar>) -> [UInt8] {
    Array(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text)))
  }
}
