import Foundation

/// Runs a producer on its own thread, handing items to the caller through a queue of at
/// most `depth` items: the reader's second core does the producer's share of the work.
///
/// A failure reaches the consumer where it happened in the stream. Dropping the
/// consumer's side cancels the producer and waits for its thread, so no thread or open
/// file outlives the reader.
final class BackgroundProducer<Item>: @unchecked Sendable {
  private let condition = NSCondition()
  private var ready: [Item] = []  // guarded by condition
  private var failure: SheetReadError?  // guarded by condition
  private var done = false  // guarded by condition
  private var cancelled = false  // guarded by condition
  private let depth: Int
  private let finished = DispatchSemaphore(value: 0)

  /// Starts `produce` on a new thread. It calls `emit` for each item; `emit` waits while
  /// the queue is full and returns false once the consumer is gone, when `produce`
  /// should return.
  init(depth: Int, produce: @escaping @Sendable (_ emit: (Item) -> Bool) throws(SheetReadError) -> Void) {
    self.depth = depth
    let thread = Thread { [self] in run(produce) }
    thread.stackSize = 1 << 20
    thread.start()
  }

  private func run(_ produce: (_ emit: (Item) -> Bool) throws(SheetReadError) -> Void) {
    defer { finished.signal() }
    do {
      try produce { item in
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= depth && !cancelled { condition.wait() }
        if cancelled { return false }
        ready.append(item)
        condition.broadcast()
        return true
      }
      finish(nil)
    } catch {
      finish(error)
    }
  }

  private func finish(_ error: SheetReadError?) {
    condition.lock()
    failure = error
    done = true
    condition.broadcast()
    condition.unlock()
  }

  /// The next item; nil at the end; the producer's error where it happened.
  func take() throws(SheetReadError) -> Item? {
    condition.lock()
    defer { condition.unlock() }
    while ready.isEmpty && !done { condition.wait() }
    if ready.isEmpty {
      if let failure { throw failure }
      return nil
    }
    let item = ready.removeFirst()
    condition.broadcast()
    return item
  }

  /// Stops the producer and waits for its thread to end.
  func cancelAndWait() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
    finished.wait()
  }
}
