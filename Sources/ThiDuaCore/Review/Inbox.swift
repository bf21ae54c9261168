import Crypto
import Foundation
public import SheetIO

/// One file found in the inbox, identified by its SHA-256: a file of the folder, or a
/// member of an archive in it.
public struct InboxFile: Hashable, Sendable {
  /// The path inside the inbox, with `/` between folders: how reports name the file. A
  /// member of an archive is named after it: `huyen.zip › xa/bao-cao.xlsx`.
  public var name: String
  /// Where the bytes are: in the inbox, or in the private folder archives unpack into.
  public var path: String
  public var size: Int
  public var sha256: String
  /// Seconds since 1970: the last tie-breaker between versions.
  public var modified: Double
  /// Why the file could not be taken out of its archive (damaged, encrypted, too
  /// large): its record is this finding, and nothing is read.
  public var problem: Finding? = nil
  /// The e-mail the file was attached to: who sent it, when, under what subject.
  public var mail: MailEnvelope? = nil

  public init(
    name: String, path: String, size: Int, sha256: String, modified: Double, problem: Finding? = nil,
    mail: MailEnvelope? = nil
  ) {
    self.name = name
    self.path = path
    self.size = size
    self.sha256 = sha256
    self.modified = modified
    self.problem = problem
    self.mail = mail
  }
}

/// The files of an inbox, archives unpacked; the unpacked members live in a private
/// temporary folder as long as the listing does.
public final class InboxListing: Sendable {
  public let files: [InboxFile]
  /// The private folder of the members taken out; nil when none was written.
  let unpacked: String?

  init(files: [InboxFile], unpacked: String?) {
    self.files = files
    self.unpacked = unpacked
  }

  deinit { if let unpacked { try? FileManager.default.removeItem(atPath: unpacked) } }
}

/// Lists an inbox: every regular file under the folder, hidden ones (a leading dot)
/// aside, in name order, each archive and saved e-mail replaced by the files inside it
/// (`InboxUnpacking`).
/// Nothing in the inbox is written or moved.
public enum Inbox {
  public static func list(in folder: String, limits: ArchiveLimits = .standard) throws -> InboxListing {
    var unpacking = InboxUnpacking(limits: limits)
    var files: [InboxFile] = []
    for file in try self.files(in: folder) {
      if let kind = InboxUnpacking.container(path: file.path) {
        files += try unpacking.members(of: file, kind)
      } else {
        files.append(file)
      }
    }
    return InboxListing(files: files, unpacked: unpacking.folder)
  }

  /// The files inside one archive or e-mail, as `list` gives them (for `thidua inspect`).
  public static func members(
    ofContainer path: String, _ kind: ContainerFormat, limits: ArchiveLimits = .standard
  ) throws -> InboxListing {
    let name = (path as NSString).lastPathComponent
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let archive = InboxFile(
      name: name, path: path, size: (attributes[.size] as? NSNumber)?.intValue ?? 0, sha256: try sha256(path: path),
      modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
    var unpacking = InboxUnpacking(limits: limits)
    let files = try unpacking.members(of: archive, kind)
    return InboxListing(files: files, unpacked: unpacking.folder)
  }

  /// The kind of an archive or a saved e-mail, whose files are read instead of it; nil
  /// for a file that is read itself.
  public static func container(path: String) -> ContainerFormat? { InboxUnpacking.container(path: path) }

  /// The folder's own files, archives as they are.
  public static func files(in given: String) throws -> [InboxFile] {
    let manager = FileManager.default
    // An inbox that is a link to a folder (a shared drive linked into place) is that
    // folder: the enumerator does not go through a link.
    let folder = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: given])
    }
    var names: [String] = []
    for case let relative as String in manager.enumerator(atPath: folder) ?? FileManager.DirectoryEnumerator() {
      if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
      let path = (folder as NSString).appendingPathComponent(relative)
      var isDirectory: ObjCBool = false
      if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { names.append(relative) }
    }
    return try names.sorted().map { relative in
      let path = (folder as NSString).appendingPathComponent(relative)
      let attributes = try manager.attributesOfItem(atPath: path)
      return InboxFile(
        name: relative, path: path, size: (attributes[.size] as? NSNumber)?.intValue ?? 0,
        sha256: try sha256(path: path),
        modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
    }
  }

  /// The SHA-256 of bytes in memory, in lower-case hex.
  static func sha256(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

  private static func hex(_ digest: some Sequence<UInt8>) -> String {
    digest.map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }

  /// The file's SHA-256 in lower-case hex, read in 1 MiB pieces.
  public static func sha256(path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
    return hex(hasher.finalize())
  }
}
