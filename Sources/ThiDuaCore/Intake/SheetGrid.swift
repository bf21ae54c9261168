public import SheetIO

/// A sheet held whole, as a sparse grid: report sheets are small, and header detection
/// looks up and down. Memory follows the cells present; `maxRows` bounds the reading.
public struct SheetGrid: Sendable {
  public let file: String
  public let sheet: SheetInfo
  public private(set) var cells: [CellAddress: Cell] = [:]
  public private(set) var mergedRanges: [CellRange] = []
  public private(set) var lastRow = 0
  public private(set) var lastColumn = 0
  /// Notes of the reader (ambiguous numbers in CSV …).
  public private(set) var notes: [ReadNote] = []

  /// The first row past `maxRows` that holds a value, when the sheet is longer than that:
  /// the rows from there on were not read, and the caller says so.
  public private(set) var firstRowNotRead: Int?

  public init(source: any SheetSource, sheet: SheetInfo, file: String, maxRows: Int = 100_000) throws(SheetReadError) {
    self.file = file
    self.sheet = sheet
    let reader = try source.rows(of: sheet)
    while let row = try reader.next() {
      guard row.number <= maxRows else {
        if row.cells.contains(where: { !$0.value.isEmpty }) {
          firstRowNotRead = row.number
          break
        }
        continue
      }
      for cell in row.cells where !cell.value.isEmpty {
        cells[cell.address] = cell
        lastRow = max(lastRow, cell.address.row)
        lastColumn = max(lastColumn, cell.address.column)
      }
    }
    mergedRanges = reader.mergedRanges
    notes = reader.notes
  }

  public func value(_ row: Int, _ column: Int) -> CellValue {
    cells[CellAddress(row: row, column: column)]?.value ?? .empty
  }

  /// The text of a cell, or of the merged range that covers it (a two-row header's top).
  public func headerText(_ row: Int, _ column: Int) -> String? {
    if case .text(let t) = value(row, column) { return t }
    let here = CellAddress(row: row, column: column)
    for range in mergedRanges
    where (range.first.row...range.last.row).contains(row) && (range.first.column...range.last.column).contains(column)
      && range.first != here
    {
      if case .text(let t) = value(range.first.row, range.first.column) { return t }
    }
    return nil
  }
}
