public import Foundation
public import ThiDuaCore

/// A review of what the workspace holds, as the pages run it: the latest bytes received
/// under each name laid out as an inbox in a private folder, reviewed by the core and
/// recorded as a run. A received name is text, never trusted as a path: each of its
/// folders and its file name is made safe before it is laid out (`SafeName`).
public struct WorkspaceReview {
  public let store: any WorkspaceStore
  public let review: Review
  public let movement: MovementDefinition

  public init(store: any WorkspaceStore, review: Review, movement: MovementDefinition) {
    self.store = store
    self.review = review
    self.movement = movement
  }

  public func run(by user: String, at date: Date) throws -> (run: Int64, result: ReviewResult) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-review-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    var latest: [String: ReceivedRecord] = [:]
    for record in try store.receivedFiles() { latest[SafeName.path(record.name)] = record }
    for (path, record) in latest {
      let target = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      guard FileManager.default.createFile(atPath: target.path, contents: Data(try store.bytes(sha256: record.sha256)))
      else { throw WorkspaceError.cannotWrite(path: target.path, reason: "review folder") }
    }
    let result = try review.run(inbox: folder.path)
    let number = try store.record(
      try WorkspaceImport.runRecord(
        result, movement: movement, received: latest.mapValues(\.sha256), by: user, at: date))
    return (number, result)
  }
}

/// Names as the user gave them, made safe to lay out as paths.
public enum SafeName {
  /// A file name with no folder in it: what is after the last `/` or `\`, without
  /// control characters, at most 200 bytes; `tep` when nothing is left, or `.` or `..`.
  public static func file(_ name: String) -> String {
    clean(name.split(whereSeparator: isSeparator).last.map(String.init) ?? "")
  }

  /// A relative path, each part made safe as a file name, `.` and `..` parts dropped.
  public static func path(_ name: String) -> String {
    let parts = name.split(whereSeparator: isSeparator).map(String.init).filter { $0 != "." && $0 != ".." }
    return parts.isEmpty ? "tep" : parts.map(clean).joined(separator: "/")
  }

  private static func isSeparator(_ c: Character) -> Bool { c == "/" || c == "\\" }

  private static func clean(_ part: String) -> String {
    let scalars = part.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }
    var text = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
    while text.utf8.count > 200 { text.removeLast() }
    return text.isEmpty || text == "." || text == ".." ? "tep" : text
  }
}
