import Foundation
import Testing

@testable import SheetIO

/// A document written to a file of its own for one test, read by its content.
func readDocument(_ bytes: [UInt8], named name: String) throws -> any SheetSource {
  try withTemporaryFolder { folder in
    let path = folder.appendingPathComponent(name).path
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return try Workbooks.open(path: path)
  }
}

func readDocument(_ text: String, named name: String) throws -> any SheetSource {
  try readDocument(Array(text.utf8), named: name)
}

/// The reader's refusal of a document, or nil when it reads.
func refusal(_ text: String, named name: String) throws -> SheetReadError? {
  do {
    _ = try readDocument(text, named: name)
    return nil
  } catch let error as SheetReadError {
    return error
  }
}

/// Excel 2003 XML: placement by `ss:Index`, merges, types and formats, hidden sheets.
@Suite struct SpreadsheetMLReaderTests {
  static let workbook = """
    <?xml version="1.0"?>
    <?mso-application progid="Excel.Sheet"?>
    <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
     xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
     xmlns:html="http://www.w3.org/TR/REC-html40">
     <Styles>
      <Style ss:ID="Default" ss:Name="Normal"><Font ss:FontName="Times New Roman"/></Style>
      <Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style>
      <Style ss:ID="d2" ss:Parent="d"/>
      <Style ss:ID="p"><NumberFormat ss:Format="0.00%"/></Style>
      <Style ss:ID="f"><NumberFormat ss:Format="Fixed"/></Style>
     </Styles>
     <Worksheet ss:Name="Biểu 01">
      <Table>
       <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">UBND HUYỆN NÚI THÀNH</Data></Cell></Row>
       <Row ss:Index="3">
        <Cell ss:MergeDown="1"><Data ss:Type="String">STT</Data></Cell>
        <Cell ss:Index="3"><Data ss:Type="Number">4210</Data></Cell>
        <Cell ss:StyleID="p"><Data ss:Type="Number">0.0228</Data></Cell>
        <Cell ss:StyleID="f"><Data ss:Type="Number">1.5</Data></Cell>
       </Row>
       <Row>
        <Cell ss:Index="2" ss:StyleID="d2"><Data ss:Type="DateTime">2017-12-15T00:00:00.000</Data></Cell>
        <Cell ss:StyleID="d"><Data ss:Type="Number">43084</Data></Cell>
        <Cell><Data ss:Type="Boolean">1</Data></Cell>
        <Cell ss:Formula="=1/0"><Data ss:Type="Error">#DIV/0!</Data></Cell>
       </Row>
       <Row>
        <Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>Đậm</B> thường &amp; <Font>xong</Font></ss:Data></Cell>
        <Cell><Data ss:Type="String">dòng 1&#10;dòng 2</Data></Cell>
        <Cell><Data ss:Type="String"></Data></Cell>
       </Row>
      </Table>
     </Worksheet>
     <Worksheet ss:Name="Ẩn">
      <Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table>
      <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>
     </Worksheet>
    </Workbook>
    """

  @Test func readsCellsWhereTheIndexesPutThem() throws {
    let book = try readDocument(Self.workbook, named: "bao-cao.xls")
    #expect(book.format == .spreadsheetML)
    expectSameLines(
      try dump(book),
      """
      ## Biểu 01 [visible] merged: A1:C1 A3:A4
      A1\ttext\tUBND HUYỆN NÚI THÀNH
      A3\ttext\tSTT
      C3\tnumber\t4210
      D3\tnumber\t0.0228
      E3\tnumber\t1.5
      B4\tdate\t2017-12-15
      C4\tdate\t2017-12-15
      D4\tboolean\tTRUE
      E4\terror\t#DIV/0!
      A5\ttext\tĐậm thường & xong
      B5\ttext\tdòng 1\\ndòng 2
      ## Ẩn [hidden] merged: -
      A1\ttext\tx

      """)
    let reader = try book.rows(of: book.sheets[0])
    var styles: [String: Int] = [:]
    while let row = try reader.next() { for cell in row.cells { styles[cell.address.description] = cell.styleIndex } }
    #expect(book.isPercentStyle(styles["D3"]!) && !book.isPercentStyle(styles["E3"]!))
  }

  @Test func legacyFontsOfStylesReachTheIntake() throws {
    // Excel 2003 on Vietnamese Windows with .VnTime as the Normal style's font: the cells
    // hold the Windows-1252 reading of TCVN3 bytes, turned into Unicode by the intake.
    let xml = """
      <?xml version="1.0"?><Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Styles>
      <Style ss:ID="Default" ss:Name="Normal"><Font ss:FontName=".VnTime"/></Style>
      <Style ss:ID="u"><Font ss:FontName="Times New Roman"/></Style></Styles>
      <Worksheet ss:Name="A"><Table><Row><Cell><Data ss:Type="String">Qu¶ng Nam</Data></Cell>
      <Cell ss:StyleID="u"><Data ss:Type="String">Quảng Nam</Data></Cell></Row></Table></Worksheet></Workbook>
      """
    let book = try readDocument(xml, named: "a.xls")
    let cells = try book.rows(of: book.sheets[0]).next()!.cells
    #expect(cells.map { book.fontName(styleIndex: $0.styleIndex) } == [".VnTime", "Times New Roman"])
    #expect(LegacyText.convert("Qu¶ng Nam", from: .tcvn3) == "Quảng Nam")
  }

  @Test func anIndexThatGoesBackIsRefusedAtItsSheet() throws {
    let xml = """
      <?xml version="1.0"?><Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="A">
      <Table><Row ss:Index="5"/><Row ss:Index="2"/></Table></Worksheet></Workbook>
      """
    let error = try refusal(xml, named: "a.xml")
    #expect(error?.code == "malformed-xml")
    #expect(error?.location.sheet == "A")
  }

  @Test func aCellPastTheGridIsRefused() throws {
    let xml = """
      <?xml version="1.0"?><Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="A">
      <Table><Row ss:Index="1048577"><Cell><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet></Workbook>
      """
    #expect(try refusal(xml, named: "a.xml")?.code == "beyond-grid")
  }

  @Test func aDoctypeIsRefusedAsInAnXLSXPart() throws {
    let xml = """
      <?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa">]>
      <Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="A"><Table><Row>
      <Cell><Data ss:Type="String">&a;</Data></Cell></Row></Table></Worksheet></Workbook>
      """
    #expect(try refusal(xml, named: "a.xls")?.code == "doctype-forbidden")
  }

  @Test func anEncodingExpatDoesNotKnowIsDecodedFirst() throws {
    let xml = """
      <?xml version="1.0" encoding="windows-1258"?><Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
      <Worksheet ss:Name="A"><Table><Row><Cell><Data ss:Type="String">Qu\u{1EA3}ng Nam</Data></Cell></Row></Table>
      </Worksheet></Workbook>
      """
    // Windows-1258 writes ả as a then the combining hook above (0xD2).
    var bytes = Array(xml.utf8)
    let hook: [UInt8] = Array("\u{1EA3}".utf8)
    if let at = (0..<(bytes.count - hook.count)).first(where: { Array(bytes[$0..<($0 + hook.count)]) == hook }) {
      bytes.replaceSubrange(at..<(at + hook.count), with: [UInt8(ascii: "a"), 0xD2])
    }
    let book = try readDocument(bytes, named: "a.xls")
    let row = try book.rows(of: book.sheets[0]).next()
    #expect(row?.cells.first?.value == .text("Quảng Nam"))
  }
}
