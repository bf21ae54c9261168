import Foundation
import TestSupport
import Testing

@testable import SheetIO

/// One workbook with every layout feature of the writer, checked in the XML parts that
/// carry each feature and opened by openpyxl, an independent reader.
@Suite struct WriterFeatureTests {
  static func writeFeatures(to path: String) throws {
    let doc = try XLSXDocument(path: path, created: 1_506_470_400)
    doc.properties.title = "Mẫu báo cáo"
    doc.properties.author = "thidua"
    let sheet = try doc.addSheet("Biểu 01")
    let header = CellStyle.plain.with {
      $0.bold = true
      $0.border = true
      $0.wrap = true
      $0.alignment = .center
      $0.verticalAlignment = .center
      $0.fill = 0xDDEBF7
    }
    let input = CellStyle.plain.with {
      $0.locked = false
      $0.border = true
      $0.numberFormat = "#,##0"
    }
    try sheet.merge(CellRange("A1:D1")!, text: "BIỂU TỔNG HỢP KẾT QUẢ GIẢM NGHÈO", style: header)
    for (i, title) in ["Tên xã", "Số hộ", "Tỷ lệ (%)", "Kết quả"].enumerated() {
      try sheet.writeText(title, at: CellAddress(row: 3, column: i + 1), style: header)
    }
    try sheet.setRow(2, hidden: true)
    try sheet.writeText("ten_dia_ban", at: CellAddress("A2")!)
    try sheet.setColumns(1...1, width: 28)
    try sheet.setColumns(2...4, width: 12)
    try sheet.writeBlank(at: CellAddress("B4")!, style: input)
    try sheet.validate(
      CellRange("B4:B20")!,
      ValidationRule(.wholeNumber(min: 0, max: 1_000_000), errorTitle: "Số hộ", errorMessage: "Nhập số nguyên ≥ 0."))
    try sheet.validate(CellRange("C4:C20")!, ValidationRule(.decimal(min: 0, max: 100)))
    try sheet.validate(CellRange("D4:D20")!, ValidationRule(.list(["Đạt", "Không đạt", "Vượt"])))
    try sheet.freezePanes(at: CellAddress("A4")!)
    try sheet.autofilter(CellRange("A3:D20")!)
    try sheet.writeFormula("=SUM(B4:B20)", result: 0, at: CellAddress("B21")!)
    try sheet.comment(at: CellAddress("B3")!, text: "Số hộ dân cư cuối năm")
    var setup = PrintSetup()
    setup.landscape = true
    setup.repeatRows = 3...3
    try sheet.printSetup(setup)
    sheet.protect()
    let red = CellStyle.plain.with {
      $0.fontColor = 0x9C0006; $0.fill = 0xFFC7CE
    }
    try sheet.conditionalFormat(CellRange("D4:D20")!, ConditionalFormat(.equalText("Không đạt"), style: red))
    try sheet.conditionalFormat(CellRange("C4:C20")!, ConditionalFormat(.greaterOrEqual(7), style: red))
    let guide = try doc.addSheet("Hướng dẫn")
    try guide.link(at: CellAddress("A1")!, toSheet: "Biểu 01", cell: CellAddress("A4")!, text: "Đến biểu 01")
    for (i, (name, value)) in [("Tam Kỳ", 1.2), ("Hội An", 0.8), ("Nam Trà My", 9.5)].enumerated() {
      try guide.writeText(name, at: CellAddress(row: i + 4, column: 1))
      try guide.writeNumber(value, at: CellAddress(row: i + 4, column: 2))
    }
    try guide.table(CellRange("A3:B6")!, TableSpec(name: "Tỷ lệ hộ nghèo 2017", headers: ["Địa bàn", "Tỷ lệ (%)"]))
    let categories = ChartSpec.reference(sheet: "Hướng dẫn", CellRange("A4:A6")!)
    let values = ChartSpec.reference(sheet: "Hướng dẫn", CellRange("B4:B6")!)
    var column = ChartSpec(
      kind: .column, title: "Tỷ lệ hộ nghèo", categories: categories, series: [.init(name: "2017", values: values)])
    column.yAxisName = "%"
    try guide.chart(at: CellAddress("D3")!, column)
    try guide.chart(
      at: CellAddress("D20")!,
      ChartSpec(kind: .line, categories: categories, series: [.init(name: "2017", values: values)]))
    try doc.defineName("_thidua_fields", refersTo: "='Biểu 01'!$A$2:$D$2")
    try doc.save()
  }

