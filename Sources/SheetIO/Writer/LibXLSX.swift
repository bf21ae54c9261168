import CXLSXWriter
import Foundation

/// Owns one `lxw_workbook`; the only type that calls libxlsxwriter. Every value has been
/// checked by `XLSXDocument`/`SheetWriter` before it arrives here.
final class LibXLSXWorkbook {
  private var handle: UnsafeMutablePointer<lxw_workbook>?
  private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
  private var worksheets: [UnsafeMutablePointer<lxw_worksheet>] = []
  /// C strings that libxlsxwriter keeps pointers to until it closes the workbook.
  private var retained: [UnsafeMutablePointer<CChar>] = []
  /// The header of every printed page whose print set-up names none.
  var pageHeader: String?

  /// Calls `workbook_new_opt`.
  init(path: String, constantMemory: Bool, temporaryFolder: String) throws(WriteError) {
    var options = lxw_workbook_options()
    options.constant_memory = constantMemory ? 1 : 0
    let tmp = strdup(temporaryFolder)!
    retained.append(tmp)
    options.tmpdir = tmp
    // Left off: with zip64 on, 1.1.4's minizip writes local headers that libzip's
    // consistency check rejects ("Zip archive inconsistent"), and our outputs stay far
    // below the 4 GiB that would need it.
    options.use_zip64 = 0
    guard let wb = workbook_new_opt(path, &options) else {
      throw .io(path: path, reason: "libxlsxwriter could not create the workbook")
    }
    handle = wb
  }

  deinit {
    if let handle { lxw_workbook_free(handle) }
    for pointer in retained { free(pointer) }
  }

  private func check(_ error: lxw_error) throws(WriteError) {
    guard error != LXW_NO_ERROR else { return }
    throw .library(code: Int32(error.rawValue), message: String(cString: lxw_strerror(error)))
  }

  private func keep(_ text: String) -> UnsafeMutablePointer<CChar> {
    let pointer = strdup(text)!
    retained.append(pointer)
    return pointer
  }

  /// Calls `workbook_add_worksheet`; returns the sheet's index.
  func addWorksheet(_ name: String) throws(WriteError) -> Int {
    guard let sheet = workbook_add_worksheet(handle, name) else { throw .invalidSheetName(name) }
    worksheets.append(sheet)
    return worksheets.count - 1
  }

