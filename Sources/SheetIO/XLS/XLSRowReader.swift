/// Reads the cells of one sheet of an .xls in file order, one row at a time.
///
/// BIFF writes a sheet's cells row by row, in blocks of rows ([MS-XLS] §2.1.7.20.5), so
/// the reader decodes cell records as they come and hands out a row when the next
/// record belongs to another one: only the current row is held. Cells without a value
/// (BLANK, MULBLANK) are not returned, as in the .xlsx reader.
///
/// ```swift
/// let reader = try workbook.rowReader(of: workbook.sheets[0])
/// while let row = try reader.next() { … }
/// let merged = reader.mergedRanges   // complete once next() has returned nil
/// ```
public final class XLSRowReader {
  /// Merged ranges (MERGEDCELLS), which follow the cell records in the stream.
  public internal(set) var mergedRanges: [CellRange] = []

  // Internal rather than private: the record decoders in XLSRowReader+Records.swift
  // use them.
  let records: BIFFRecordReader
  let styles: XLSStyles
  private let sharedStrings: [String]
  let version: BIFFVersion
  let encoding: TextEncoding
  let uses1904: Bool
  private let sheetName: String

  private var cells: [Cell] = []
  private var rowNumber = 0
  /// A complete row, waiting to be returned once the current record is done.
  private var ready: Row?
  private var finished = false
  /// Depth of substreams nested in this one (an embedded chart's BOF … EOF).
  private var nested = 0
  /// A FORMULA whose text result follows in a STRING record.
  var pendingFormula: (address: CellAddress, style: Int)?
  /// The address of the record being decoded, for errors.
  private var at: CellAddress?

  init(
    records: BIFFRecordReader, styles: XLSStyles, sharedStrings: [String], version: BIFFVersion,
    encoding: TextEncoding, uses1904: Bool, sheetName: String
  ) {
    self.records = records
    self.styles = styles
    self.sharedStrings = sharedStrings
    self.version = version
    self.encoding = encoding
    self.uses1904 = uses1904
    self.sheetName = sheetName
    cells.reserveCapacity(16)
  }

  /// The next row that has at least one cell with a value; nil after the last.
  /// - Throws: `damagedXLS` for a record that breaks the format, `badCellReference`
  ///   for a cell or dimension outside the grid.
  public func next() throws(SheetReadError) -> Row? {
    do {
      return try nextRow()
    } catch {
      throw error.relocated {
        $0.sheet = sheetName
        if $0.cell == nil { $0.cell = at }
      }
    }
  }

  private func nextRow() throws(SheetReadError) -> Row? {
    while !finished {
      guard try records.next() else {
        // A sheet that ends without its EOF record ends at the end of the stream.
        finished = true
        break
      }
      if nested > 0 {
        if records.id == BIFFRecord.bof { nested += 1 }
        if records.id == BIFFRecord.eof { nested -= 1 }
        continue
      }
      try decode(records.id, records.body)
      if let row = ready {
        ready = nil
        return row
      }
    }
    guard !cells.isEmpty else { return nil }
    let row = Row(number: rowNumber, cells: XLSRowReader.inColumnOrder(cells))
    cells.removeAll()
    return row
  }

  @inline(__always)
  private func decode(_ id: UInt16, _ body: UnsafeRawBufferPointer) throws(SheetReadError) {
    switch id {
    case BIFFRecord.rk:
      try need(body, 10, "RK")
      try add(body, number: RKNumber.decode(body.u32(6)))
    case BIFFRecord.number:
      try need(body, 14, "NUMBER")
      try add(body, number: body.f64(6))
    case BIFFRecord.labelSST:
      try need(body, 10, "LABELSST")
      let index = Int(body.u32(6))
      guard index < sharedStrings.count else {
        at = address(body)
        throw damaged("LABELSST refers to string \(index); the table has \(sharedStrings.count)")
      }
      try add(body, .text(sharedStrings[index]))
    case BIFFRecord.mulRK:
      try mulRK(body)
    case BIFFRecord.label, BIFFRecord.rString:
      try need(body, 8, "LABEL")
      guard let text = BIFFText.string(body, at: 6, countBytes: 2, biff8: version == .biff8, encoding: encoding) else {
        at = address(body)
        throw damaged("the text of a LABEL record runs past its end")
      }
      try add(body, .text(text.text))
    case BIFFRecord.boolErr:
      try need(body, 8, "BOOLERR")
      try add(body, body.u8(7) == 0 ? .boolean(body.u8(6) != 0) : .error(BIFFText.errorName(body.u8(6))))
    case BIFFRecord.formula:
      try formula(body)
    case BIFFRecord.string:
      try formulaText(body)
    case BIFFRecord.mergedCells:
      try mergedCells(body)
    case BIFFRecord.dimensions:
      try dimensions(body)
    case BIFFRecord.bof:
      nested += 1
    case BIFFRecord.eof:
      finished = true
    default:
      return
    }
  }

  /// Row and column of a cell record (its first four bytes), 1-based.
  @inline(__always)
  private func address(_ body: UnsafeRawBufferPointer) -> CellAddress {
    CellAddress(row: body.u16(0) + 1, column: body.u16(2) + 1)
  }

  @inline(__always)
  func add(_ body: UnsafeRawBufferPointer, number: Double) throws(SheetReadError) {
    let style = body.u16(4)
    try add(body, styles.isDateStyle(style) ? ExcelDate.value(serial: number, uses1904: uses1904) : .number(number))
  }

  @inline(__always)
  func add(_ body: UnsafeRawBufferPointer, _ value: CellValue) throws(SheetReadError) {
    try add(Cell(address: address(body), value: value, styleIndex: body.u16(4)))
  }

  /// Adds a cell to the current row, or closes that row when the cell starts another.
  /// - Throws: `badCellReference` for a column beyond Excel's grid (BIFF columns are
  ///   16-bit; Excel 97–2003 itself stops at 256).
  @inline(__always)
  func add(_ cell: Cell) throws(SheetReadError) {
    guard cell.address.column <= CellAddress.maxColumn else {
      throw .badCellReference(records.location, text: "column \(cell.address.column) of row \(cell.address.row)")
    }
    pendingFormula = nil
    if cell.address.row != rowNumber {
      if !cells.isEmpty {
        ready = Row(number: rowNumber, cells: XLSRowReader.inColumnOrder(cells))
        cells.removeAll(keepingCapacity: true)
      }
      rowNumber = cell.address.row
    }
    cells.append(cell)
  }

  /// Writers put a row's cells in column order; a file that does not is put in order.
  private static func inColumnOrder(_ cells: [Cell]) -> [Cell] {
    for i in cells.indices.dropFirst() where cells[i].address.column < cells[i - 1].address.column {
      return cells.sorted { $0.address.column < $1.address.column }
    }
    return cells
  }

  @inline(__always)
  func need(_ body: UnsafeRawBufferPointer, _ count: Int, _ what: String) throws(SheetReadError) {
    guard body.count >= count else {
      throw damaged("\(what) record at byte \(records.recordOffset) is \(body.count) bytes, shorter than \(count)")
    }
  }

  func damaged(_ reason: String) -> SheetReadError {
    .damagedXLS(records.location, reason: reason)
  }
}
