/// Whether a sheet shows in the spreadsheet program's tab bar (ECMA-376 §18.18.68).
public enum SheetState: String, Hashable, Sendable, Codable {
  case visible
  case hidden
  /// Hidden so that only a macro can unhide it.
  case veryHidden
}

/// A sheet as the workbook lists it, in workbook order.
public struct SheetInfo: Hashable, Sendable {
  public var name: String
  public var state: SheetState
  /// 0-based position in the workbook's tab order.
  public var index: Int
  /// Zip path of the worksheet part, such as `xl/worksheets/sheet1.xml`; `content.xml`
  /// for every sheet of an .ods, whose tables share that part; for an .xls, the stream
  /// that holds the sheet (`Workbook` or `Book`); empty for CSV.
  public var partPath: String
}