  /// One `lxw_format` per distinct style. Calls `workbook_add_format` and `format_set_*`.
  func format(_ style: CellStyle?) throws(WriteError) -> UnsafeMutablePointer<lxw_format>? {
    guard let style else { return nil }
    if let existing = formats[style] { return existing }
    guard formats.count < 64_000 else { throw .tooManyStyles }
    let f = workbook_add_format(handle)!
    format_set_font_name(f, style.fontName)
    format_set_font_size(f, style.fontSize)
    if style.bold { format_set_bold(f) }
    if style.italic { format_set_italic(f) }
    if let color = style.fontColor { format_set_font_color(f, lxw_color_t(color)) }
    if let fill = style.fill {
      format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(f, lxw_color_t(fill))
    }
    if style.border { format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue)) }
    if let code = style.numberFormat { format_set_num_format(f, code) }
    if style.wrap { format_set_text_wrap(f) }
    switch style.alignment {
    case .general: break
    case .left: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
    case .center: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
    case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
    }
    switch style.verticalAlignment {
    case .top: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    case .center: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
    case .bottom: break
    }
    if !style.locked { format_set_unlocked(f) }
    formats[style] = f
    return f
  }

  // MARK: Cells (0-based rows and columns)

  func writeString(_ s: Int, _ row: Int, _ col: Int, _ text: String, _ style: CellStyle?) throws(WriteError) {
    try check(worksheet_write_string(worksheets[s], lxw_row_t(row), lxw_col_t(col), text, try format(style)))
  }

  func writeNumber(_ s: Int, _ row: Int, _ col: Int, _ value: Double, _ style: CellStyle?) throws(WriteError) {
    try check(worksheet_write_number(worksheets[s], lxw_row_t(row), lxw_col_t(col), value, try format(style)))
  }

  func writeBoolean(_ s: Int, _ row: Int, _ col: Int, _ value: Bool, _ style: CellStyle?) throws(WriteError) {
    try check(worksheet_write_boolean(worksheets[s], lxw_row_t(row), lxw_col_t(col), value ? 1 : 0, try format(style)))
  }

  func writeBlank(_ s: Int, _ row: Int, _ col: Int, _ style: CellStyle?) throws(WriteError) {
    try check(worksheet_write_blank(worksheets[s], lxw_row_t(row), lxw_col_t(col), try format(style)))
  }

  /// Calls `worksheet_write_formula_num`: the formula and its computed result.
  func writeFormula(_ s: Int, _ row: Int, _ col: Int, _ formula: String, _ result: Double, _ style: CellStyle?)
    throws(WriteError)
  {
    try check(
      worksheet_write_formula_num(worksheets[s], lxw_row_t(row), lxw_col_t(col), formula, try format(style), result))
  }

  func merge(_ s: Int, _ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int, _ text: String, _ style: CellStyle?)
    throws(WriteError)
  {
    try check(
      worksheet_merge_range(
        worksheets[s], lxw_row_t(r1), lxw_col_t(c1), lxw_row_t(r2), lxw_col_t(c2), text, try format(style)))
  }

  func link(_ s: Int, _ row: Int, _ col: Int, _ url: String, _ text: String, _ style: CellStyle?) throws(WriteError) {
    let sheet = worksheets[s]
    try check(worksheet_write_url_opt(sheet, lxw_row_t(row), lxw_col_t(col), url, try format(style), text, nil))
  }

  func comment(_ s: Int, _ row: Int, _ col: Int, _ text: String) throws(WriteError) {
    try check(worksheet_write_comment(worksheets[s], lxw_row_t(row), lxw_col_t(col), text))
  }

  // MARK: Layout

  func column(_ s: Int, _ first: Int, _ last: Int, width: Double, style: CellStyle?, hidden: Bool) throws(WriteError) {
    var options = lxw_row_col_options()
    options.hidden = hidden ? 1 : 0
    try check(
      worksheet_set_column_opt(worksheets[s], lxw_col_t(first), lxw_col_t(last), width, try format(style), &options))
  }

  func row(_ s: Int, _ row: Int, height: Double?, hidden: Bool) throws(WriteError) {
    var options = lxw_row_col_options()
    options.hidden = hidden ? 1 : 0
    try check(worksheet_set_row_opt(worksheets[s], lxw_row_t(row), height ?? LXW_DEF_ROW_HEIGHT, nil, &options))
  }

  func freeze(_ s: Int, row: Int, column: Int) {
    worksheet_freeze_panes(worksheets[s], lxw_row_t(row), lxw_col_t(column))
  }

  func autofilter(_ s: Int, _ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int) throws(WriteError) {
    try check(worksheet_autofilter(worksheets[s], lxw_row_t(r1), lxw_col_t(c1), lxw_row_t(r2), lxw_col_t(c2)))
  }

  /// Calls `worksheet_data_validation_range`.
  func validate(_ s: Int, _ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int, _ rule: ValidationRule) throws(WriteError) {
    var v = lxw_data_validation()
    v.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
    v.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
    var list: [UnsafeMutablePointer<CChar>?] = []
    switch rule.kind {
    case .wholeNumber(let min, let max):
      v.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
      v.minimum_number = Double(min)
      v.maximum_number = Double(max)
    case .decimal(let min, let max):
      v.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
      v.minimum_number = min
      v.maximum_number = max
    case .list(let values):
      v.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
      list = values.map { keep($0) } + [nil]
    }
    if let title = rule.errorTitle { v.error_title = keep(title) }
    if let message = rule.errorMessage { v.error_message = keep(message) }
    if let title = rule.inputTitle { v.input_title = keep(title) }
    if let message = rule.inputMessage { v.input_message = keep(message) }
    let error = list.withUnsafeMutableBufferPointer { buffer -> lxw_error in
      if !buffer.isEmpty { v.value_list = buffer.baseAddress }
      return worksheet_data_validation_range(
        worksheets[s], lxw_row_t(r1), lxw_col_t(c1), lxw_row_t(r2), lxw_col_t(c2), &v)
    }
    try check(error)
  }

  /// Calls `worksheet_conditional_format_range`.
  func conditionalFormat(_ s: Int, _ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int, _ rule: ConditionalFormat)
    throws(WriteError)
  {
    var cf = lxw_conditional_format()
    cf.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
    switch rule.rule {
    case .equal(let v):
      cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
      cf.value = v
    case .lessThan(let v):
      cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN.rawValue)
      cf.value = v
    case .greaterOrEqual(let v):
      cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
      cf.value = v
    case .between(let low, let high):
      cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_BETWEEN.rawValue)
      cf.min_value = low
      cf.max_value = high
    case .equalText(let text):
      cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
      cf.value_string = keep("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    case .textContains(let text):
      cf.type = UInt8(LXW_CONDITIONAL_TYPE_TEXT.rawValue)
      cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING.rawValue)
      cf.value_string = keep(text)
    }
    cf.format = try format(rule.style)
    try check(
      worksheet_conditional_format_range(
        worksheets[s], lxw_row_t(r1), lxw_col_t(c1), lxw_row_t(r2), lxw_col_t(c2), &cf))
  }

  /// Calls `worksheet_add_table` with one header per column.
  func table(_ s: Int, _ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int, _ spec: TableSpec) throws(WriteError) {
    var columns: [UnsafeMutablePointer<lxw_table_column>?] = spec.headers.map { header in
      let column = UnsafeMutablePointer<lxw_table_column>.allocate(capacity: 1)
      column.initialize(to: lxw_table_column())
      column.pointee.header = keep(header)
      return column
    }
    columns.append(nil)
    defer { for column in columns { column?.deallocate() } }
    var options = lxw_table_options()
    options.name = keep(spec.name)
    options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue)
    options.style_type_number = UInt8(spec.mediumStyle)
    let error = columns.withUnsafeMutableBufferPointer { buffer -> lxw_error in
      options.columns = buffer.baseAddress
      return worksheet_add_table(worksheets[s], lxw_row_t(r1), lxw_col_t(c1), lxw_row_t(r2), lxw_col_t(c2), &options)
    }
    try check(error)
  }

  /// Calls `workbook_add_chart` and `chart_add_series`, and gives the chart the sheets'
  /// font.
  private func makeChart(_ spec: ChartSpec) throws(WriteError) -> UnsafeMutablePointer<lxw_chart> {
    let kind = spec.kind == .column ? LXW_CHART_COLUMN : LXW_CHART_LINE
    guard let chart = workbook_add_chart(handle, UInt8(kind.rawValue)) else {
      throw .library(code: -1, message: "workbook_add_chart failed")
    }
    for series in spec.series {
      guard let added = chart_add_series(chart, spec.categories, series.values) else {
        throw .library(code: -1, message: "chart_add_series failed")
      }
      chart_series_set_name(added, series.name)
    }
    if let title = spec.title { chart_title_set_name(chart, title) }
    if let name = spec.xAxisName { chart_axis_set_name(chart.pointee.x_axis, name) }
    if let name = spec.yAxisName { chart_axis_set_name(chart.pointee.y_axis, name) }
    chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
    // libxlsxwriter copies the font it is given.
    spec.fontName.withCString { name in
      var title = lxw_chart_font()
      title.name = UnsafeMutablePointer(mutating: name)
      title.size = 13
      title.bold = 1
      var text = lxw_chart_font()
      text.name = UnsafeMutablePointer(mutating: name)
      text.size = 10
      if spec.title != nil { chart_title_set_name_font(chart, &title) }
      chart_axis_set_num_font(chart.pointee.x_axis, &text)
      chart_axis_set_num_font(chart.pointee.y_axis, &text)
      chart_legend_set_font(chart, &text)
    }
    return chart
  }

  /// A chart placed on a worksheet (`worksheet_insert_chart_opt`).
  func chart(_ s: Int, _ row: Int, _ col: Int, _ spec: ChartSpec) throws(WriteError) {
    let chart = try makeChart(spec)
    var options = lxw_chart_options()
    options.x_scale = spec.xScale
    options.y_scale = spec.yScale
    try check(worksheet_insert_chart_opt(worksheets[s], lxw_row_t(row), lxw_col_t(col), chart, &options))
  }

  /// A chart on a sheet of its own (`workbook_add_chartsheet`), printed on one A4 page.
  func chartsheet(_ name: String, _ spec: ChartSpec, _ setup: PrintSetup) throws(WriteError) {
    guard let sheet = workbook_add_chartsheet(handle, name) else { throw .invalidSheetName(name) }
    try check(chartsheet_set_chart(sheet, try makeChart(spec)))
    chartsheet_set_paper(sheet, 9)
    if setup.landscape { chartsheet_set_landscape(sheet) } else { chartsheet_set_portrait(sheet) }
    let m = setup.marginsInInches
    chartsheet_set_margins(sheet, m.left, m.right, m.top, m.bottom)
    if let header = setup.header ?? pageHeader { try check(chartsheet_set_header(sheet, header)) }
    if let footer = setup.footer { try check(chartsheet_set_footer(sheet, footer)) }
  }

  func protect(_ s: Int, password: String?) {
    var options = lxw_protection()
    options.format_columns = 1
    options.format_rows = 1
    worksheet_protect(worksheets[s], password, &options)
  }

  func printSetup(_ s: Int, _ setup: PrintSetup) throws(WriteError) {
    let sheet = worksheets[s]
    worksheet_set_paper(sheet, 9)  // 9: A4 (libxlsxwriter's paper table)
    if setup.landscape { worksheet_set_landscape(sheet) } else { worksheet_set_portrait(sheet) }
    let m = setup.marginsInInches
    worksheet_set_margins(sheet, m.left, m.right, m.top, m.bottom)
    if let rows = setup.repeatRows {
      try check(worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound - 1), lxw_row_t(rows.upperBound - 1)))
    }
    if let columns = setup.repeatColumns {
      try check(
        worksheet_repeat_columns(sheet, lxw_col_t(columns.lowerBound - 1), lxw_col_t(columns.upperBound - 1)))
    }
    if setup.fitToWidth { worksheet_fit_to_pages(sheet, UInt16(clamping: max(setup.pagesWide, 1)), 0) }
    if let header = setup.header ?? pageHeader { try check(worksheet_set_header(sheet, header)) }
    if let footer = setup.footer { try check(worksheet_set_footer(sheet, footer)) }
  }

  func hide(_ s: Int) { worksheet_hide(worksheets[s]) }

  func defineName(_ name: String, _ formula: String) throws(WriteError) {
    try check(workbook_define_name(handle, name, formula))
  }

  /// A text custom document property (docProps/custom.xml).
  func setCustomProperty(_ name: String, _ value: String) throws(WriteError) {
    try check(workbook_set_custom_property_string(handle, keep(name), keep(value)))
  }

  /// Calls `workbook_set_properties`. `created` pins the one time stamp libxlsxwriter
  /// writes (docProps/core.xml); its zip entries are always dated 1980-01-01.
  func setProperties(_ p: DocumentProperties, created: Int) throws(WriteError) {
    var props = lxw_doc_properties()
    if let v = p.title { props.title = keep(v) }
    if let v = p.subject { props.subject = keep(v) }
    if let v = p.author { props.author = keep(v) }
    if let v = p.company { props.company = keep(v) }
    if let v = p.comments { props.comments = keep(v) }
    if let v = p.keywords { props.keywords = keep(v) }
    props.created = time_t(created)
    try check(workbook_set_properties(handle, &props))
  }

  /// Calls `workbook_close`, which writes the file and frees the workbook.
  func close() throws(WriteError) {
    guard let wb = handle else { return }
    handle = nil
    try check(workbook_close(wb))
  }
}
