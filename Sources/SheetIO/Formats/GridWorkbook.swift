/// A workbook read whole into memory: what the HTML, Excel 2003 XML and Word readers
/// make of documents that are read at once rather than streamed.
public final class GridWorkbook: SheetSource {
  /// One sheet's content: its rows in order, its merged ranges and the reader's notes.
  struct Content {
    var info: SheetInfo
    var rows: [Row]
    var merges: [CellRange]
    var notes: [ReadNote]
  }

  public let path: String
  public let format: FileFormat
  public let sheets: [SheetInfo]
  public let uses1904: Bool
  private let contents: [Content]

  /// The style index of a cell whose number the file shows as a percentage.
  static let percentStyle = 1

  init(path: String, format: FileFormat, contents: [Content], uses1904: Bool = false) {
    self.path = path
    self.format = format
    self.contents = contents
    self.uses1904 = uses1904
    sheets = contents.map(\.info)
  }

  public func isPercentStyle(_ styleIndex: Int) -> Bool { styleIndex == Self.percentStyle }

  public func rows(of sheet: SheetInfo) throws(SheetReadError) -> any RowReading {
    guard contents.indices.contains(sheet.index), contents[sheet.index].info == sheet else {
      throw .sheetNotFound(Location(file: path), name: sheet.name, available: sheets.map(\.name))
    }
    return GridRowReader(contents[sheet.index])
  }
}

/// Hands out the rows of a sheet held in memory.
final class GridRowReader: RowReading {
  private let content: GridWorkbook.Content
  private var position = 0

  init(_ content: GridWorkbook.Content) { self.content = content }

  func next() throws(SheetReadError) -> Row? {
    guard position < content.rows.count else { return nil }
    defer { position += 1 }
    return content.rows[position]
  }

  var mergedRanges: [CellRange] { content.merges }
  var notes: [ReadNote] { content.notes }
}
