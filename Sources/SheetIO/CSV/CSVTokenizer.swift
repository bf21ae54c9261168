import Glibc

/// Splits CSV bytes into records and fields (RFC 4180), streaming: quoted fields with
/// doubled quotes and line breaks, CR LF, LF or CR line ends, blank lines, ragged rows.
///
/// Works on bytes, so it serves every ASCII-compatible encoding; a field's bytes are
/// decoded afterwards. Leniencies, each recorded in `notes`: text after a closing quote
/// is kept (`"ab"c` → `abc`), and a quote left open at the end of the file closes there.
/// Sendable because it is handed whole to the reading thread and used there alone.
final class CSVTokenizer: @unchecked Sendable {
  /// Something the tokenizer accepted although RFC 4180 does not allow it.
  struct Note: Hashable, Sendable {
    enum Kind: Hashable { case textAfterClosingQuote, unterminatedQuote }
    var kind: Kind
    var record: Int
    var field: Int
  }

  private let source: any ByteSource
  private let delimiter: UInt8
  private let capacity = 256 << 10
  private let buffer: UnsafeMutablePointer<UInt8>
  /// 1 for the bytes that end an unquoted field: the delimiter, CR, LF.
  private let ends: UnsafeMutablePointer<UInt8>
  private var pos = 0
  private var end = 0
  private var exhausted = false
  private var skipLineFeed = false

  /// The records read since the last `takeBatch()`: all field bytes back to back, where
  /// each field starts, and where each record's fields start.
  private(set) var bytes: [UInt8] = []
  private(set) var starts: [Int32] = []
  private(set) var recordFirstField: [Int32] = []
  private(set) var recordNumbers: [Int] = []
  /// 1-based number of the current record.
  private(set) var record = 0
  private(set) var notes: [Note] = []

  init(source: any ByteSource, delimiter: UInt8) {
    self.source = source
    self.delimiter = delimiter
    buffer = .allocate(capacity: capacity)
    ends = .allocate(capacity: 256)
    ends.initialize(repeating: 0, count: 256)
    for b in [delimiter, 0x0A, 0x0D] { ends[Int(b)] = 1 }
    bytes.reserveCapacity(4096)
  }

  deinit {
    buffer.deallocate()
    ends.deallocate()
  }

  /// Fields of the current record.
  var fieldCount: Int { starts.count - Int(recordFirstField.last ?? 0) }

  /// The bytes of field `i` of the current record.
  func field(_ i: Int) -> ArraySlice<UInt8> {
    let f = Int(recordFirstField.last ?? 0) + i
    return bytes[Int(starts[f])..<(f + 1 < starts.count ? Int(starts[f + 1]) : bytes.count)]
  }

  /// Hands over the records read so far and starts afresh.
  func takeBatch() -> (bytes: [UInt8], starts: [Int32], recordFirstField: [Int32], recordNumbers: [Int]) {
    defer {
      bytes = []
      starts = []
      recordFirstField = []
      recordNumbers = []
      bytes.reserveCapacity(256 << 10)
    }
    return (bytes, starts, recordFirstField, recordNumbers)
  }

  private func refill() throws(SheetReadError) -> Bool {
    if exhausted { return false }
    let n = try source.read(into: buffer, capacity: capacity)
    pos = 0
    end = n
    if n == 0 { exhausted = true }
    return n > 0
  }

  private enum State { case fieldStart, unquoted, quoted, afterQuote }

  /// Reads the next record, appending it to the batch; false at the end of the input.
  func next() throws(SheetReadError) -> Bool {
    if skipLineFeed {
      if pos == end { _ = try refill() }
      if pos < end && buffer[pos] == 0x0A { pos += 1 }
      skipLineFeed = false
    }
    var state = State.fieldStart
    var started = false
    let quote = UInt8(ascii: "\"")
    while true {
      if pos == end, try !refill() {
        guard started else { return false }
        if state == .quoted {
          notes.append(Note(kind: .unterminatedQuote, record: record + 1, field: fieldCount - 1))
        }
        record += 1
        recordNumbers.append(record)
        return true
      }
      switch state {
      case .fieldStart:
        if !started {
          started = true
          recordFirstField.append(Int32(starts.count))
        }
        starts.append(Int32(bytes.count))
        if buffer[pos] == quote {
          pos += 1
          state = .quoted
        } else {
          state = .unquoted
        }
      case .unquoted:
        var i = pos
        while i < end && ends[Int(buffer[i])] == 0 { i += 1 }
        bytes.append(contentsOf: UnsafeBufferPointer(start: buffer + pos, count: i - pos))
        pos = i
        if i == end { continue }
        let c = buffer[pos]
        pos += 1
        if c == delimiter {
          state = .fieldStart
        } else {
          skipLineFeed = c == 0x0D
          record += 1
          recordNumbers.append(record)
          return true
        }
      case .quoted:
        guard let hit = memchr(buffer + pos, Int32(quote), end - pos) else {
          bytes.append(contentsOf: UnsafeBufferPointer(start: buffer + pos, count: end - pos))
          pos = end
          continue
        }
        let q = hit.assumingMemoryBound(to: UInt8.self) - buffer
        bytes.append(contentsOf: UnsafeBufferPointer(start: buffer + pos, count: q - pos))
        pos = q + 1
        state = .afterQuote
      case .afterQuote:
        let c = buffer[pos]
        if c == quote {
          bytes.append(quote)
          pos += 1
          state = .quoted
        } else {
          if c != delimiter && c != 0x0A && c != 0x0D {
            notes.append(Note(kind: .textAfterClosingQuote, record: record + 1, field: fieldCount - 1))
          }
          state = .unquoted
        }
      }
    }
  }
}
