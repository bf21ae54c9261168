/// Reads a sheet's cells on a second thread, in batches, while the caller works on the
/// cells already read: `thidua convert` formats CSV on one core while the other parses.
///
/// The wrapped reader is used by the producer's thread only, until that thread has
/// finished; its notes and merged ranges are read after the last batch. Dropping this
/// reader stops the thread and waits for it.
final class BackgroundCellReader {
  private let producer: BackgroundProducer<CellBatch>
  private let reader: ReaderBox
  private var ended = false
  /// The strings that the batches' `.shared` cells index (none for a reader of rows).
  let sharedStrings: [String]

  /// Hands the reader to the producer's thread; nothing else touches it meanwhile.
  private final class ReaderBox: @unchecked Sendable {
    let reader: any RowReading
    init(_ reader: any RowReading) { self.reader = reader }
  }

  /// `cellsPerBatch` is a few milliseconds of parsing: few hand-overs, little memory held
  /// (docs/performance.md measured 2,048, 8,192 and 32,768).
  init(_ reader: any RowReading, cellsPerBatch: Int = 32768, depth: Int = 4) {
    let box = ReaderBox(reader)
    self.reader = box
    sharedStrings = (reader as? any CellBatchFilling)?.sharedStrings ?? []
    producer = BackgroundProducer(depth: depth) { (emit) throws(SheetReadError) in
      var more = true
      while more {
        var batch = CellBatch(reservingCells: cellsPerBatch + 64)
        do throws(SheetReadError) {
          more = try Self.fill(&batch, from: box.reader, cells: cellsPerBatch)
        } catch {
          // The rows before the failure arrive first, as they would without this thread.
          if !batch.isEmpty, !emit(batch) { return }
          throw error
        }
        if !batch.isEmpty, !emit(batch) { return }
      }
    }
  }

  deinit { producer.cancelAndWait() }

  private static func fill(_ batch: inout CellBatch, from reader: any RowReading, cells: Int) throws(SheetReadError)
    -> Bool
  {
    if let filling = reader as? any CellBatchFilling { return try filling.fill(&batch, cells: cells) }
    while batch.cellCount < cells {
      guard let row = try reader.next() else { return false }
      batch.append(row)
    }
    return true
  }

  /// The next batch of whole rows, in file order; nil after the last.
  func next() throws(SheetReadError) -> CellBatch? {
    guard !ended, let batch = try producer.take() else {
      ended = true
      return nil
    }
    return batch
  }

  /// Complete once `next()` has returned nil, when the producer's thread is done with it.
  var mergedRanges: [CellRange] { ended ? reader.reader.mergedRanges : [] }
  var notes: [ReadNote] { ended ? reader.reader.notes : [] }
}
