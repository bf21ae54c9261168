import Foundation
public import SheetIO

/// Writes the blank workbook a unit fills in: a "Hướng dẫn" sheet explaining every
/// field, then one sheet per form its category submits (docs/templates.md).
///
/// Each form sheet records its field codes in a hidden row (a hidden column for
/// key-value forms) named `_thidua_<FORM>_fields`, so re-import is exact even when
/// people retitle columns; unit code and year cells are named `_thidua_<FORM>_unit` and
/// `_thidua_<FORM>_year`, and the custom property `thidua-template` names the movement,
/// the unit and the layout's version (`TemplateMarkers` reads them back).
public struct TemplateWriter {
  public let movement: MovementDefinition
  /// Empty input rows under a form without pre-listed areas.
  public var blankRows = 20
  /// The year the template is for: typed in every year cell, in the file name.
  public var year: Int?
  /// Values to put in input cells, for tests and examples: (form, data row 0…, field);
  /// row -1 and field `nam_bao_cao` ask for the title block's year.
  public var fill: ((String, Int, String) -> CellValue?)?

  public init(movement: MovementDefinition) { self.movement = movement }

  /// Rows of the layout, 1-based.
  public enum Layout {
    public static let headerRow = 6
    public static let fieldCodeRow = 7
    public static let firstDataRow = 8
  }

  /// Writes the template of `unit` (or of a whole `category` when `unit` is nil) to `path`.
  public func write(unit: RegistryUnit?, category: String, to path: String, created: Int?) throws -> [String] {
    let forms = try movement.forms(forCategory: category)
    let doc = try XLSXDocument(path: path, created: created)
    doc.properties.title = "Mẫu báo cáo – " + (unit?.name ?? category)
    doc.properties.subject = movement.title
    doc.properties.comments = movement.plan
    doc.customProperties[TemplateMarkers.property] = TemplateMarkers.identity(
      movement: movement.code, unit: unit?.code ?? category)
    let guide = try doc.addSheet("Hướng dẫn")
    var sheetNames: [String] = []
    for form in forms {
      let sheet = try doc.addSheet(form.sheetName ?? form.title)
      sheetNames.append(sheet.name)
      // An area-figures form lists the unit's areas from the registry, one row each.
      let areas =
        form.role?.kind == .areaFigures ? (unit.map { movement.registry.children(of: $0.code) } ?? []) : []
      switch form.layout {
      case .rows: try writeRows(form, unit: unit, areas: areas, on: sheet, in: doc)
      case .keyValue: try writeKeyValue(form, unit: unit, on: sheet, in: doc)
      }
    }
    try writeGuide(forms, sheetNames: sheetNames, unit: unit, category: category, on: guide)
    try doc.save()
    return [guide.name] + sheetNames
  }

