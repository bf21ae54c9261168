import SheetIO

/// Finds the date a report was signed: a cell labelled `Ngày báo cáo` with the date
/// beside it or after its colon, else the date line (`Núi Thành, ngày 09 tháng 01 năm
/// 2018`) above the table, else one below it, by the signatures.
struct ReportDateFinder {
  let vocabulary: FoldedVocabulary

  /// `dataRows`: the rows the sheet's tables hold as data, passed over. A row whose label
  /// is a date line or a report-date label ends its table, so a data row holds a date only
  /// among its figures or notes, which date something else than the report.
  func find(
    in grid: SheetGrid, titleRows: Int, dataRows: Set<Int> = []
  ) -> (date: ExcelDate, cell: CellAddress, rule: String)? {
    var lines: [(CellAddress, String, String)] = []
    for (address, cell) in grid.cells where !dataRows.contains(address.row) {
      guard case .text(let text) = cell.value, text.count < 120 else { continue }
      lines.append((address, text, TextFolding.fold(text)))
    }
    lines.sort { $0.0 < $1.0 }
    for (address, text, folded) in lines where FoldedVocabulary.starts(folded, with: vocabulary.reportDateLabels) {
      if let colon = text.firstIndex(of: ":"), let serial = VietnameseDate.serial(String(text[colon...].dropFirst())) {
        return (ExcelDate(serial: serial, uses1904: false), address, "report-date-label")
      }
      for column in (address.column + 1)...(address.column + 3) {
        let here = CellAddress(row: address.row, column: column)
        switch grid.value(address.row, column) {
        case .date(let date): return (date, here, "report-date-label")
        case .text(let t):
          if let serial = VietnameseDate.serial(t) {
            return (ExcelDate(serial: serial, uses1904: false), here, "report-date-label")
          }
        default: continue
        }
      }
    }
    // The date line above the table first: the one below may date an annex.
    let dated = lines.compactMap { line in DateLine.serial(line.1).map { (line.0, $0) } }
    let chosen = dated.first { $0.0.row < titleRows } ?? dated.first
    return chosen.map { (ExcelDate(serial: $0.1, uses1904: false), $0.0, "date-line") }
  }
}
