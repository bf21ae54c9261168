/// Review runs one after another: a second "run the review" waits for the first, while
/// uploads and pages go on (the database is in WAL mode).
actor ReviewQueue {
  private var busy = false
  private var waiting: [CheckedContinuation<Void, Never>] = []

  func one(_ work: @Sendable () async throws -> Void) async throws {
    while busy { await withCheckedContinuation { waiting.append($0) } }
    busy = true
    defer {
      busy = false
      if !waiting.isEmpty { waiting.removeFirst().resume() }
    }
    try await work()
  }
}
