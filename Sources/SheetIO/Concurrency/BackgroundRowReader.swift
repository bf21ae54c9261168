/// Reads a sheet's rows on a second thread, in batches, while the caller works on the
/// rows already read: `thidua convert` formats CSV on one core while the other parses.
///
/// The wrapped reader is used by the producer's thread only, until that thread has
/// finished; its notes and merged ranges are read after the last row. Dropping this
/// reader stops the thread and waits for it.
final class BackgroundRowReader: RowReading {
  private let producer: BackgroundProducer<[Row]>
  private let reader: ReaderBox
  private var batch: [Row] = []
  private var index = 0
  private var ended = false

  /// Hands the reader to the producer's thread; nothing else touches it meanwhile.
  private final class ReaderBox: @unchecked Sendable {
    let reader: any RowReading
    init(_ reader: any RowReading) { self.reader = reader }
  }

  init(_ reader: any RowReading, batchSize: Int = 512, depth: Int = 4) {
    let box = ReaderBox(reader)
    self.reader = box
    producer = BackgroundProducer(depth: depth) { (emit) throws(SheetReadError) in
      var rows: [Row] = []
      rows.reserveCapacity(batchSize)
      do throws(SheetReadError) {
        while let row = try box.reader.next() {
          rows.append(row)
          if rows.count == batchSize {
            guard emit(rows) else { return }
            rows = []
            rows.reserveCapacity(batchSize)
          }
        }
      } catch {
        // The rows before the failure arrive first, as they would without this thread.
        if !rows.isEmpty, !emit(rows) { return }
        throw error
      }
      if !rows.isEmpty { _ = emit(rows) }
    }
  }

  deinit { producer.cancelAndWait() }

  func next() throws(SheetReadError) -> Row? {
    while index == batch.count {
      guard !ended, let next = try producer.take() else {
        ended = true
        return nil
      }
      batch = next
      index = 0
    }
    index += 1
    return batch[index - 1]
  }

  /// Complete once `next()` has returned nil, when the producer's thread is done with it.
  var mergedRanges: [CellRange] { ended ? reader.reader.mergedRanges : [] }
  var notes: [ReadNote] { ended ? reader.reader.notes : [] }
}