  private func writeTitleBlock(
    _ form: FormSchema, unit: RegistryUnit?, lastColumn: Int, width: Double, on sheet: SheetWriter,
    in doc: XLSXDocument
  )
    throws
  {
    try sheet.merge(
      CellRange(first: CellAddress(row: 1, column: 1), last: CellAddress(row: 1, column: max(lastColumn, 2))),
      text: form.title.uppercased(), style: TemplateStyles.title)
    try sheet.writeText("Đơn vị:", at: CellAddress(row: 2, column: 1), style: TemplateStyles.label)
    try sheet.writeText("Mã đơn vị:", at: CellAddress(row: 3, column: 1), style: TemplateStyles.label)
    try sheet.writeText("Năm báo cáo:", at: CellAddress(row: 4, column: 1), style: TemplateStyles.label)
    let known = TemplateStyles.lockedCell
    let open = TemplateStyles.input(.string)
    try sheet.write(
      unit.map { .text($0.name) } ?? .empty, at: CellAddress(row: 2, column: 2), style: unit == nil ? open : known)
    try sheet.write(
      unit.map { .text($0.code) } ?? .empty, at: CellAddress(row: 3, column: 2), style: unit == nil ? open : known)
    let year = self.year.map { .number(Double($0)) } ?? fill?(form.name, -1, "nam_bao_cao") ?? .empty
    try sheet.write(year, at: CellAddress(row: 4, column: 2), style: TemplateStyles.yearInput)
    let years = movement.years.map(String.init)
    try sheet.validate(
      CellRange(first: CellAddress(row: 4, column: 2), last: CellAddress(row: 4, column: 2)),
      ValidationRule(
        .list(years), errorTitle: "Năm báo cáo",
        errorMessage: "Chọn một năm của phong trào: \(years.joined(separator: ", "))."))
    // Across the table and wrapped, as tall as its lines: no sentence runs off the page.
    let note = "Nhập số liệu vào các ô có viền; không sửa dòng tiêu đề. " + (form.description ?? "")
    let wrapped = TemplateStyles.note.with { $0.wrap = true }
    try sheet.merge(
      CellRange(first: CellAddress(row: 5, column: 1), last: CellAddress(row: 5, column: max(lastColumn, 2))),
      text: note, style: wrapped)
    try sheet.setRow(
      5, height: ReportTable.height(lines: TextWidth.lines(note, columnWidth: width, size: wrapped.fontSize)))
    let sheetRef = "'\(sheet.name.replacingOccurrences(of: "'", with: "''"))'"
    try doc.defineName("_thidua_\(form.name)_unit", refersTo: "=\(sheetRef)!$B$3")
    try doc.defineName("_thidua_\(form.name)_year", refersTo: "=\(sheetRef)!$B$4")
  }

  private func writeRows(
    _ form: FormSchema, unit: RegistryUnit?, areas: [RegistryUnit], on sheet: SheetWriter, in doc: XLSXDocument
  )
    throws
  {
    let columns = form.fields.count
    let page = TemplatePage(form: form) { headerTitle($0) }
    // Over the first printed page only: a title merged across a page break prints cut in two.
    let titleColumns = page.firstPageColumns
    try writeTitleBlock(
      form, unit: unit, lastColumn: titleColumns, width: page.widths.prefix(titleColumns).reduce(0, +), on: sheet,
      in: doc)
    let rowCount = areas.isEmpty ? blankRows : areas.count
    let firstData = Layout.firstDataRow
    let lastData = firstData + rowCount - 1
    for (i, field) in form.fields.enumerated() {
      let column = i + 1
      try sheet.writeText(
        headerTitle(field), at: CellAddress(row: Layout.headerRow, column: column), style: TemplateStyles.header)
      try sheet.writeText(field.name, at: CellAddress(row: Layout.fieldCodeRow, column: column))
      for r in 0..<rowCount {
        let address = CellAddress(row: firstData + r, column: column)
        // The registry's own areas are written and locked: the unit fills figures, not names.
        let known = r < areas.count ? knownArea(areas[r], field: field.name, role: form.role) : nil
        let value = known ?? fill?(form.name, r, field.name) ?? .empty
        try sheet.write(
          value, at: address, style: known == nil ? TemplateStyles.input(field.type) : TemplateStyles.lockedCell)
      }
      if let rule = validation(field) {
        try sheet.validate(
          CellRange(
            first: CellAddress(row: firstData, column: column), last: CellAddress(row: lastData, column: column)),
          rule)
      }
      try sheet.setColumns(column...column, width: page.widths[i])
    }
    // As tall as the longest header needs: libxlsxwriter cannot measure it.
    let headerLines = zip(form.fields, page.widths).map {
      TextWidth.lines(headerTitle($0), columnWidth: $1, size: TemplateStyles.header.fontSize, bold: true)
    }
    try sheet.setRow(Layout.headerRow, height: ReportTable.height(lines: headerLines.max() ?? 1) + 4)
    try sheet.setRow(Layout.fieldCodeRow, hidden: true)
    try sheet.freezePanes(at: CellAddress(row: firstData, column: 1))
    let sheetRef = "'\(sheet.name.replacingOccurrences(of: "'", with: "''"))'"
    try doc.defineName(
      "_thidua_\(form.name)_fields",
      refersTo: "=\(sheetRef)!$A$\(Layout.fieldCodeRow):$\(CellAddress.columnName(columns))$\(Layout.fieldCodeRow)")
    try finish(sheet, setup: page.printSetup)
  }

