/// Where something was found: a file, and as far as known the part, sheet, cell and XML line.
public struct Location: Hashable, Sendable, Codable, CustomStringConvertible {
  public var file: String
  /// Zip part, such as `xl/worksheets/sheet1.xml`.
  public var part: String?
  public var sheet: String?
  public var cell: CellAddress?
  /// Line and column in the part's XML, 1-based.
  public var line: Int?
  public var column: Int?

  public init(
    file: String, part: String? = nil, sheet: String? = nil, cell: CellAddress? = nil,
    line: Int? = nil, column: Int? = nil
  ) {
    self.file = file
    self.part = part
    self.sheet = sheet
    self.cell = cell
    self.line = line
    self.column = column
  }

  public var description: String {
    var text = file
    if let part { text += " [\(part)" + (line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? "") + "]" }
    if let sheet { text += " '\(sheet)'" }
    if let cell { text += "!\(cell)" }
    return text
  }
}
