/// The cells of many rows in flat arrays of plain values, for handing a sheet from one
/// thread to another: no `Row` or `Cell` is built, and a shared string travels as its
/// index, so no string is retained on one core and released on the other (the measured
/// cost of `thidua convert` before batches). Only what a cell's text needs is kept: its
/// column and value, not its style.
struct CellBatch {
  enum Kind: UInt8 {
    /// `payload` is an index into the reader's shared strings.
    case shared
    case number
    /// `payload` is the serial of a date in the 1900 or the 1904 system.
    case date1900, date1904
    /// `payload` is an index into `others`.
    case other
  }

  /// Per row: its number and the end of its cells (an index into the cell arrays).
  private(set) var rowNumbers: [Int] = []
  private(set) var rowEnds: [Int] = []
  /// Per cell.
  private(set) var columns: [Int] = []
  private(set) var kinds: [Kind] = []
  private(set) var payloads: [Double] = []
  /// Values that are neither shared strings, numbers nor dates (inline text, booleans …).
  private(set) var others: [CellValue] = []

  init(reservingCells cells: Int = 0) {
    columns.reserveCapacity(cells)
    kinds.reserveCapacity(cells)
    payloads.reserveCapacity(cells)
  }

  var cellCount: Int { columns.count }
  var rowCount: Int { rowNumbers.count }
  var isEmpty: Bool { rowNumbers.isEmpty }

  /// The cells of row `r` (an index, not a row number).
  func cells(ofRow r: Int) -> Range<Int> { (r == 0 ? 0 : rowEnds[r - 1])..<rowEnds[r] }

  @inline(__always)
  mutating func appendShared(_ index: Int, column: Int) {
    append(.shared, Double(index), column: column)
  }

  @inline(__always)
  mutating func appendNumber(_ number: Double, column: Int) {
    append(.number, number, column: column)
  }

  mutating func append(_ value: CellValue, column: Int) {
    switch value {
    case .number(let n): append(.number, n, column: column)
    case .date(let d): append(d.uses1904 ? .date1904 : .date1900, d.serial, column: column)
    default:
      append(.other, Double(others.count), column: column)
      others.append(value)
    }
  }

  @inline(__always)
  private mutating func append(_ kind: Kind, _ payload: Double, column: Int) {
    columns.append(column)
    kinds.append(kind)
    payloads.append(payload)
  }

  /// Closes the row of the cells appended since the previous row ended.
  mutating func endRow(number: Int) {
    rowNumbers.append(number)
    rowEnds.append(columns.count)
  }

  /// A whole row from a reader that makes rows.
  mutating func append(_ row: Row) {
    for cell in row.cells { append(cell.value, column: cell.address.column) }
    endRow(number: row.number)
  }

  /// Where the next row starts, for `dropCells(after:)`.
  var mark: (cells: Int, others: Int) { (columns.count, others.count) }

  /// Forgets the cells of a row that was not closed.
  mutating func dropCells(after mark: (cells: Int, others: Int)) {
    columns.removeSubrange(mark.cells...)
    kinds.removeSubrange(mark.cells...)
    payloads.removeSubrange(mark.cells...)
    others.removeSubrange(mark.others...)
  }

  /// The value of cell `i`, with the reader's shared strings.
  func value(at i: Int, sharedStrings: [String]) -> CellValue {
    switch kinds[i] {
    case .shared: return .text(sharedStrings[Int(payloads[i])])
    case .number: return .number(payloads[i])
    case .date1900: return .date(ExcelDate(serial: payloads[i], uses1904: false))
    case .date1904: return .date(ExcelDate(serial: payloads[i], uses1904: true))
    case .other: return others[Int(payloads[i])]
    }
  }
}

/// A reader that fills batches itself, faster than through rows (the .xlsx reader).
protocol CellBatchFilling: AnyObject {
  /// The strings that `.shared` cells index.
  var sharedStrings: [String] { get }
  /// Appends whole rows until the batch holds at least `cells` cells or the sheet ends;
  /// false once it has ended. A failure leaves the rows before it in the batch.
  func fill(_ batch: inout CellBatch, cells: Int) throws(SheetReadError) -> Bool
}
