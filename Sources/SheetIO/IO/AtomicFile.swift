public import Foundation

/// Writes a file under a temporary name beside its target and renames it into place,
/// so that a failure never leaves a partial file nor replaces a good one.
public final class AtomicFile {
  public let destination: URL
  public let temporary: URL
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var committed = false

  public init(destination: URL) throws {
    self.destination = destination
    let folder = destination.deletingLastPathComponent()
    temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
    }
    handle = try FileHandle(forWritingTo: temporary)
    buffer.reserveCapacity(1 << 16)
  }

  deinit {
    if !committed {
      try? handle.close()
      try? FileManager.default.removeItem(at: temporary)
    }
  }

  public func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Appends bytes already encoded (UTF-8 text built by the caller).
  public func write(bytes: [UInt8]) throws {
    guard bytes.count < 1 << 16 else {
      // A large chunk goes straight to the file, not through the buffer.
      try flush()
      try handle.write(contentsOf: bytes)
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try flush() }
  }

  private func flush() throws {
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs and renames the file into place.
  /// - Parameter sync: false for a file that only stages output and is read back and
  ///   deleted at once (`convert --out -`): syncing it to disk would buy nothing.
  public func commit(sync: Bool = true) throws {
    try flush()
    if sync { try handle.synchronize() }
    try handle.close()
    // rename(2) replaces the destination atomically (same folder, same file system).
    guard rename(temporary.path, destination.path) == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
    }
    committed = true
  }
}
