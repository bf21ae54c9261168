import Foundation
import Testing

@testable import SheetIO

/// The format is told by the first bytes, whatever the name.
@Suite struct FormatSnifferTests {
  static func utf16(_ text: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
    var bytes: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
    for unit in text.utf16 {
      let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      bytes += littleEndian ? pair : pair.reversed()
    }
    return bytes
  }

  @Test(arguments: [
    ("<!DOCTYPE html><html><body><table>", FileFormat.html),
    ("\u{FEFF}  <html xmlns:x=\"urn:schemas-microsoft-com:office:excel\">", .html),
    ("<table border=1><tr><td>1</td></tr></table>", .html),
    ("<!-- xuất từ phần mềm --><META http-equiv=Content-Type content=\"text/html\">", .html),
    ("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:…\">", .spreadsheetML),
    ("<?xml version=\"1.0\"?><ss:Workbook xmlns:ss=\"urn:…\">", .spreadsheetML),
    ("<?xml version=\"1.0\"?><!DOCTYPE Workbook [<!ENTITY a \"b\">]><Workbook>", .spreadsheetML),
    ("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", .html),
    ("STT,Tên xã,Số hộ\n1,Tam Thanh,1.234\n", .csv),
    ("<b>không phải bảng</b> nhưng là HTML", .html),
    ("<ghi chú> không phải HTML", .csv),
  ])
  func markupAndText(_ text: String, _ format: FileFormat) {
    #expect(FormatSniffer.textFormat(Array(text.utf8)) == format)
  }

  @Test func utf16MarkupIsSeenWithOrWithoutABOM() {
    let page = "<html><body><table><tr><td>Tam Kỳ</td></tr></table></body></html>"
    for littleEndian in [true, false] {
      for bom in [true, false] {
        #expect(FormatSniffer.textFormat(Self.utf16(page, littleEndian: littleEndian, bom: bom)) == .html)
      }
    }
    #expect(FormatSniffer.textFormat(Self.utf16("STT\tTên\n1\tTam Kỳ\n", littleEndian: true, bom: true)) == .csv)
  }

  @Test func bytesOfNoFormatAreNone() {
    #expect(FormatSniffer.textFormat([]) == nil)
    #expect(FormatSniffer.textFormat([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xFF, 0x00, 0x7F]) == nil)
  }

  @Test func theNameSaysWhatItClaims() {
    #expect(FileFormat(fileName: "a/b/Báo cáo.XLSM") == .xlsx)
    #expect(FileFormat(fileName: "bieu.htm") == .html)
    #expect(FileFormat(fileName: "bieu.xml") == .spreadsheetML)
    #expect(FileFormat(fileName: "bieu.tsv") == .csv)
    #expect(FileFormat(fileName: "bieu") == nil)
    #expect(FileFormat(fileName: ".xlsx") == nil)
    #expect(FileFormat(fileName: "bieu.pdf") == nil)
  }
}
