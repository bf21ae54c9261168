/// One cell of a document that holds text where a workbook holds values (an HTML or a
/// Word table): its text, and the value the file states for it where it states one.
struct TextCell {
  var column: Int
  /// What the cell shows, after the document's whitespace rules.
  var text: String
  /// The value the file states (`x:num`, LibreOffice's `sdval`), typed as is.
  var stated: CellValue?
  /// The file says the cell is text whatever it looks like (`x:str`, the `@` format).
  var isLiteral = false
  /// The file shows the stated number as a percentage.
  var isPercent = false
}

/// Types the text cells of a table as the CSV reader types fields: numbers in the
/// Vietnamese or English convention their column shows (a column without evidence of
/// its own takes the table's), dates, else text; a number that reads both ways where
/// nothing tells stays text with an `ambiguous-number` note.
struct TextCellTyping {
  private var conventions: [Int: NumberConvention?] = [:]
  private var numericColumns: Set<Int> = []
  private var tableConvention: NumberConvention?

  /// Learns each column's convention from every cell's shown text, stated values included.
  init(_ rows: [(number: Int, cells: [TextCell])]) {
    var vietnamese: [Int: Int] = [:]
    var english: [Int: Int] = [:]
    var numbers: [Int: Int] = [:]
    var texts: [Int: Int] = [:]
    for row in rows {
      for cell in row.cells where !cell.text.isEmpty {
        switch VietnameseNumber.read(LegacyDecoder.nfc(cell.text)) {
        case .number(_, let convention):
          numbers[cell.column, default: 0] += 1
          if convention == .vietnamese { vietnamese[cell.column, default: 0] += 1 }
          if convention == .english { english[cell.column, default: 0] += 1 }
        case .ambiguous: numbers[cell.column, default: 0] += 1
        case .dash: break
        case .notANumber:
          if cell.stated?.number != nil {
            numbers[cell.column, default: 0] += 1
          } else if VietnameseDate.serial(cell.text) == nil {
            texts[cell.column, default: 0] += 1
          }
        }
      }
    }
    tableConvention = NumberConvention.resolve(
      vietnamese: vietnamese.values.reduce(0, +), english: english.values.reduce(0, +))
    for column in Set(numbers.keys).union(texts.keys) {
      let vi = vietnamese[column] ?? 0
      let en = english[column] ?? 0
      conventions[column] = vi == 0 && en == 0 ? tableConvention : NumberConvention.resolve(vietnamese: vi, english: en)
      if (numbers[column] ?? 0) > 0 && (numbers[column] ?? 0) >= (texts[column] ?? 0) { numericColumns.insert(column) }
    }
  }

  /// The typed cells of one row; notes for ambiguous numbers go to `notes`.
  func cells(_ row: (number: Int, cells: [TextCell]), notes: inout [ReadNote]) -> [Cell] {
    row.cells.compactMap { cell -> Cell? in
      let address = CellAddress(row: row.number, column: cell.column)
      if let stated = cell.stated {
        return Cell(address: address, value: stated, styleIndex: cell.isPercent ? GridWorkbook.percentStyle : 0)
      }
      guard !cell.text.isEmpty else { return nil }
      if cell.isLiteral { return Cell(address: address, value: .text(LegacyDecoder.nfc(cell.text))) }
      let convention = conventions[cell.column] ?? tableConvention
      var typed = TypedText(
        cell.text, convention: convention ?? nil, numeric: numericColumns.contains(cell.column))
      // A date is a cell that is a date; a sentence with a date in it (the place and date
      // line `Tam Quang, ngày 10 tháng 12 năm 2017`) stays text.
      if case .date = typed.value, !Self.isWholeDate(cell.text) { typed.value = .text(LegacyDecoder.nfc(cell.text)) }
      if typed.isAmbiguous { notes.append(ReadNote(code: "ambiguous-number", cell: address, detail: cell.text)) }
      let percent = typed.value.number != nil && cell.text.trimmingSpaces.hasSuffix("%")
      return Cell(address: address, value: typed.value, styleIndex: percent ? GridWorkbook.percentStyle : 0)
    }
  }

  /// `15/12/2017`, `2017-12-15` or `ngày 15 tháng 12 năm 2017`, nothing before it.
  static func isWholeDate(_ text: String) -> Bool {
    let folded = TextFolding.fold(text)
    return folded.first?.isNumber == true || folded.hasPrefix("ngay ")
  }
}
