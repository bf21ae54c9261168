import Crypto
import Foundation

/// One file found in the inbox, identified by its SHA-256.
public struct InboxFile: Hashable, Sendable {
  /// The path inside the inbox, with `/` between folders: how reports name the file.
  public var name: String
  public var path: String
  public var size: Int
  public var sha256: String
  /// Seconds since 1970: the last tie-breaker between versions.
  public var modified: Double
}

/// Lists an inbox: every regular file under the folder, hidden ones (a leading dot)
/// aside, in name order. Nothing in it is written or moved.
public enum Inbox {
  public static func files(in folder: String) throws -> [InboxFile] {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder])
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

  /// The file's SHA-256 in lower-case hex, read in 1 MiB pieces.
  public static func sha256(path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
    return hasher.finalize().map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
