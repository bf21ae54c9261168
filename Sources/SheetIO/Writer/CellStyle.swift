/// How a cell looks. Styles are values; the writer turns each distinct one into one
/// libxlsxwriter format, so the same style used a million times costs one entry.
public struct CellStyle: Hashable, Sendable {
  public enum Alignment: Hashable, Sendable { case general, left, center, right }
  public enum VerticalAlignment: Hashable, Sendable { case top, center, bottom }

  /// Times New Roman by default: the font of Vietnamese administrative documents.
  public var fontName = "Times New Roman"
  public var fontSize = 12.0
  public var bold = false
  public var italic = false
  /// Font colour as 0xRRGGBB; nil for automatic.
  public var fontColor: UInt32?
  /// Solid fill colour as 0xRRGGBB; nil for none.
  public var fill: UInt32?
  /// A thin border on all four sides.
  public var border = false
  /// Number format such as `#,##0`, `0.00%`, `dd/mm/yyyy`; nil for General.
  public var numberFormat: String?
  public var wrap = false
  public var alignment = Alignment.general
  public var verticalAlignment = VerticalAlignment.bottom
  /// False for input cells that stay editable when the sheet is protected.
  public var locked = true

  public init() {}

  /// A copy with some fields changed: `.plain.with { $0.bold = true }`.
  public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
    var copy = self
    change(&copy)
    return copy
  }

  public static let plain = CellStyle()
}
