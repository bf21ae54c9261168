public import SheetIO

/// A sheet held whole, as a sparse grid: report sheets are small, and header detection
/// looks up and down. Memory follows the cells present; `maxRows` bounds the reading.
///
/// Text in a legacy font (`.VnTime` is TCVN3, `VNI-Times` VNI) is decoded here, before
/// any detector sees it, so a TCVN3 workbook reads like any other.
public struct SheetGrid: Sendable {
  public let file: String
  public let sheet: SheetInfo
  public private(set) var cells: [CellAddress: Cell] = [:]
  public private(set) var mergedRanges: [CellRange] = []
  public private(set) var lastRow = 0
  public private(set) var lastColumn = 0
  /// Notes of the reader (ambiguous numbers in CSV …).
  public private(set) var notes: [ReadNote] = []
  /// Numbers whose cell format is a percentage: the cell holds the fraction.
  public private(set) var percentCells: Set<CellAddress> = []
  /// Cells whose text was decoded from a legacy encoding, with the encoding.
  public private(set) var legacyCells: [CellAddress: TextEncoding] = [:]
  /// The anchor of the merged range covering each covered cell.
  private var mergeAnchor: [CellAddress: CellAddress] = [:]
  /// Each merged range by its top-left cell.
  private var mergeByAnchor: [CellAddress: CellRange] = [:]
  /// Row → the columns holding a value, in order: the detectors walk what is there, never
  /// the width of the sheet (one cell at column XFD must not cost 16,384 per row).
  private var columnsByRow: [Int: [Int]] = [:]

  /// The first row past `maxRows` that holds a value, when the sheet is longer than that:
  /// the rows from there on were not read, and the caller says so.
  public private(set) var firstRowNotRead: Int?

  public init(source: any SheetSource, sheet: SheetInfo, file: String, maxRows: Int = 100_000) throws(SheetReadError) {
    self.file = file
    self.sheet = sheet
    let reader = try source.rows(of: sheet)
    var legacyByStyle: [Int: (encoding: TextEncoding, capitals: Bool)?] = [:]
    while let row = try reader.next() {
      guard row.number <= maxRows else {
        if row.cells.contains(where: { !$0.value.isEmpty }) {
          firstRowNotRead = row.number
          break
        }
        continue
      }
      for var cell in row.cells where !cell.value.isEmpty {
        switch cell.value {
        case .text(let text):
          let legacy =
            legacyByStyle[cell.styleIndex]
            ?? {
              let found = source.fontName(styleIndex: cell.styleIndex).flatMap(LegacyText.encoding(forFont:))
              legacyByStyle[cell.styleIndex] = found
              return found
            }()
          if let legacy {
            cell.value = .text(LegacyText.convert(text, from: legacy.encoding, capitals: legacy.capitals))
            legacyCells[cell.address] = legacy.encoding
          }
        case .number:
          if source.isPercentStyle(cell.styleIndex) { percentCells.insert(cell.address) }
        default: break
        }
        cells[cell.address] = cell
        lastRow = max(lastRow, cell.address.row)
        lastColumn = max(lastColumn, cell.address.column)
      }
    }
    for address in cells.keys { columnsByRow[address.row, default: []].append(address.column) }
    for row in columnsByRow.keys { columnsByRow[row]!.sort() }
    mergedRanges = reader.mergedRanges
    notes = reader.notes
    for range in mergedRanges {
      mergeByAnchor[range.first] = range
      // A merge far outside the cells read covers nothing the detectors look at.
      let lastRow = min(range.last.row, max(self.lastRow, range.first.row))
      let lastColumn = min(range.last.column, max(self.lastColumn, range.first.column))
      guard (lastRow - range.first.row + 1) * (lastColumn - range.first.column + 1) <= 10_000 else { continue }
      for r in range.first.row...lastRow {
        for c in range.first.column...lastColumn where r != range.first.row || c != range.first.column {
          mergeAnchor[CellAddress(row: r, column: c)] = range.first
        }
      }
    }
  }

  public func value(_ row: Int, _ column: Int) -> CellValue {
    cells[CellAddress(row: row, column: column)]?.value ?? .empty
  }

  /// The cells of `row` that hold a value, left to right, within `columns` when given.
  public func cells(inRow row: Int, within columns: ClosedRange<Int>? = nil) -> [Cell] {
    (columnsByRow[row] ?? []).filter { columns?.contains($0) ?? true }.compactMap {
      cells[CellAddress(row: row, column: $0)]
    }
  }

  /// The merged range whose top-left cell is `anchor`, if any.
  func mergedRange(anchoredAt anchor: CellAddress) -> CellRange? {
    mergeByAnchor[anchor]
  }

  /// The top-left cell of the merged range covering `address`, or `address` itself.
  func anchor(of address: CellAddress) -> CellAddress { mergeAnchor[address] ?? address }

  /// The text of a cell, or of the merged range that covers it (a two-row header's top).
  public func headerText(_ row: Int, _ column: Int) -> String? {
    let anchor = anchor(of: CellAddress(row: row, column: column))
    if case .text(let t) = value(anchor.row, anchor.column) { return t }
    return nil
  }
}
