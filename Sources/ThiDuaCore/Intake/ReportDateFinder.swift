public import SheetIO

/// Finds the date a report was signed: a cell labelled "Ngày báo cáo" (any case, with or
/// without diacritics) and the date beside it or after its colon.
public enum ReportDateFinder {
  public static func find(in grid: SheetGrid) -> (date: ExcelDate, cell: CellAddress)? {
    let labels = grid.cells.compactMap { (address, cell) -> (CellAddress, String)? in
      guard case .text(let text) = cell.value, text.count < 80, TextFolding.fold(text).hasPrefix("ngay bao cao") else {
        return nil
      }
      return (address, text)
    }
    for (address, label) in labels.sorted(by: { $0.0 < $1.0 }) {
      if let colon = label.firstIndex(of: ":"), let serial = VietnameseDate.serial(String(label[colon...].dropFirst()))
      {
        return (ExcelDate(serial: serial, uses1904: false), address)
      }
      for column in (address.column + 1)...(address.column + 3) {
        let here = CellAddress(row: address.row, column: column)
        switch grid.value(address.row, column) {
        case .date(let date): return (date, here)
        case .text(let text):
          if let serial = VietnameseDate.serial(text) { return (ExcelDate(serial: serial, uses1904: false), here) }
        default: continue
        }
      }
    }
    return nil
  }
}