  static func part(_ path: String, _ name: String) throws -> String {
    let archive = try ZipArchive(path: path)
    return String(decoding: try archive.readAll(name, limit: 1 << 24, limits: .standard), as: UTF8.self)
  }

  @Test func eachFeatureIsInItsPart() throws {
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent("features.xlsx").path
      try Self.writeFeatures(to: path)
      keepForCrosscheck(path)
      let sheet = try Self.part(path, "xl/worksheets/sheet1.xml")
      for expected in [
        #"<mergeCell ref="A1:D1"/>"#,
        #"<dataValidation type="whole" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Số hộ" error="Nhập số nguyên ≥ 0." sqref="B4:B20"><formula1>0</formula1><formula2>1000000</formula2></dataValidation>"#,
        #"<dataValidation type="decimal""#,
        #"<formula1>"Đạt,Không đạt,Vượt"</formula1>"#,
        #"<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>"#,
        #"<autoFilter ref="A3:D20"/>"#,
        #"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>"#,
        #"<sheetProtection"#,
        #"<row r="2" spans="1:4" hidden="1">"#,
        #"<f>SUM(B4:B20)</f><v>0</v>"#,
        #"<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>"#,
      ] {
        #expect(sheet.contains(expected), "\(expected)")
      }
      #expect(
        sheet.contains(
          #"<cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>"Không đạt"</formula></cfRule>"#))
      #expect(sheet.contains(#"operator="greaterThanOrEqual"><formula>7</formula>"#))
      let table = try Self.part(path, "xl/tables/table1.xml")
      #expect(table.contains(#"name="ty_le_ho_ngheo_2017""#))
      #expect(table.contains(#"<tableColumn id="1" name="Địa bàn"/><tableColumn id="2" name="Tỷ lệ (%)"/>"#))
      #expect(try Self.part(path, "xl/charts/chart1.xml").contains("<c:barChart>"))
      #expect(try Self.part(path, "xl/charts/chart2.xml").contains("<c:lineChart>"))
      #expect(try Self.part(path, "xl/charts/chart1.xml").contains("<c:f>'Hướng dẫn'!$B$4:$B$6</c:f>"))
      let styles = try Self.part(path, "xl/styles.xml")
      #expect(styles.contains(#"<name val="Times New Roman"/>"#))
      #expect(styles.contains(#"<protection locked="0"/>"#))
      #expect(styles.contains(##"formatCode="#,##0""##))
      let workbook = try Self.part(path, "xl/workbook.xml")
      #expect(workbook.contains(#"<definedName name="_thidua_fields">'Biểu 01'!$A$2:$D$2</definedName>"#))
      #expect(
        workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'Biểu 01'!$3:$3</definedName>"#))
      let core = try Self.part(path, "docProps/core.xml")
      #expect(core.contains("<dc:title>Mẫu báo cáo</dc:title>"))
      #expect(core.contains("2017-09-27T00:00:00Z"))
    }
  }

  @Test func openpyxlOpensItWithTheValues() throws {
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent("features.xlsx").path
      try Self.writeFeatures(to: path)
      let script = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["Biểu 01"]
        print(wb.sheetnames, ws["A1"].value, ws["D3"].value, ws.freeze_panes, ws.auto_filter.ref,
              ws.page_setup.paperSize, ws.protection.sheet, ws["B4"].protection.locked,
              sorted(str(dv.sqref) for dv in ws.data_validations.dataValidation))
        """
      let (status, text) = try runPython(script, path)
      #expect(status == 0)
      #expect(
        text
          == "['Biểu 01', 'Hướng dẫn'] BIỂU TỔNG HỢP KẾT QUẢ GIẢM NGHÈO Kết quả A4 A3:D20 9 True False ['B4:B20', 'C4:C20', 'D4:D20']"
      )
    }
  }
}
