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
}
