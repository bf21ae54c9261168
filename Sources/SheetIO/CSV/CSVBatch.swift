/// Records tokenized and pre-classified on the reading thread, handed to the row reader
/// in batches: field bytes back to back, each field's range and first reading.
struct CSVBatch: Sendable {
  var bytes: [UInt8] = []
  var fieldStarts: [Int32] = []
  var fieldEnds: [Int32] = []
  var readings: [CSVFieldReading] = []
  /// Per record: its 1-based number in the file and the index of its first field.
  var recordNumbers: [Int] = []
  var recordFirstField: [Int32] = []
  var notes: [CSVTokenizer.Note] = []

  static let recordsPerBatch = 2048

  var recordCount: Int { recordNumbers.count }

  /// Field indices of record `r`.
  func fields(ofRecord r: Int) -> Range<Int> {
    Int(recordFirstField[r])..<(r + 1 < recordFirstField.count ? Int(recordFirstField[r + 1]) : fieldStarts.count)
  }

  /// Tokenizes and classifies until the input ends, emitting full batches.
  static func produce(
    from tokenizer: CSVTokenizer, utf8: Bool, emit: (CSVBatch) -> Bool
  ) throws(SheetReadError) {
    var notesSeen = 0
    var more = true
    while more {
      var records = 0
      while records < recordsPerBatch, try tokenizer.next() { records += 1 }
      more = records == recordsPerBatch
      let taken = tokenizer.takeBatch()
      guard !taken.recordNumbers.isEmpty || tokenizer.notes.count > notesSeen else { return }
      var batch = CSVBatch()
      batch.bytes = taken.bytes
      batch.fieldStarts = taken.starts
      batch.recordNumbers = taken.recordNumbers
      batch.recordFirstField = taken.recordFirstField
      batch.fieldEnds.reserveCapacity(taken.starts.count)
      batch.readings.reserveCapacity(taken.starts.count)
      batch.bytes.withUnsafeBufferPointer { all in
        for f in taken.starts.indices {
          let start = Int(taken.starts[f])
          let end = f + 1 < taken.starts.count ? Int(taken.starts[f + 1]) : all.count
          batch.fieldEnds.append(Int32(end))
          let field = UnsafeBufferPointer(rebasing: all[start..<end])
          batch.readings.append(field.isEmpty ? .text : CSVFieldReading.classify(field, utf8: utf8))
        }
      }
      batch.notes = Array(tokenizer.notes[notesSeen...])
      notesSeen = tokenizer.notes.count
      guard emit(batch) else { return }
    }
  }
}
