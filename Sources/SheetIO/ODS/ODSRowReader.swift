/// Reads one table of an .ods workbook in file order, holding only the current row.
///
/// ```swift
/// let reader = try workbook.rows(of: workbook.sheets[0])
/// while let row = try reader.next() { … }
/// ```
///
/// Cell positions in an .ods table are implicit: each `<table:table-row>` is one row
/// after the one before, each cell one column after the one before, or as many as its
/// `number-rows-repeated` / `number-columns-repeated` say. A run of empty cells or rows
/// only moves the position, so a billion of them cost nothing; a repeated cell or row
/// with a value is returned once per copy, within Excel's grid and `maxRepeatedCells`.
/// Merges (`number-columns-spanned`, `number-rows-spanned`) are collected as the cells
/// that carry them are read, so `mergedRanges` too is complete once `next()` returns nil.
public final class ODSRowReader {
  let reader: ODSXMLReader
  let styles: ODSStyles
  let dates: ODSDateSystem
  let limits: ReadLimits
  private let sheetName: String
  /// Depth of the `<table:table>` element: the table ends when the reader leaves it.
  private let tableDepth: Int

  /// Merged ranges of the cells read so far; complete once `next()` has returned nil.
  public private(set) var mergedRanges: [CellRange] = []

  private var finished = false
  /// The number of the next `<table:table-row>`; may run past the grid through empty rows.
  private var nextRowNumber = 1
  /// The row being read, and how many times it repeats.
  var rowNumber = 0
  private var rowRepeats = 1
  var rowDefaultStyle: Int?
  /// Depth of the current `<table:table-row>`; 0 between rows.
  private var rowDepth = 0
  /// The column of the next cell in the row.
  var column = 1
  var cells: [Cell] = []
  var rowMerges: [CellRange] = []
  /// Default cell style of each column (`table:default-cell-style-name`), up to the last
  /// column a `<table:table-column>` describes within the grid.
  var columnStyles: [Int] = []
  /// Cells and merges added by repeats so far, against `limits.maxRepeatedCells`.
  private var repeatedCells = 0
  /// Copies of a repeated row still to return.
  private var copiesLeft = 0
  private var copy = Row(number: 0, cells: [])
  private var copyMerges: [CellRange] = []
  /// The text of the current cell's paragraphs, as UTF-8.
  var text: [UInt8] = []
  /// Style indices by the packed bytes of short style names (`ce12`): one look-up per
  /// cell without building a string.
  var styleCache: [UInt64: Int] = [:]
  /// Called once with the XML reader when the table has ended, positioned just after its
  /// end tag: the workbook goes on from there to the next table.
  var onTableEnd: ((ODSXMLReader) -> Void)?

  /// A reader positioned just after the start tag of a `<table:table>`; `isEmpty` when
  /// that tag closes itself.
  init(
    reader: ODSXMLReader, styles: ODSStyles, dates: ODSDateSystem, limits: ReadLimits, sheetName: String,
    isEmpty: Bool
  ) {
    self.reader = reader
    self.styles = styles
    self.dates = dates
    self.limits = limits
    self.sheetName = sheetName
    tableDepth = reader.depth
    finished = isEmpty
    cells.reserveCapacity(64)
    text.reserveCapacity(256)
  }

  /// The next row that has at least one cell with a value or a merge; nil after the last.
  public func next() throws(SheetReadError) -> Row? {
    do {
      return try nextRow()
    } catch {
      let cell =
        (1...CellAddress.maxRow).contains(rowNumber) && (1...CellAddress.maxColumn).contains(column)
        ? CellAddress(row: rowNumber, column: column) : nil
      throw error.relocated {
        $0.sheet = sheetName
        if $0.cell == nil { $0.cell = cell }
      }
    }
  }