  private func knownArea(_ area: RegistryUnit, field: String, role: FormRole?) -> CellValue? {
    switch field {
    case role?.areaName: .text(area.name)
    case role?.areaCode: .text(area.code)
    default: nil
    }
  }

  private func writeKeyValue(_ form: FormSchema, unit: RegistryUnit?, on sheet: SheetWriter, in doc: XLSXDocument)
    throws
  {
    try writeTitleBlock(form, unit: unit, lastColumn: 3, width: 52 + 22 + 14, on: sheet, in: doc)
    for (i, title) in ["Chỉ tiêu", "Giá trị", "Đơn vị tính"].enumerated() {
      try sheet.writeText(title, at: CellAddress(row: Layout.headerRow, column: i + 1), style: TemplateStyles.header)
    }
    for (i, field) in form.fields.enumerated() {
      let row = Layout.firstDataRow + i
      try sheet.writeText(
        headerTitle(field, withUnit: false), at: CellAddress(row: row, column: 1), style: TemplateStyles.lockedCell)
      let isYear = field.name == form.role?.year
      let given = isYear ? year.map { CellValue.number(Double($0)) } : nil
      let value = given ?? fill?(form.name, 0, field.name) ?? .empty
      let style = isYear ? TemplateStyles.yearInput : TemplateStyles.input(field.type)
      try sheet.write(value, at: CellAddress(row: row, column: 2), style: style)
      try sheet.writeText(field.unit ?? "", at: CellAddress(row: row, column: 3), style: TemplateStyles.lockedCell)
      try sheet.writeText(field.name, at: CellAddress(row: row, column: 4))
      if let rule = validation(field) {
        try sheet.validate(
          CellRange(first: CellAddress(row: row, column: 2), last: CellAddress(row: row, column: 2)), rule)
      }
    }
    try sheet.setColumns(1...1, width: 52)
    try sheet.setColumns(2...2, width: 22)
    try sheet.setColumns(3...3, width: 14)
    try sheet.setColumns(4...4, width: 10, hidden: true)
    try sheet.freezePanes(at: CellAddress(row: Layout.firstDataRow, column: 1))
    let last = Layout.firstDataRow + form.fields.count - 1
    let sheetRef = "'\(sheet.name.replacingOccurrences(of: "'", with: "''"))'"
    try doc.defineName("_thidua_\(form.name)_fields", refersTo: "=\(sheetRef)!$D$\(Layout.firstDataRow):$D$\(last)")
    var setup = PrintSetup()
    setup.repeatRows = Layout.headerRow...Layout.headerRow
    try finish(sheet, setup: setup)
  }

  private func finish(_ sheet: SheetWriter, setup: PrintSetup) throws {
    try sheet.printSetup(setup)
    sheet.protect()
  }

