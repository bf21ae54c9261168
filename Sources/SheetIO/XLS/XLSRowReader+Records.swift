extension XLSRowReader {
  /// MULRK: several RK numbers in one row, columns `first` … `last` ([MS-XLS] §2.4.175).
  func mulRK(_ body: UnsafeRawBufferPointer) throws(SheetReadError) {
    try need(body, 6, "MULRK")
    let first = body.u16(2)
    let last = body.u16(body.count - 2)
    let count = (body.count - 6) / 6
    guard last >= first, last - first + 1 == count, (body.count - 6) % 6 == 0 else {
      throw damaged(
        "MULRK record at byte \(records.recordOffset) names columns \(first + 1)–\(last + 1) but holds \(count) numbers"
      )
    }
    let row = body.u16(0) + 1
    for i in 0..<count {
      let style = body.u16(4 + 6 * i)
      let number = RKNumber.decode(body.u32(6 + 6 * i))
      let value: CellValue =
        styles.isDateStyle(style) ? ExcelDate.value(serial: number, uses1904: uses1904) : .number(number)
      try add(Cell(address: CellAddress(row: row, column: first + i + 1), value: value, styleIndex: style))
    }
  }

  /// FORMULA: the cached result ([MS-XLS] §2.4.127, FormulaValue). A text result is in
  /// the STRING record that follows.
  func formula(_ body: UnsafeRawBufferPointer) throws(SheetReadError) {
    try need(body, 14, "FORMULA")
    guard body.u16(12) == 0xFFFF else {
      try add(body, number: body.f64(6))
      return
    }
    switch body.u8(6) {
    case 0:
      pendingFormula = (CellAddress(row: body.u16(0) + 1, column: body.u16(2) + 1), body.u16(4))
      return
    case 1: try add(body, .boolean(body.u8(8) != 0))
    case 2: try add(body, .error(BIFFText.errorName(body.u8(8))))
    case 3: try add(body, .text(""))
    default: return
    }
  }

  /// STRING: the text result of the FORMULA before it.
  func formulaText(_ body: UnsafeRawBufferPointer) throws(SheetReadError) {
    guard let formula = pendingFormula else { return }
    guard let text = BIFFText.string(body, at: 0, countBytes: 2, biff8: version == .biff8, encoding: encoding) else {
      throw damaged("the text of a STRING record at byte \(records.recordOffset) runs past its end")
    }
    try add(Cell(address: formula.address, value: .text(text.text), styleIndex: formula.style))
  }

  /// MERGEDCELLS: a count, then that many ranges of 8 bytes ([MS-XLS] §2.4.168).
  func mergedCells(_ body: UnsafeRawBufferPointer) throws(SheetReadError) {
    try need(body, 2, "MERGEDCELLS")
    let count = body.u16(0)
    guard 2 + 8 * count <= body.count else {
      throw damaged(
        "MERGEDCELLS record at byte \(records.recordOffset) declares \(count) ranges; its \(body.count) bytes hold \((body.count - 2) / 8)"
      )
    }
    for i in 0..<count {
      let at = 2 + 8 * i
      let rows = (body.u16(at) + 1, body.u16(at + 2) + 1)
      let columns = (body.u16(at + 4) + 1, body.u16(at + 6) + 1)
      guard rows.0 <= rows.1, columns.0 <= columns.1, columns.1 <= CellAddress.maxColumn else { continue }
      mergedRanges.append(
        CellRange(
          first: CellAddress(row: rows.0, column: columns.0), last: CellAddress(row: rows.1, column: columns.1)))
    }
  }

  /// DIMENSIONS: the used range the writer declares. Not used (ranges come from the
  /// cells), but one beyond the grid is refused: it can only come from a broken or
  /// hostile file, and a reader that sized a grid from it would run out of memory.
  func dimensions(_ body: UnsafeRawBufferPointer) throws(SheetReadError) {
    let wide = version == .biff8
    try need(body, wide ? 12 : 8, "DIMENSIONS")
    let rows = wide ? Int(body.u32(4)) : body.u16(2)
    let columns = body.u16(wide ? 10 : 6)
    // The last row and column are exclusive: 65,536 rows and 256 columns in BIFF8.
    guard rows <= 65_536, columns <= CellAddress.maxColumn else {
      throw .badCellReference(records.location, text: "dimensions of \(rows) rows × \(columns) columns")
    }
  }
}
