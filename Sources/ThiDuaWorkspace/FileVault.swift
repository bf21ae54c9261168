import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The received files' bytes, kept as they came, named by their SHA-256 under
/// `files/<first two hex digits>/<the rest>`: the same bytes are kept once, whatever
/// their names, and a kept file is never modified. A file is written under a temporary
/// name, synced, renamed into place and its folder synced, so that once `keep` returns
/// the bytes survive a crash or a power cut; only then does the database row that
/// acknowledges them commit.
struct FileVault: Sendable {
  let folder: String

  init(folder: String) throws {
    self.folder = folder
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  /// Where the bytes of `sha256` are (or would be).
  func path(of sha256: String) -> String {
    "\(folder)/\(sha256.prefix(2))/\(sha256.dropFirst(2))"
  }

  /// Keeps `bytes`, whose SHA-256 is `sha256`, unless they are kept already; true when
  /// they were written now.
  @discardableResult
  func keep(_ bytes: [UInt8], sha256: String) throws -> Bool {
    let target = path(of: sha256)
    if FileManager.default.fileExists(atPath: target) { return false }
    let shard = (target as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: shard, withIntermediateDirectories: true)
    let temporary = "\(shard)/.incoming-\(UUID().uuidString)"
    try Self.writeSynced(bytes, to: temporary)
    guard rename(temporary, target) == 0 else {
      let failure = errno
      unlink(temporary)
      throw WorkspaceError.cannotWrite(path: target, reason: String(cString: strerror(failure)))
    }
    try Self.syncFolder(shard)
    return true
  }

  /// The bytes of `sha256`, checked against it: a kept file changed on disk is an error.
  func bytes(of sha256: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path(of: sha256)) else {
      throw WorkspaceError.fileMissing(sha256: sha256)
    }
    let bytes = [UInt8](data)
    guard Self.sha256(bytes) == sha256 else { throw WorkspaceError.fileChanged(sha256: sha256) }
    return bytes
  }

  static func sha256(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
  }

  private static func writeSynced(_ bytes: [UInt8], to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o444)
    guard fd >= 0 else { throw WorkspaceError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        let failure = errno
        unlink(path)
        throw WorkspaceError.cannotWrite(path: path, reason: String(cString: strerror(failure)))
      }
      written += n
    }
    guard fsync(fd) == 0 else {
      let failure = errno
      unlink(path)
      throw WorkspaceError.cannotWrite(path: path, reason: String(cString: strerror(failure)))
    }
  }

  private static func syncFolder(_ path: String) throws {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw WorkspaceError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    guard fsync(fd) == 0 else {
      throw WorkspaceError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
  }
}
