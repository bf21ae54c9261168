/// The typed value of one cell, as the file states it.
public enum CellValue: Hashable, Sendable {
  case empty
  case number(Double)
  case text(String)
  case boolean(Bool)
  /// A number whose cell format is a date or time format.
  case date(ExcelDate)
  /// An error value as written, such as `#N/A` or `#DIV/0!`.
  case error(String)

  /// The number, when the value is one (not a date: a date has its own case).
  public var number: Double? {
    if case .number(let n) = self { return n }
    return nil
  }

  /// The text, when the value is text.
  public var text: String? {
    if case .text(let t) = self { return t }
    return nil
  }

  /// True for a cell with nothing in it, including text of length zero.
  public var isEmpty: Bool {
    switch self {
    case .empty: return true
    case .text(let s): return s.isEmpty
    default: return false
    }
  }
}

/// One cell: where it is, its value, and its style index (`s`) for font or format look-ups.
public struct Cell: Hashable, Sendable {
  public var address: CellAddress
  public var value: CellValue
  /// Index into the workbook's cell formats (`cellXfs` of .xlsx; the cell styles of .ods,
  /// numbered by `ODSWorkbook`); 0 when the file gives none.
  public var styleIndex: Int

  public init(address: CellAddress, value: CellValue, styleIndex: Int = 0) {
    self.address = address
    self.value = value
    self.styleIndex = styleIndex
  }
}

/// One row of a sheet: its 1-based number and its cells in column order.
/// Cells that the file does not contain are absent, not filled in.
public struct Row: Hashable, Sendable {
  public var number: Int
  public var cells: [Cell]

  public init(number: Int, cells: [Cell]) {
    self.number = number
    self.cells = cells
  }
}
