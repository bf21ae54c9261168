/// What `thidua inspect` reports of a sheet, gathered by reading every cell.
public struct SheetSummary: Hashable, Sendable {
  public var sheet: SheetInfo
  /// The smallest range holding every cell with a value; nil for an empty sheet.
  public var usedRange: CellRange?
  public var mergedRanges: [CellRange]
  /// Cells with a value, by kind: `number`, `text`, `boolean`, `date`, `error`.
  public var cellCounts: [String: Int]
  /// What the reader accepted with a remark (CSV: ambiguous numbers, quoting repairs).
  public var notes: [ReadNote]

  /// Reads the whole sheet once.
  public init(workbook: any SheetSource, sheet: SheetInfo) throws(SheetReadError) {
    self.sheet = sheet
    let reader = try workbook.rows(of: sheet)
    var used: CellRange?
    var numbers = 0, texts = 0, booleans = 0, dates = 0, errors = 0
    while let row = try reader.next() {
      for cell in row.cells where !cell.value.isEmpty {
        switch cell.value {
        case .number: numbers += 1
        case .text: texts += 1
        case .boolean: booleans += 1
        case .date: dates += 1
        case .error: errors += 1
        case .empty: break
        }
        if used == nil {
          used = CellRange(first: cell.address, last: cell.address)
        } else {
          used!.include(cell.address)
        }
      }
    }
    usedRange = used
    mergedRanges = reader.mergedRanges
    notes = reader.notes
    cellCounts = ["number": numbers, "text": texts, "boolean": booleans, "date": dates, "error": errors]
  }
}
