/// The CSV lines of a sheet's rows with a value, each up to its own last value, without
/// the commas that pad it to the sheet's last column: those are known only at the end.
struct UnpaddedLines {
  private(set) var body: [UInt8] = []
  /// Per line: its row number, where its bytes end in `body`, and its field count.
  private var rows: [Int] = []
  private var ends: [Int] = []
  private var fieldCounts: [Int] = []
  private(set) var lastRow = 0
  private(set) var lastColumn = 0
  private var fieldSum = 0
  private var fields: [String] = []
  private var field: [UInt8] = []

  init() { body.reserveCapacity(1 << 20) }

  /// Appends the line of row `r` of the batch; false for a row without a value (a blank
  /// line).
  mutating func append(row r: Int, of batch: CellBatch, strings: SharedStringFields) -> Bool {
    let cells = batch.cells(ofRow: r)
    guard let lastCell = cells.last(where: { !Self.isEmpty($0, batch, strings) }) else { return false }
    let last = batch.columns[lastCell]
    var count = last  // fields on the line
    if Self.inStrictColumnOrder(cells, batch) {
      // The usual row: fields appended as they come, the gaps as commas.
      var commas = 0
      for i in cells.lowerBound...lastCell {
        let column = batch.columns[i]
        for _ in commas..<(column - 1) { body.append(UInt8(ascii: ",")) }
        commas = column - 1
        Self.appendField(i, batch, strings, to: &body)
      }
    } else {
      // A row that names a column twice: the last value of a column wins.
      fields = [String](repeating: "", count: cells.map { batch.columns[$0] }.max() ?? last)
      for i in cells {
        field.removeAll(keepingCapacity: true)
        Self.appendField(i, batch, strings, to: &field)
        fields[batch.columns[i] - 1] = String(decoding: field, as: UTF8.self)
      }
      count = (fields.lastIndex { !$0.isEmpty } ?? 0) + 1
      body.append(contentsOf: fields[..<count].joined(separator: ",").utf8)
    }
    rows.append(batch.rowNumbers[r])
    ends.append(body.count)
    fieldCounts.append(count)
    fieldSum += count
    lastRow = batch.rowNumbers[r]
    lastColumn = max(lastColumn, count)
    return true
  }

  @inline(__always)
  private static func isEmpty(_ i: Int, _ batch: CellBatch, _ strings: SharedStringFields) -> Bool {
    switch batch.kinds[i] {
    case .shared: return strings.isEmpty(Int(batch.payloads[i]))
    case .other: return batch.others[Int(batch.payloads[i])].isEmpty
    case .number, .date1900, .date1904: return false
    }
  }

  /// The bytes of `CanonicalCSV.field(CanonicalCSV.text(value))` of cell `i`.
  @inline(__always)
  private static func appendField(
    _ i: Int, _ batch: CellBatch, _ strings: SharedStringFields, to output: inout [UInt8]
  ) {
    let payload = batch.payloads[i]
    switch batch.kinds[i] {
    case .shared: strings.append(Int(payload), to: &output)
    case .number: CanonicalCSV.appendNumber(payload, to: &output)
    case .date1900: ExcelDate(serial: payload, uses1904: false).appendISOText(to: &output)
    case .date1904: ExcelDate(serial: payload, uses1904: true).appendISOText(to: &output)
    case .other: CanonicalCSV.appendField(batch.others[Int(payload)], to: &output)
    }
  }

  private static func inStrictColumnOrder(_ cells: Range<Int>, _ batch: CellBatch) -> Bool {
    var previous = 0
    for i in cells {
      guard batch.columns[i] > previous else { return false }
      previous = batch.columns[i]
    }
    return true
  }

  /// Bytes of the CSV so far: the lines, the commas that pad them, blank lines, line
  /// ends; in constant time, since it is asked after every row.
  var paddedSize: Int {
    let padding = rows.count * lastColumn - fieldSum
    let blankLines = lastRow - rows.count
    return body.count + padding + blankLines * lastColumn + rows.count
  }

  func write(to output: AtomicFile) throws {
    let blankLine = [UInt8](repeating: UInt8(ascii: ","), count: lastColumn - 1) + [0x0A]
    var chunk: [UInt8] = []
    chunk.reserveCapacity(1 << 20)
    var start = 0
    var written = 0  // rows written so far
    for i in rows.indices {
      for _ in written..<(rows[i] - 1) { chunk.append(contentsOf: blankLine) }
      chunk.append(contentsOf: body[start..<ends[i]])
      for _ in fieldCounts[i]..<lastColumn { chunk.append(UInt8(ascii: ",")) }
      chunk.append(0x0A)
      start = ends[i]
      written = rows[i]
      if chunk.count >= 1 << 20 {
        try output.write(bytes: chunk)
        chunk.removeAll(keepingCapacity: true)
      }
    }
    try output.write(bytes: chunk)
  }
}
