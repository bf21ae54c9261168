import Foundation

/// Inflates on a second thread while the caller parses on its own, so that on two
/// cores the cost of inflating mostly disappears behind the scanning.
///
/// The producer keeps at most `depth` chunks ahead; errors reach the consumer at the
/// point in the stream where they happened. A reader dropped before the end stops the
/// producer and waits for it, so no thread or open zip entry outlives it.
final class PrefetchingByteSource: ByteSource {
  private let channel: PrefetchChannel
  private var current: [UInt8] = []
  private var offset = 0

  let location: Location

  init(_ source: ZipEntryStream, chunkSize: Int = 256 << 10, depth: Int = 4) {
    location = source.location
    let channel = PrefetchChannel(source: source, chunkSize: chunkSize, depth: depth)
    self.channel = channel
    // The thread holds the channel, never this object, so dropping the reader runs deinit.
    let thread = Thread { channel.produce() }
    thread.stackSize = 1 << 20
    thread.start()
  }

  deinit { channel.cancelAndWait() }

  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws(SheetReadError) -> Int {
    if offset == current.count {
      guard let next = try channel.take() else { return 0 }
      current = next
      offset = 0
    }
    let n = min(capacity, current.count - offset)
    current.withUnsafeBytes { raw in buffer.copyMemory(from: raw.baseAddress! + offset, byteCount: n) }
    offset += n
    return n
  }
}

/// The state shared by the inflating thread and the reader, guarded by one condition.
private final class PrefetchChannel: @unchecked Sendable {
  private let source: ZipEntryStream
  private let chunkSize: Int
  private let depth: Int
  private let condition = NSCondition()
  private var ready: [[UInt8]] = []
  private var failure: SheetReadError?
  private var producerDone = false
  private var cancelled = false
  private let finished = DispatchSemaphore(value: 0)

  init(source: ZipEntryStream, chunkSize: Int, depth: Int) {
    self.source = source
    self.chunkSize = chunkSize
    self.depth = depth
  }

  /// Runs on the prefetch thread until the entry ends, fails or the reader is dropped.
  func produce() {
    defer { finished.signal() }
    let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 1)
    defer { chunk.deallocate() }
    while true {
      condition.lock()
      while ready.count >= depth && !cancelled { condition.wait() }
      let stop = cancelled
      condition.unlock()
      if stop { return }
      do throws(SheetReadError) {
        let n = try source.read(into: chunk, capacity: chunkSize)
        condition.lock()
        if n == 0 { producerDone = true } else { ready.append(Array(UnsafeRawBufferPointer(start: chunk, count: n))) }
        condition.broadcast()
        condition.unlock()
        if n == 0 { return }
      } catch {
        condition.lock()
        failure = error
        producerDone = true
        condition.broadcast()
        condition.unlock()
        return
      }
    }
  }

  /// The next chunk; nil at the end; the producer's error where it happened.
  func take() throws(SheetReadError) -> [UInt8]? {
    condition.lock()
    defer { condition.unlock() }
    while ready.isEmpty && !producerDone { condition.wait() }
    if ready.isEmpty {
      if let failure { throw failure }
      return nil
    }
    let chunk = ready.removeFirst()
    condition.broadcast()
    return chunk
  }

  func cancelAndWait() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
    finished.wait()
  }
}
