import Foundation
import Testing

@testable import SheetIO

/// HTML tables as browsers lay them out, with the text around them kept as a title
/// block, and numbers typed as the CSV reader types them.
@Suite struct HTMLReaderTests {
  @Test func spansPlaceCellsAsABrowserDoes() throws {
    let page = """
      <html><body><p>UBND HUYỆN NÚI THÀNH</p><h3>BIỂU TỔNG HỢP NĂM 2017</h3>
      <table border=1>
      <tr><td rowspan=2>STT<td rowspan="2">Tên xã<td colspan=2>Đầu năm<td rowspan=2>Tổng số<br>hộ dân cư
      <tr><td>Số hộ<td>Tỷ lệ (%)
      <tr><td>1<td>Xã&nbsp;Tam   Quang<td>212<td>6,83<td>3.105
      <tr><td>2<td>Xã Tam Nghĩa<td>187<td>6,50<td>2.876
      </table>
      <p>Núi Thành, ngày 15 tháng 12 năm 2017</p></body></html>
      """
    let book = try readDocument(page, named: "bieu.xls")
    #expect(book.format == .html)
    expectSameLines(
      try dump(book),
      """
      ## Bảng 1 [visible] merged: A3:A4 B3:B4 C3:D3 E3:E4
      A1\ttext\tUBND HUYỆN NÚI THÀNH
      A2\ttext\tBIỂU TỔNG HỢP NĂM 2017
      A3\ttext\tSTT
      B3\ttext\tTên xã
      C3\ttext\tĐầu năm
      E3\ttext\tTổng số\\nhộ dân cư
      C4\ttext\tSố hộ
      D4\ttext\tTỷ lệ (%)
      A5\tnumber\t1
      B5\ttext\tXã Tam Quang
      C5\tnumber\t212
      D5\tnumber\t6.83
      E5\tnumber\t3105
      A6\tnumber\t2
      B6\ttext\tXã Tam Nghĩa
      C6\tnumber\t187
      D6\tnumber\t6.5
      E6\tnumber\t2876
      A7\ttext\tNúi Thành, ngày 15 tháng 12 năm 2017

      """)
  }

  @Test func statedValuesAndFormatsWin() throws {
    let page = """
      <html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><style>
      .xl65 {mso-number-format:"\\#\\,\\#\\#0";} td.xl66 {mso-number-format:"0\\.00%";}
      .xl67 {mso-number-format:"\\@";} .xl68 {mso-number-format:"Short Date";}</style>
      <script>document.write("<table><tr><td>no</td></tr></table>")</script></head><body>
      <table><caption>Biểu 01</caption>
      <tr><td class=xl65 x:num="4210">4.210</td><td class="xl66" x:num="0.0228">2,28%</td>
      <td class=xl67>0502</td><td x:str>1.348</td><td class=xl68 x:num="43084">15/12/2017</td>
      <td x:bool="TRUE">TRUE</td><td x:err="#N/A">#N/A</td><td sdval="7" sdnum="1033;0;0">7,0</td></tr>
      </table></body></html>
      """
    let book = try readDocument(page, named: "x.htm")
    expectSameLines(
      try dump(book),
      """
      ## Biểu 01 [visible] merged: -
      A1\tnumber\t4210
      B1\tnumber\t0.0228
      C1\ttext\t0502
      D1\ttext\t1.348
      E1\tdate\t2017-12-15
      F1\tboolean\tTRUE
      G1\terror\t#N/A
      H1\tnumber\t7

      """)
    let row = try book.rows(of: book.sheets[0]).next()!
    #expect(
      row.cells.map { book.isPercentStyle($0.styleIndex) } == [false, true, false, false, false, false, false, false])
  }

  @Test func aNestedTableIsASheetOfItsOwn() throws {
    let page = """
      <table><tr><td>ngoài</td><td>trước<table><tr><td>trong</td></tr></table>sau</td></tr>
      <tr><td>dòng 2</td></tr></table><p>cuối</p>
      """
    let book = try readDocument(page, named: "a.html")
    expectSameLines(
      try dump(book),
      """
      ## Bảng 1 [visible] merged: -
      A1\ttext\tngoài
      B1\ttext\ttrước\\nsau
      A2\ttext\tdòng 2
      ## Bảng 2 [visible] merged: -
      A1\ttext\ttrong
      A2\ttext\tcuối

      """)
    let notes = try book.rows(of: book.sheets[0]).notes
    #expect(notes == [ReadNote(code: "nested-table", cell: CellAddress("B1"), detail: "Bảng 2")])
  }

  @Test func theDeclaredCharsetDecodesTheBytes() throws {
    // "Tam Kỳ" in Windows-1258: ỳ is y followed by the combining grave (0xCC).
    var bytes = Array(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"><table><tr><td>Tam K".utf8)
    bytes += [UInt8(ascii: "y"), 0xCC] + Array("</td></tr></table>".utf8)
    let book = try readDocument(bytes, named: "a.xls")
    #expect(try book.rows(of: book.sheets[0]).next()?.cells.first?.value == .text("Tam Kỳ"))
  }

  @Test func hugeSpansCostNothing() throws {
    let page = "<table><tr><td colspan=1000000000 rowspan=1000000000>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
    let book = try readDocument(page, named: "a.html")
    // colspan is at most 1000 and a rowspan ends with its table, as in a browser.
    expectSameLines(
      try dump(book),
      """
      ## Bảng 1 [visible] merged: A1:ALL2
      A1\ttext\ta
      ALM1\ttext\tb
      ALM2\ttext\tc

      """)
  }

  @Test func deepNestingReadsWithoutRecursion() throws {
    let depth = 100_000
    let page =
      String(repeating: "<div>", count: depth) + "<table><tr><td>x</td></tr></table>"
      + String(repeating: "</div>", count: depth)
    let book = try readDocument(page, named: "a.html")
    // Parsed past libxml2's default depth of 256 (XML_PARSE_HUGE): nothing is lost.
    #expect(try dump(book) == "## Bảng 1 [visible] merged: -\nA1\ttext\tx\n")
  }

  @Test func aPageWithoutATableIsRefused() throws {
    let error = try refusal("<html><body><p>Kính gửi: UBND huyện</p></body></html>", named: "a.xls")
    #expect(error?.code == "no-table" && error?.exitStatus == 34)
  }
}
