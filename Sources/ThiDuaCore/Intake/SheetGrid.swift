public import SheetIO

/// A sheet held whole: header detection looks up and down. Each row keeps the cells
/// that hold a value, in column order, so memory follows the cells present, a lookup
/// hashes nothing (a list's hundred thousand cells are looked up many times each), and
/// one cell at column XFD costs one cell; `maxRows` bounds the reading.
///
/// Text in a legacy font (`.VnTime` is TCVN3, `VNI-Times` VNI) is decoded here, before
/// any detector sees it, so a TCVN3 workbook reads like any other.
public struct SheetGrid: Sendable {
  public let file: String
  public let sheet: SheetInfo
  /// Row → its cells holding a value, by column (index 0 unused).
  private var rows: [[Cell]] = [[]]
  /// The cells holding a value, row by row, as a dictionary from their address.
  public var cells: GridCells { GridCells(rows: rows) }
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
        let r = cell.address.row
        guard r > 0, r <= maxRows else { continue }
        if r >= rows.count { rows += Array(repeating: [], count: r - rows.count + 1) }
        rows[r].append(cell)
        lastRow = max(lastRow, r)
        lastColumn = max(lastColumn, cell.address.column)
      }
    }
    // Readers give a row's cells left to right; a file that repeats or reorders them keeps
    // the last of each column, as a later cell overwrites an earlier one.
    for r in rows.indices where !Self.isOrdered(rows[r]) { rows[r] = Self.ordered(rows[r]) }
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
    GridCells.cell(in: rows, row: row, column: column)?.value ?? .empty
  }

  /// The cells of `row` that hold a value, left to right, within `columns` when given.
  public func cells(inRow row: Int, within columns: ClosedRange<Int>? = nil) -> [Cell] {
    guard row > 0, row < rows.count else { return [] }
    guard let columns else { return rows[row] }
    return rows[row].filter { columns.contains($0.address.column) }
  }

  private static func isOrdered(_ cells: [Cell]) -> Bool {
    zip(cells, cells.dropFirst()).allSatisfy { $0.address.column < $1.address.column }
  }

  /// `cells` by column, the last of each column kept.
  private static func ordered(_ cells: [Cell]) -> [Cell] {
    var byColumn: [Int: Cell] = [:]
    for cell in cells { byColumn[cell.address.column] = cell }
    return byColumn.values.sorted { $0.address.column < $1.address.column }
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

/// A sheet's cells seen as a dictionary from address to cell, row by row and left to right.
public struct GridCells: Sequence, Sendable {
  fileprivate let rows: [[Cell]]

  public struct Iterator: IteratorProtocol {
    fileprivate let rows: [[Cell]]
    fileprivate var row = 0
    fileprivate var index = 0

    public mutating func next() -> (key: CellAddress, value: Cell)? {
      while row < rows.count {
        if index < rows[row].count {
          let cell = rows[row][index]
          index += 1
          return (cell.address, cell)
        }
        row += 1
        index = 0
      }
      return nil
    }
  }

  public func makeIterator() -> Iterator { Iterator(rows: rows) }

  public subscript(_ address: CellAddress) -> Cell? { Self.cell(in: rows, row: address.row, column: address.column) }

  public var keys: [CellAddress] { map(\.key) }

  /// The cell at `row`, `column` of rows whose cells are in column order, by halving.
  static func cell(in rows: [[Cell]], row r: Int, column: Int) -> Cell? {
    guard r > 0, r < rows.count else { return nil }
    let row = rows[r]
    var low = 0
    var high = row.count
    while low < high {
      let middle = (low + high) / 2
      let c = row[middle].address.column
      if c == column { return row[middle] }
      if c < column { low = middle + 1 } else { high = middle }
    }
    return nil
  }
}
