import SheetIO
import Testing

@testable import ThiDuaCore

/// Numbers and dates cannot wrap: a column is never narrower than its widest figure.
@Suite struct ReportTableWidthTests {
  @Test func aDateWithItsTimeWidensItsColumn() {
    let sent = CellValue.date(ExcelDate(serial: 43_082.68, uses1904: false))
    let columns = [
      ReportTable.Column(title: "Ngày", width: 8, style: OutputStyles.date),
      ReportTable.Column(title: "Lúc", width: 8, style: OutputStyles.dateTime),
      ReportTable.Column(title: "Ghi chú", width: 8, style: OutputStyles.wrapped),
    ]
    let fitted = ReportTable.fit(columns, rows: [[sent, sent, .text("một ghi chú dài hơn tám ký tự")]])
    let size = OutputStyles.cell.fontSize
    #expect(fitted[0].width == TextWidth.columnWidth(points: TextWidth.points("00/00/0000", size: size)))
    #expect(fitted[1].width == TextWidth.columnWidth(points: TextWidth.points("00/00/0000 00:00", size: size)))
    #expect(fitted[1].width > fitted[0].width)
    // Text keeps the limit and wraps.
    #expect(fitted[2].width == 8)
  }
}
