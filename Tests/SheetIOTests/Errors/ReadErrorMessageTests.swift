import Testing

@testable import SheetIO

/// Vietnamese messages carry the technical detail in Vietnamese, or leave it out; never
/// the English words inside a Vietnamese sentence.
@Suite struct ReadErrorMessageTests {
  let at = Location(file: "a.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "S")

  @Test func knownDetailsAreTranslated() {
    let zip = SheetReadError.damagedZip(
      Location(file: "a.xlsx"), reason: "truncated: the zip central directory is missing")
    #expect(
      zip.message(.vi)
        == "Tệp a.xlsx bị hỏng hoặc không trọn vẹn (tệp bị cắt cụt: thiếu danh mục trung tâm của tệp zip). Hãy đề nghị đơn vị gửi lại tệp."
    )
    #expect(zip.message(.en).contains("(truncated: the zip central directory is missing)"))
    let xml = SheetReadError.malformedXML(at, reason: "end tag does not match its start tag (byte 289)")
    #expect(
      xml.message(.vi)
        == "Tệp a.xlsx [xl/worksheets/sheet1.xml] 'S' có XML sai cấu trúc: thẻ đóng không khớp với thẻ mở (byte thứ 289)."
    )
    let cell = SheetReadError.malformedXML(at, reason: "number cell holds \"12a\" (byte 40)")
    #expect(cell.message(.vi).hasSuffix("có XML sai cấu trúc: ô số chứa \"12a\" (byte thứ 40)."))
  }

  @Test func unknownDetailsAreLeftOutInVietnamese() {
    let reason = "the sector chain of stream 'Workbook' loops back to sector 3"
    let error = SheetReadError.damagedCompoundFile(Location(file: "b.xls"), reason: reason)
    #expect(
      error.message(.vi)
        == "Tệp b.xls (định dạng Office cũ) bị hỏng hoặc không trọn vẹn. Hãy đề nghị đơn vị gửi lại tệp.")
    #expect(error.message(.en).contains(reason))
    let xml = SheetReadError.malformedXML(at, reason: "something new (byte 12)")
    #expect(xml.message(.vi) == "Tệp a.xlsx [xl/worksheets/sheet1.xml] 'S' có XML sai cấu trúc.")
  }

  /// Every fixed detail the readers throw has its Vietnamese: the list below is every
  /// literal `malformed(…)` reason without a value in it.
  @Test(arguments: [
    "CDATA outside the root element", "`<` inside a tag", "`<` inside an attribute value", "a second root element",
    "attribute value without quotes", "attribute without a quoted value", "attribute without a value",
    "document ends inside a tag", "document ends inside an element", "document ends inside markup", "empty count",
    "end tag does not match its start tag", "tag without a name", "text after the document's end",
    "text outside the root element", "undefined entity or bad character reference in an attribute",
    "undefined entity or bad character reference", "unexpected markup declaration", "unterminated CDATA section",
    "unterminated attribute value", "unterminated comment", "unterminated end tag",
    "unterminated processing instruction",
  ])
  func everyFixedXMLDetailHasVietnamese(_ detail: String) {
    #expect(TechnicalDetail.vietnamese(detail) != nil)
  }

  /// The places and counts the ODS, XLSX, XLS and compound-file readers name, in
  /// Vietnamese with their figures where they were.
  @Test func detailsWithFiguresKeepThemInVietnamese() {
    let place = Location(file: "c.ods", sheet: "S")
    #expect(
      SheetReadError.beyondGrid(place, what: "column 16000 repeated 500 times in row 3").message(.vi)
        == "Tệp c.ods 'S' có ô chứa dữ liệu nằm ngoài giới hạn của Excel (16.384 cột × 1.048.576 dòng): cột 16000 lặp lại 500 lần ở dòng 3."
    )
    #expect(
      SheetReadError.beyondGrid(place, what: "a merge of 20000 columns × 2 rows from column 5").message(.vi)
        .hasSuffix(": vùng gộp 20000 cột × 2 dòng từ cột 5."))
    #expect(SheetReadError.beyondGrid(place, what: "row 1048577").message(.vi).hasSuffix(": dòng 1048577."))
    #expect(
      SheetReadError.repeatLimitExceeded(place, what: "more than 1000000 cells from repeats", limit: 1_000_000)
        .message(.vi)
        == "Tệp c.ods 'S' lặp lại ô hoặc ký tự quá giới hạn (hơn 1000000 ô do lặp lại, giới hạn 1000000): dấu hiệu tệp độc hại; đã dừng đọc."
    )
    #expect(
      SheetReadError.repeatLimitExceeded(place, what: "text:c=\"99999999\" spaces in one cell", limit: 10).message(.vi)
        .contains("(text:c=\"99999999\" dấu cách trong một ô, giới hạn 10)"))
    #expect(
      SheetReadError.badCellReference(at, text: "column 16385").message(.vi)
        == "Tệp a.xlsx [xl/worksheets/sheet1.xml] 'S' có địa chỉ ô không hợp lệ hoặc nằm ngoài giới hạn của Excel: cột 16385."
    )
    #expect(
      SheetReadError.badCellReference(at, text: "dimensions of 2000000 rows × 3 columns").message(.vi)
        .hasSuffix(": kích thước 2000000 dòng × 3 cột."))
    #expect(
      SheetReadError.compoundFileTooLarge(Location(file: "d.xls"), what: "sectors", count: 9, limit: 8).message(.vi)
        .contains("vượt giới hạn đọc: số sector là 9, giới hạn 8."))
    #expect(
      SheetReadError.beyondGrid(place, what: "column 16000 repeated 500 times in row 3").message(.en)
        .hasSuffix(": column 16000 repeated 500 times in row 3."))
  }
}
