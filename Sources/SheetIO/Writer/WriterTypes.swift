import Foundation

/// What a range of cells accepts, with the messages Excel shows.
public struct ValidationRule: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case wholeNumber(min: Int, max: Int)
    case decimal(min: Double, max: Double)
    /// A drop-down list; Excel limits the joined list to 255 characters.
    case list([String])
  }

  public var kind: Kind
  public var inputTitle: String?
  public var inputMessage: String?
  public var errorTitle: String?
  public var errorMessage: String?

  public init(
    _ kind: Kind, inputTitle: String? = nil, inputMessage: String? = nil, errorTitle: String? = nil,
    errorMessage: String? = nil
  ) {
    self.kind = kind
    self.inputTitle = inputTitle
    self.inputMessage = inputMessage
    self.errorTitle = errorTitle
    self.errorMessage = errorMessage
  }
}

/// Print set-up: A4 always, as Vietnamese administrative documents are printed.
public struct PrintSetup: Hashable, Sendable {
  public var landscape = false
  /// Margins in centimetres: left, right, top, bottom.
  public var margins = (left: 2.0, right: 1.5, top: 2.0, bottom: 2.0)
  /// Rows (1-based) printed at the top of every page.
  public var repeatRows: ClosedRange<Int>?
  /// Columns (1-based) printed at the left of every page, for a sheet across pages.
  public var repeatColumns: ClosedRange<Int>?
  public var fitToWidth = true
  /// The pages across that `fitToWidth` fits the sheet to.
  public var pagesWide = 1
  /// Excel header and footer codes: `&P` page, `&N` pages, `&C` centre.
  public var header: String?
  public var footer: String? = "&CTrang &P/&N"

  public init() {}

  var marginsInInches: (left: Double, right: Double, top: Double, bottom: Double) {
    (margins.left / 2.54, margins.right / 2.54, margins.top / 2.54, margins.bottom / 2.54)
  }

  public static func == (a: PrintSetup, b: PrintSetup) -> Bool {
    a.landscape == b.landscape && a.margins == b.margins && a.repeatRows == b.repeatRows
      && a.repeatColumns == b.repeatColumns && a.fitToWidth == b.fitToWidth && a.pagesWide == b.pagesWide
      && a.header == b.header && a.footer == b.footer
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(landscape)
    hasher.combine(repeatRows)
    hasher.combine(header)
    hasher.combine(footer)
  }
}

/// Document properties (docProps/core.xml and app.xml).
public struct DocumentProperties: Hashable, Sendable {
  public var title: String?
  public var subject: String?
  public var author: String?
  public var company: String?
  public var keywords: String?
  public var comments: String?
  public init() {}
}

/// A conditional format: a style applied where the rule holds.
public struct ConditionalFormat: Hashable, Sendable {
  public enum Rule: Hashable, Sendable {
    case equal(Double)
    case lessThan(Double)
    case greaterOrEqual(Double)
    case between(Double, Double)
    /// The cell's text is exactly this (e.g. `Không đạt`).
    case equalText(String)
    case textContains(String)
  }

  public var rule: Rule
  public var style: CellStyle

  public init(_ rule: Rule, style: CellStyle) {
    self.rule = rule
    self.style = style
  }
}

/// An Excel table over a range whose first row holds `headers`.
public struct TableSpec: Hashable, Sendable {
  /// Letters, digits and underscores, starting with a letter; made so by the writer.
  public var name: String
  public var headers: [String]
  /// Excel's "Table Style Medium N", 1–28.
  public var mediumStyle = 2

  public init(name: String, headers: [String]) {
    self.name = name
    self.headers = headers
  }
}

/// A column or line chart of ranges in the workbook.
public struct ChartSpec: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case column, line }
  public struct Series: Hashable, Sendable {
    public var name: String
    /// A reference such as `='Mục tiêu'!$C$2:$C$19`, made by `ChartSpec.reference`.
    public var values: String
    public init(name: String, values: String) {
      self.name = name
      self.values = values
    }
  }

  public var kind: Kind
  public var title: String?
  public var categories: String
  public var series: [Series]
  public var xAxisName: String?
  public var yAxisName: String?
  /// Size relative to Excel's default chart (480 × 288 pixels).
  public var xScale = 1.0
  public var yScale = 1.0
  public var fontName = "Times New Roman"

  public init(kind: Kind, title: String? = nil, categories: String, series: [Series]) {
    self.kind = kind
    self.title = title
    self.categories = categories
    self.series = series
  }

  /// A copy drawn `x` times as wide and `y` times as tall as the default.
  public func scaled(_ x: Double, _ y: Double) -> ChartSpec {
    var copy = self
    copy.xScale = x
    copy.yScale = y
    return copy
  }

  /// `='Sheet name'!$A$2:$A$9`
  public static func reference(sheet: String, _ range: CellRange) -> String {
    func absolute(_ a: CellAddress) -> String { "$\(CellAddress.columnName(a.column))$\(a.row)" }
    return "='\(sheet.replacingOccurrences(of: "'", with: "''"))'!\(absolute(range.first)):\(absolute(range.last))"
  }
}
