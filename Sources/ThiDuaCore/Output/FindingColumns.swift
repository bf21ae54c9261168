import SheetIO

/// How a finding reads in a sheet — where it is and what it says — the same in the
/// reviewers' *Phát hiện* and in each unit's *Cần sửa*.
enum FindingColumns {
  /// File, sheet, cell, message.
  static func columns(_ words: Words, fileWidth: Double, sheetWidth: Double, messageWidth: Double)
    -> [ReportTable.Column]
  {
    [
      .init(title: words("Tệp", "File"), width: fileWidth, style: OutputStyles.wrapped),
      .init(title: words("Trang", "Sheet"), width: sheetWidth, style: OutputStyles.wrapped),
      .init(title: words("Ô", "Cell"), width: 7),
      .init(title: words("Nội dung", "Message"), width: messageWidth, style: OutputStyles.wrapped),
    ]
  }

  static func cells(_ f: Finding, _ words: Words) -> [CellValue] {
    [
      .text(f.location.file), .text(f.location.sheet ?? ""), .text(f.location.cell?.description ?? ""),
      .text(Messages.text(f, words.language)),
    ]
  }

  /// Errors red, warnings amber, in the severity column.
  static func colourSeverities(_ sheet: SheetWriter, column: Int, lastRow: Int, words: Words) throws(WriteError) {
    guard lastRow >= ReportTable.firstDataRow else { return }
    let range = CellRange(
      first: CellAddress(row: ReportTable.firstDataRow, column: column), last: CellAddress(row: lastRow, column: column)
    )
    try sheet.conditionalFormat(range, ConditionalFormat(.equalText(words.severity(.error)), style: OutputStyles.bad))
    try sheet.conditionalFormat(
      range, ConditionalFormat(.equalText(words.severity(.warning)), style: OutputStyles.unsure))
  }
}

extension ReportTable.Column {
  /// The running number every table starts with.
  static func index(_ words: Words) -> Self {
    .init(title: words("STT", "No."), width: 6, style: OutputStyles.centered)
  }
}
