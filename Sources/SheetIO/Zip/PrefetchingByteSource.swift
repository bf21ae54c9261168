import Foundation

/// Inflates on a second thread while the caller parses on its own, so that on two
/// cores the cost of inflating mostly disappears behind the scanning.
///
/// The producer keeps at most `depth` chunks ahead; errors reach the consumer at the
/// point in the stream where they happened.
final class PrefetchingByteSource: ByteSource, @unchecked Sendable {
  private let source: ZipEntryStream
  private let chunkSize: Int
  private let depth: Int
  private let condition = NSCondition()
  private var ready: [[UInt8]] = []  // guarded by condition
  private var failure: SheetReadError?  // guarded by condition
  private var producerDone = false  // guarded by condition
  private var cancelled = false  // guarded by condition
  private let finished = DispatchSemaphore(value: 0)

  private var current: [UInt8] = []
  private var offset = 0

  var location: Location { source.location }

  init(_ source: ZipEntryStream, chunkSize: Int = 256 << 10, depth: Int = 4) {
    self.source = source
    self.chunkSize = chunkSize
    self.depth = depth
    let thread = Thread { [self] in produce() }
    thread.stackSize = 1 << 20
    thread.start()
  }

  deinit {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
    finished.wait()
  }

  private func produce() {
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

  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws(SheetReadError) -> Int {
    if offset == current.count {
      condition.lock()
      while ready.isEmpty && !producerDone { condition.wait() }
      if ready.isEmpty {
        let error = failure
        condition.unlock()
        if let error { throw error }
        return 0
      }
      current = ready.removeFirst()
      offset = 0
      condition.broadcast()
      condition.unlock()
    }
    let n = min(capacity, current.count - offset)
    current.withUnsafeBytes { raw in buffer.copyMemory(from: raw.baseAddress! + offset, byteCount: n) }
    offset += n
    return n
  }
}
