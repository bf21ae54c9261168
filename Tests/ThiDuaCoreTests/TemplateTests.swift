import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore

@Suite struct MovementDefinitionTests {
  @Test func shippedDefinitionLoads() throws {
    let m = try MovementDefinition.shipped()
    #expect(m.forms.keys.sorted() == ["CHI_TIEU", "DANH_SACH_HO", "DE_NGHI", "THONG_TIN", "TIEU_CHI"])
    #expect(m.registry.units.filter { $0.category == "HUYEN" }.count == 18)
    #expect(m.registry.units.filter { $0.category == "HUYEN" && $0.areaType == "mien_nui" }.count == 9)
    #expect(m.registry.children(of: "517").map(\.name).first == "Thị trấn Núi Thành")
    // The 2017 communes of the GSO list (docs/registry.md): none is a sample.
    #expect(m.registry.units.filter { $0.category == "XA" }.count == 244)
    #expect(m.registry.children(of: "517").count == 17 && !m.registry.units.contains { $0.isSample })
    #expect(m.registry.unit(code: "516")?.poorArea == "huyen_ngheo")
    #expect(m.planDate == 1_506_470_400)
    #expect(m.forms["CHI_TIEU"]?.fields.count == 13)
  }
}

@Suite struct TemplateTests {
  static func temporary() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-tpl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A value for every input cell, different per form, row and field.
  static func sample(_ form: String, _ row: Int, _ field: String, schema: FieldSchema?) -> CellValue? {
    if field == "nam_bao_cao" { return .number(2017) }
    guard let schema else { return nil }
    switch schema.type {
    case .integer: return .number(Double(100 + row * 7 + field.count))
    case .number: return .number(Double(row) + 0.25)
    case .percent: return .number(Double(row) + 0.13)
    case .date: return .date(ExcelDate(serial: Double(43_005 + row), uses1904: false))
    case .enum: return .text(schema.constraints?.enum?.first ?? "")
    case .string: return .text("\(form) \(field) \(row) – đã điền")
    }
  }

