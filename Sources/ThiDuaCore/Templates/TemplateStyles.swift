import SheetIO

/// The looks of the templates: Times New Roman, bordered input cells that stay
/// editable when the sheet is protected.
enum TemplateStyles {
  static let title = CellStyle.plain.with {
    $0.bold = true
    $0.fontSize = 14
    $0.alignment = .center
  }
  static let label = CellStyle.plain.with { $0.bold = true }
  static let note = CellStyle.plain.with {
    $0.italic = true
    $0.fontSize = 11
  }
  static let header = CellStyle.plain.with {
    $0.bold = true
    $0.border = true
    $0.wrap = true
    $0.alignment = .center
    $0.verticalAlignment = .center
    $0.fill = 0xDDEBF7
  }
  static let lockedCell = CellStyle.plain.with { $0.border = true }
  static let wrapped = CellStyle.plain.with {
    $0.wrap = true
    $0.verticalAlignment = .top
  }

  /// A year is a number without group marks: 2017, not 2,017 or 2.017.
  static let yearInput = input(.integer).with { $0.numberFormat = "0" }

  /// The editable style of an input cell of `type`.
  static func input(_ type: FieldSchema.FieldType) -> CellStyle {
    CellStyle.plain.with {
      $0.border = true
      $0.locked = false
      switch type {
      case .integer: $0.numberFormat = "#,##0"
      case .number: $0.numberFormat = "#,##0.##"
      case .percent: $0.numberFormat = "0.00"
      case .date: $0.numberFormat = "dd/mm/yyyy"
      case .string, .enum: $0.numberFormat = "@"
      }
    }
  }
}
