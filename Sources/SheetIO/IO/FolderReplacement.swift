import CFolderSwap
import Foundation
import Glibc

/// A folder written whole under a hidden name beside its destination, then put in
/// place in one step, so that a run killed at any moment leaves the previous folder or
/// the new one, never a mix and never a half-written file under the destination.
///
/// Where the system can (Linux `renameat2` with `RENAME_EXCHANGE`), the two folders are
/// exchanged atomically and the previous one is then deleted from its hidden name. On
/// a file system that cannot exchange, the previous folder is first renamed aside: a
/// kill between the two renames leaves no folder at the destination (and the previous
/// one whole under its hidden name), never a partial one.
public struct FolderReplacement {
  public let destination: String
  /// Where to write: `.NAME.new-PID` beside the destination.
  public let staging: String

  private static let marks = [".new-", ".old-"]

  public init(destination: String) throws {
    let url = URL(fileURLWithPath: destination).standardizedFileURL
    self.destination = url.path
    let parent = url.deletingLastPathComponent().path
    let name = url.lastPathComponent
    let manager = FileManager.default
    try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
    Self.removeAbandoned(in: parent, name: name)
    staging = (parent as NSString).appendingPathComponent(".\(name).new-\(getpid())")
    if manager.fileExists(atPath: staging) { try manager.removeItem(atPath: staging) }
    try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
  }

  /// Puts the staged folder at the destination.
  public func commit() throws {
    let manager = FileManager.default
    guard manager.fileExists(atPath: destination) else { return try Self.rename(staging, destination) }
    if thidua_exchange_paths(staging, destination) == 0 {
      // `staging` now holds the previous folder.
      try? manager.removeItem(atPath: staging)
      return
    }
    let aside = (URL(fileURLWithPath: destination).deletingLastPathComponent().path as NSString)
      .appendingPathComponent(".\(URL(fileURLWithPath: destination).lastPathComponent).old-\(getpid())")
    try Self.rename(destination, aside)
    try Self.rename(staging, destination)
    try? manager.removeItem(atPath: aside)
  }

  /// Deletes the staged folder: the destination stays as it was.
  public func discard() { try? FileManager.default.removeItem(atPath: staging) }

  private static func rename(_ from: String, _ to: String) throws {
    guard Glibc.rename(from, to) == 0 else {
      throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno), userInfo: [NSFilePathErrorKey: to])
    }
  }

  /// Staged or set-aside folders of runs that were killed: their process is gone.
  private static func removeAbandoned(in parent: String, name: String) {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
    for entry in entries where entry.hasPrefix(".\(name).") {
      let rest = entry.dropFirst(name.count + 1)
      guard let mark = marks.first(where: { rest.hasPrefix($0) }), let pid = Int32(rest.dropFirst(mark.count)),
        pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(entry))
    }
  }
}