  private func nextRow() throws(SheetReadError) -> Row? {
    if copiesLeft > 0 { return nextCopy() }
    guard !finished else { return nil }
    while true {
      if rowDepth > 0, let selfClosing = try reader.cellStartTag(resolvingAttributes: true) {
        try readCell(selfClosing: selfClosing)
        continue
      }
      switch try reader.next() {
      case .start(let namespace, let local, let selfClosing):
        if rowDepth > 0 {
          if namespace == .table, reader.matches(local, "table-cell") || reader.matches(local, "covered-table-cell") {
            try readCell(selfClosing: selfClosing)
          } else if !selfClosing {
            try reader.skipElement()
          }
        } else if namespace == .table, reader.matches(local, "table-row") {
          try beginRow()
          if !selfClosing {
            rowDepth = reader.depth
          } else if let row = try endRow() {
            return row
          }
        } else if namespace == .table, reader.matches(local, "table-column") {
          try defineColumns()
          if !selfClosing { try reader.skipElement() }
        } else if namespace == .table, isTransparentWrapper(local) {
          continue
        } else if !selfClosing {
          // Forms, shapes, named expressions, scenarios: nothing a cell holds.
          try reader.skipElement()
        }
      case .end:
        if rowDepth > 0, reader.depth < rowDepth {
          rowDepth = 0
          if let row = try endRow() { return row }
        } else if reader.depth < tableDepth {
          finished = true
          onTableEnd?(reader)
          onTableEnd = nil
          return nil
        }
      case .text, .cdata: continue
      case .endOfDocument:
        finished = true
        return nil
      }
    }
  }

  /// Groups of rows and columns (ODF 1.2 Part 1, §9.1.9–§9.1.12) add nothing to the
  /// positions of what they hold.
  private func isTransparentWrapper(_ local: Range<Int>) -> Bool {
    reader.matches(local, "table-header-rows") || reader.matches(local, "table-row-group")
      || reader.matches(local, "table-rows") || reader.matches(local, "table-header-columns")
      || reader.matches(local, "table-column-group") || reader.matches(local, "table-columns")
  }

  private func beginRow() throws(SheetReadError) {
    rowNumber = nextRowNumber
    rowRepeats = 1
    rowDefaultStyle = nil
    column = 1
    cells.removeAll(keepingCapacity: true)
    rowMerges.removeAll(keepingCapacity: true)
    for attribute in reader.attributes where attribute.namespace == .table {
      if reader.matches(attribute.local, "number-rows-repeated") {
        rowRepeats = try ODSCellAttributes.count(reader, attribute.value)
      } else if reader.matches(attribute.local, "default-cell-style-name") {
        rowDefaultStyle = styles.index(of: try reader.text(attribute.value))
      }
    }
  }

  /// Finishes the row: the row itself when it has cells or merges, its copies next.
  private func endRow() throws(SheetReadError) -> Row? {
    nextRowNumber = min(rowNumber + rowRepeats, 1 << 50)
    guard !cells.isEmpty || !rowMerges.isEmpty else { return nil }
    let lastRow = rowNumber + rowRepeats - 1
    guard lastRow <= CellAddress.maxRow else {
      var location = reader.location
      location.cell = cells.first?.address ?? rowMerges.first?.first
      throw .beyondGrid(
        location,
        what: rowRepeats > 1 ? "row \(rowNumber) repeated \(rowRepeats) times" : "row \(rowNumber)")
    }
    mergedRanges += rowMerges
    let row = Row(number: rowNumber, cells: cells)
    if rowRepeats > 1 {
      try countRepeats((rowRepeats - 1) * (cells.count + rowMerges.count))
      copiesLeft = rowRepeats - 1
      copy = row
      copyMerges = rowMerges
    }
    return row
  }

  /// The next copy of a repeated row, its cells and merges moved down.
  private func nextCopy() -> Row {
    copiesLeft -= 1
    copy.number += 1
    for i in copy.cells.indices { copy.cells[i].address.row = copy.number }
    for i in copyMerges.indices {
      copyMerges[i].first.row += 1
      copyMerges[i].last.row += 1
    }
    mergedRanges += copyMerges
    return copy
  }

  /// Default cell styles of the columns a `<table:table-column>` describes.
  private func defineColumns() throws(SheetReadError) {
    var repeats = 1
    var style = 0
    for attribute in reader.attributes where attribute.namespace == .table {
      if reader.matches(attribute.local, "number-columns-repeated") {
        repeats = try ODSCellAttributes.count(reader, attribute.value)
      } else if reader.matches(attribute.local, "default-cell-style-name") {
        style = styles.index(of: try reader.text(attribute.value))
      }
    }
    // Columns past the grid hold no cell that could use them.
    let room = CellAddress.maxColumn - columnStyles.count
    columnStyles += repeatElement(style, count: min(repeats, room))
  }

  /// Adds `count` cells or merges made by repeats to the sheet's tally.
  func countRepeats(_ count: Int) throws(SheetReadError) {
    repeatedCells += count
    guard repeatedCells <= limits.maxRepeatedCells else {
      throw .repeatLimitExceeded(
        reader.location, what: "more than \(limits.maxRepeatedCells) cells from repeats", limit: limits.maxRepeatedCells
      )
    }
  }
}
