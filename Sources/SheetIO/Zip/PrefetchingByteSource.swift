/// Inflates on a second thread while the caller parses on its own, so that on two
/// cores the cost of inflating mostly disappears behind the scanning.
///
/// The producer keeps at most four chunks ahead. A reader dropped before the end stops
/// the producer and waits for it, so no thread or open zip entry outlives it.
final class PrefetchingByteSource: ByteSource {
  private let producer: BackgroundProducer<[UInt8]>
  private var current: [UInt8] = []
  private var offset = 0

  let location: Location

  init(_ source: ZipEntryStream, chunkSize: Int = 256 << 10, depth: Int = 4) {
    location = source.location
    // The thread holds the source and the producer, never this object, so dropping the
    // reader runs deinit.
    producer = BackgroundProducer(depth: depth) { (emit) throws(SheetReadError) in
      let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 1)
      defer { chunk.deallocate() }
      while true {
        let n = try source.read(into: chunk, capacity: chunkSize)
        if n == 0 || !emit(Array(UnsafeRawBufferPointer(start: chunk, count: n))) { return }
      }
    }
  }

  deinit { producer.cancelAndWait() }

  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws(SheetReadError) -> Int {
    if offset == current.count {
      guard let next = try producer.take() else { return 0 }
      current = next
      offset = 0
    }
    let n = min(capacity, current.count - offset)
    current.withUnsafeBytes { raw in buffer.copyMemory(from: raw.baseAddress! + offset, byteCount: n) }
    offset += n
    return n
  }
}
