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
  /// What each `Cell.styleIndex` stands for.
  private let styles: [Style]

  /// What a cell's style tells the intake: its font (a legacy Vietnamese font means
  /// legacy text) and whether it shows a number as a percentage.
  struct Style: Hashable {
    var fontName: String?
    var isPercent = false
  }

  /// The styles of documents that have no fonts: none, and a percentage.
  static let plainStyles = [Style(), Style(isPercent: true)]
  /// The style index of a cell whose number the document shows as a percentage.
  static let percentStyle = 1

  init(
    path: String, format: FileFormat, contents: [Content], styles: [Style] = plainStyles, uses1904: Bool = false
  ) {
    self.path = path
    self.format = format
    self.contents = contents
    self.styles = styles
    self.uses1904 = uses1904
    sheets = contents.map(\.info)
  }

  public func isPercentStyle(_ styleIndex: Int) -> Bool {
    styles.indices.contains(styleIndex) && styles[styleIndex].isPercent
  }

  public func fontName(styleIndex: Int) -> String? {
    styles.indices.contains(styleIndex) ? styles[styleIndex].fontName : nil
  }

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
