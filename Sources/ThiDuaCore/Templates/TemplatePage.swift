import SheetIO

/// How wide a rows form's columns are and how it goes on paper. A column is as wide as
/// what a clerk types in it (a name wider, a mark such as `x` narrow) and no narrower
/// than its title on at most four lines. A form too wide to print on one A4 page at
/// `minimumScale` is printed across as few pages as keep that size, with the columns
/// that say whose row it is repeated on each page: an 18-column household list printed
/// on one page was unreadable (docs/templates.md).
struct TemplatePage {
  let form: FormSchema
  /// Each field's column width, in Excel's unit.
  let widths: [Double]

  /// The smallest print scale a page may have by this estimate: 12-point text at 9
  /// points. LibreOffice gives columns some 6 % more room than Excel, so a page
  /// estimated at 75 % prints at 70 % there.
  static let minimumScale = 0.75
  /// Pages a form is printed across at most.
  static let mostPagesWide = 4
  /// The printable width of an A4 page, landscape or portrait, with the templates'
  /// margins (2 cm left, 1.5 cm right), in points.
  static func printablePoints(landscape: Bool) -> Double {
    let margins = PrintSetup().margins
    return ((landscape ? 29.7 : 21.0) - margins.left - margins.right) / 2.54 * 72
  }

  init(form: FormSchema, title: (FieldSchema) -> String) {
    self.form = form
    widths = form.fields.map { Self.width($0, title: title($0), role: form.role) }
  }

  static func width(_ field: FieldSchema, title: String, role: FormRole?) -> Double {
    let size = TemplateStyles.header.fontSize
    let header = TextWidth.columnWidth(points: ReportTable.headerPoints(title, size: size, lines: 4)) + 1
    return max(header, contentWidth(field, role: role))
  }

  /// What a value of the field takes: a name or an area's name 26, other text 14, a mark
  /// of deprivation 6, the widest choice of a list, a count 9, an amount 14.
  static func contentWidth(_ field: FieldSchema, role: FormRole?) -> Double {
    if let choices = field.constraints?.enum, !choices.isEmpty {
      let widest = choices.map { TextWidth.points($0, size: TemplateStyles.header.fontSize) }.max() ?? 0
      return TextWidth.columnWidth(points: widest) + 3  // the drop-down's arrow
    }
    switch field.type {
    case .string:
      if [role?.head, role?.areaName, role?.name].contains(field.name) { return 26 }
      if let prefix = role?.indicatorPrefix, field.name.hasPrefix(prefix) { return 6 }
      return 14
    case .enum: return 14
    case .integer, .percent: return 9
    case .number: return 14
    case .date: return 12
    }
  }

  /// Whether the form prints landscape: more than six columns.
  var landscape: Bool { form.fields.count > 6 }

  /// The width of columns `range` (0-based) on paper at 100 %, in points.
  func points(_ range: Range<Int>) -> Double {
    widths[range].reduce(0) { $0 + ($1 * 7 + 5) * 0.75 }
  }

  /// The columns printed on every page when the form spans several: those up to the
  /// last of the fields that name the row (household and head, area, nominee).
  var repeatedColumns: Int {
    let naming = [form.role?.household, form.role?.head, form.role?.areaCode, form.role?.areaName, form.role?.name]
    let last = form.fields.indices.last { naming.contains(form.fields[$0].name) }
    return last.map { $0 + 1 } ?? 1
  }

  /// The scale at which the form fits `pages` pages across, the repeated columns on each.
  func scale(pages: Int) -> Double {
    let total = points(0..<widths.count) + Double(pages - 1) * points(0..<repeatedColumns)
    return min(1, Double(pages) * Self.printablePoints(landscape: landscape) / total)
  }

  /// The fewest pages across at which the form prints at `minimumScale` or more.
  var pagesWide: Int {
    (1..<Self.mostPagesWide).first { scale(pages: $0) >= Self.minimumScale } ?? Self.mostPagesWide
  }

  /// The columns the first page prints, at the scale of `pagesWide` (all of them on one page).
  var firstPageColumns: Int {
    let pages = pagesWide
    guard pages > 1 else { return widths.count }
    let room = Self.printablePoints(landscape: landscape) / scale(pages: pages)
    return max(1, (1...widths.count).last { points(0..<$0) <= room } ?? 1)
  }

  var printSetup: PrintSetup {
    var setup = PrintSetup()
    setup.landscape = landscape
    setup.repeatRows = TemplateWriter.Layout.headerRow...TemplateWriter.Layout.headerRow
    setup.pagesWide = pagesWide
    if setup.pagesWide > 1 { setup.repeatColumns = 1...repeatedColumns }
    return setup
  }
}