  @Test func filledTemplateReadsBackExactly() throws {
    let m = try MovementDefinition.shipped()
    let folder = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: folder) }
    var writer = TemplateWriter(movement: m)
    writer.blankRows = 3
    writer.fill = { form, row, field in
      let schema = m.forms[form]?.fields.first { $0.name == field }
      // Pre-listed communes keep their names and codes.
      if form == "CHI_TIEU" && (field == "ten_dia_ban" || field == "ma_dia_ban") { return nil }
      return Self.sample(form, row, field, schema: schema)
    }
    let path = folder.appendingPathComponent("mau-517.xlsx").path
    let unit = m.registry.unit(code: "517")!
    _ = try writer.write(unit: unit, category: "HUYEN", to: path, created: m.planDate)
    keepForCrosscheck(path)

    let book = try XLSXWorkbook(path: path)
    #expect(
      book.sheets.map(\.name) == [
        "Hướng dẫn", "Chỉ tiêu giảm nghèo", "Thông tin đơn vị", "Tự đánh giá tiêu chí", "Đề nghị khen thưởng",
      ])
    func cells(_ sheet: String) throws -> [CellAddress: CellValue] {
      let reader = try book.rows(of: book.sheet(named: sheet))
      var result: [CellAddress: CellValue] = [:]
      while let row = try reader.next() { for c in row.cells { result[c.address] = c.value } }
      return result
    }
    let chiTieu = try cells("Chỉ tiêu giảm nghèo")
    let form = m.forms["CHI_TIEU"]!
    #expect(chiTieu[CellAddress("B2")!] == .text("Huyện Núi Thành"))
    #expect(chiTieu[CellAddress("B3")!] == .text("517"))
    #expect(chiTieu[CellAddress("B4")!] == .number(2017))
    let communes = m.registry.children(of: "517")
    for (i, field) in form.fields.enumerated() {
      let column = i + 1
      #expect(chiTieu[CellAddress(row: 7, column: column)] == .text(field.name))  // the field-code row
      for r in 0..<communes.count {
        let address = CellAddress(row: 8 + r, column: column)
        let expected: CellValue? =
          field.name == "ten_dia_ban"
          ? .text(communes[r].name)
          : field.name == "ma_dia_ban" ? .text(communes[r].code) : Self.sample("CHI_TIEU", r, field.name, schema: field)
        #expect(chiTieu[address] == expected, "\(address)")
      }
    }
    let info = try cells("Thông tin đơn vị")
    for (i, field) in m.forms["THONG_TIN"]!.fields.enumerated() {
      #expect(info[CellAddress(row: 8 + i, column: 4)] == .text(field.name))
      #expect(info[CellAddress(row: 8 + i, column: 2)] == Self.sample("THONG_TIN", 0, field.name, schema: field))
    }
    let proposals = try cells("Đề nghị khen thưởng")
    #expect(proposals[CellAddress("B10")!] == .text("Tập thể"))  // row 3 of 3, the enum's first value
  }

  @Test func twoRunsGiveIdenticalBytes() throws {
    let m = try MovementDefinition.shipped()
    let folder = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: folder) }
    let writer = TemplateWriter(movement: m)
    let a = folder.appendingPathComponent("a.xlsx").path
    let b = folder.appendingPathComponent("b.xlsx").path
    _ = try writer.write(unit: m.registry.unit(code: "SNV"), category: "SO_NGANH", to: a, created: m.planDate)
    _ = try writer.write(unit: m.registry.unit(code: "SNV"), category: "SO_NGANH", to: b, created: m.planDate)
    #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
  }

  @Test func inputCellsHaveValidationAndTheSheetIsProtected() throws {
    let m = try MovementDefinition.shipped()
    let folder = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("xa.xlsx").path
    _ = try TemplateWriter(movement: m).write(unit: nil, category: "XA", to: path, created: 0)
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb["Chỉ tiêu giảm nghèo"]
      kinds = sorted({dv.type for dv in ws.data_validations.dataValidation})
      print(ws.protection.sheet, ws["C8"].protection.locked, ws["C6"].protection.locked, ws.row_dimensions[7].hidden, kinds,
            sorted(n for n in wb.defined_names))
      """
    let (status, text) = try runPython(script, path)
    #expect(status == 0)
    #expect(text.contains("True False True True ['decimal', 'list', 'whole']"), "\(text)")
    #expect(text.contains("'_thidua_CHI_TIEU_fields'") && text.contains("'_thidua_THONG_TIN_year'"), "\(text)")
  }

  /// A commune's 18-column household list prints across two A4 pages with the household's
  /// code and head on each, not shrunk to one page; the 13-column summary fits one page.
  @Test func aWideFormPrintsAcrossPagesWithItsNamingColumns() throws {
    let m = try MovementDefinition.shipped()
    let folder = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("mau-20998.xlsx").path
    _ = try TemplateWriter(movement: m).write(
      unit: m.registry.unit(code: "20998"), category: "XA", to: path, created: 0)
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      for name in ["Chỉ tiêu giảm nghèo", "Danh sách hộ rà soát"]:
          ws = wb[name]
          print(name, ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToWidth,
                ws.page_setup.fitToHeight, ws.print_title_cols, ws.print_title_rows,
                [round(ws.column_dimensions[c].width, 1) for c in "ABCH"])
      """
    let (status, text) = try runPython(script, path)
    #expect(status == 0)
    let lines = text.split(separator: "\n").map(String.init)
    // fitToWidth left out is its default, one page.
    #expect(lines.first?.hasPrefix("Chỉ tiêu giảm nghèo landscape 9 None 0 None $6:$6") == true, "\(text)")
    #expect(lines.last?.hasPrefix("Danh sách hộ rà soát landscape 9 2 0 $A:$B $6:$6") == true, "\(text)")
    // Code and village as wide as their values, the head's name wider, a mark column narrow.
    #expect(lines.last?.hasSuffix("[14.7, 26.7, 14.7, 7.3]") == true, "\(text)")
  }

  /// A template names itself: the movement, the unit and the layout version in a custom
  /// property, and the cells of unit and year in defined names.
  @Test func aTemplateCarriesItsIdentity() throws {
    let m = try MovementDefinition.shipped()
    let folder = try Self.temporary()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("mau-504-2017.xlsx").path
    var writer = TemplateWriter(movement: m)
    writer.year = 2017
    _ = try writer.write(unit: m.registry.unit(code: "504"), category: "HUYEN", to: path, created: 0)
    let book = try XLSXWorkbook(path: path)
    #expect(book.customProperties["thidua-template"] == "KH-5201-2017/504/1")
    let markers = TemplateMarkers(definedNames: book.definedNames, properties: book.customProperties)
    #expect(markers.templateUnit == "504")
    #expect(markers.unitCells.contains(.init(sheet: "Chỉ tiêu giảm nghèo", cell: CellAddress("B3")!)))
    #expect(markers.yearCells.count == 4)
    let r = SubmissionValidator(movement: m).validate(path: path)
    #expect(r.unit?.code == "504" && r.year == 2017)
  }

  @Test(arguments: [
    ("='Chỉ tiêu giảm nghèo'!$B$3", "Chỉ tiêu giảm nghèo", "B3"), ("'It''s'!$D$8:$D$21", "It's", "D8"),
    ("Sheet1!A1", "Sheet1", "A1"),
  ])
  func definedNamesPointAtTheirFirstCell(_ reference: String, _ sheet: String, _ cell: String) {
    #expect(TemplateMarkers.place(reference) == .init(sheet: sheet, cell: CellAddress(cell)!))
  }
}