  private func writeGuide(
    _ forms: [FormSchema], sheetNames: [String], unit: RegistryUnit?, category: String, on sheet: SheetWriter
  )
    throws
  {
    try sheet.merge(CellRange("A1:F1")!, text: "HƯỚNG DẪN LẬP BÁO CÁO", style: TemplateStyles.title)
    try sheet.writeText(movement.title, at: CellAddress("A2")!, style: TemplateStyles.label)
    try sheet.writeText(movement.plan, at: CellAddress("A3")!)
    try sheet.writeText(
      "Đơn vị: " + (unit.map { "\($0.name) (mã \($0.code))" } ?? "……… (loại đơn vị \(category))"),
      at: CellAddress("A4")!, style: TemplateStyles.label)
    // Words first; the field code, which only thidua reads, in the last column.
    let columns: [(title: String, width: Double)] = [
      ("Tên cột", 40), ("Kiểu", 16), ("Đơn vị tính", 12), ("Bắt buộc", 10), ("Cách ghi", 60), ("Mã trường", 26),
    ]
    let width = columns.reduce(0) { $0 + $1.width }
    var row = 6
    for (form, name) in zip(forms, sheetNames) {
      try sheet.link(
        at: CellAddress(row: row, column: 1), toSheet: name, cell: CellAddress("A1")!, text: "Biểu: " + form.title,
        style: TemplateStyles.label)
      row += 1
      if let description = form.description {
        // Across the table, as tall as its lines, so that it never runs into the headers.
        try sheet.merge(
          CellRange(first: CellAddress(row: row, column: 1), last: CellAddress(row: row, column: columns.count)),
          text: description, style: TemplateStyles.wrapped)
        let lines = TextWidth.lines(description, columnWidth: width, size: TemplateStyles.wrapped.fontSize)
        try sheet.setRow(row, height: ReportTable.height(lines: lines))
        row += 1
      }
      for (i, column) in columns.enumerated() {
        try sheet.writeText(column.title, at: CellAddress(row: row, column: i + 1), style: TemplateStyles.header)
      }
      row += 1
      for field in form.fields {
        let cells = [
          field.title, typeName(field), field.unit ?? "", field.isRequired ? "Có" : "", field.description ?? "",
          field.name,
        ]
        var lines = 1
        for (i, text) in cells.enumerated() {
          try sheet.writeText(text, at: CellAddress(row: row, column: i + 1), style: TemplateStyles.wrapped)
          lines = max(
            lines, TextWidth.lines(text, columnWidth: columns[i].width, size: TemplateStyles.wrapped.fontSize))
        }
        if lines > 1 { try sheet.setRow(row, height: ReportTable.height(lines: lines)) }
        row += 1
      }
      row += 1
    }
    for (i, column) in columns.enumerated() { try sheet.setColumns((i + 1)...(i + 1), width: column.width) }
    var setup = PrintSetup()
    setup.landscape = true
    try sheet.printSetup(setup)
  }

  private func headerTitle(_ field: FieldSchema, withUnit: Bool = true) -> String {
    guard withUnit, let unit = field.unit, !field.title.contains("(") else { return field.title }
    return "\(field.title) (\(unit))"
  }

  private func typeName(_ field: FieldSchema) -> String {
    switch field.type {
    case .string: return "Chữ"
    case .integer: return "Số nguyên"
    case .number: return "Số"
    case .percent: return "Tỷ lệ 0–100"
    case .date: return "Ngày/tháng/năm"
    case .enum: return (field.constraints?.enum ?? []).joined(separator: " / ")
    }
  }

  /// The data validation of a field's input cells.
  func validation(_ field: FieldSchema) -> ValidationRule? {
    let c = field.constraints
    switch field.type {
    case .integer:
      return ValidationRule(
        .wholeNumber(min: Int(c?.minimum ?? 0), max: Int(c?.maximum ?? 1_000_000_000)),
        errorTitle: "Số nguyên", errorMessage: "Nhập số nguyên không âm.")
    case .number:
      return ValidationRule(
        .decimal(min: c?.minimum ?? 0, max: c?.maximum ?? 1e15), errorTitle: "Số", errorMessage: "Nhập số không âm.")
    case .percent:
      return ValidationRule(
        .decimal(min: c?.minimum ?? 0, max: c?.maximum ?? 100), errorTitle: "Tỷ lệ",
        errorMessage: "Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 11,13.")
    case .enum:
      return c?.enum.map { ValidationRule(.list($0), errorTitle: "Giá trị", errorMessage: "Chọn trong danh sách.") }
    case .string, .date:
      return nil
    }
  }
}
