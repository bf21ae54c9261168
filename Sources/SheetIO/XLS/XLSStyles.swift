/// What the reader needs from the FONT, FORMAT and XF records of a workbook: for each
/// cell format (XF), whether it shows dates or percentages and the name of its font.
struct XLSStyles: Sendable {
  private(set) var isDate: [Bool] = []
  private(set) var isPercent: [Bool] = []
  private(set) var fontNames: [String?] = []

  /// One cell format: its font index and its number format id.
  struct Format: Sendable {
    var font: Int
    var numberFormat: Int
  }

  init() {}

  /// - Parameters:
  ///   - fonts: FONT records in file order.
  ///   - formats: the format codes of FORMAT records by id.
  ///   - xfs: XF records in file order; a cell's XF index counts them.
  init(fonts: [String], formats: [Int: String], xfs: [Format]) {
    var dateByFormat: [Int: Bool] = [:]
    var percentByFormat: [Int: Bool] = [:]
    for (id, code) in formats {
      dateByFormat[id] = DateFormat.isDateCode(code)
      percentByFormat[id] = DateFormat.isPercentCode(code)
    }
    for xf in xfs {
      isDate.append(dateByFormat[xf.numberFormat] ?? DateFormat.isBuiltInDate(xf.numberFormat))
      isPercent.append(percentByFormat[xf.numberFormat] ?? DateFormat.isBuiltInPercent(xf.numberFormat))
      // Font index 4 does not exist: BIFF numbers fonts 0, 1, 2, 3, 5, 6 … so that the
      // fifth FONT record is font 5 ([MS-XLS] §2.5.129 FontIndex).
      let index = xf.font < 4 ? xf.font : xf.font - 1
      fontNames.append(xf.font != 4 && fonts.indices.contains(index) ? fonts[index] : nil)
    }
  }

  @inline(__always)
  func isDateStyle(_ index: Int) -> Bool { index < isDate.count && isDate[index] }

  func isPercentStyle(_ index: Int) -> Bool { index >= 0 && index < isPercent.count && isPercent[index] }
}
