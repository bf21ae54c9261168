import Foundation
import Testing

@testable import SheetIO

/// Saved e-mails (fixtures/mails, scripts/fixtures/mails.py) read to their envelope and
/// attachments; the expected names, senders and sizes are what Python's `email` package
/// and extract-msg read from the same files (docs/mails.md).
@Suite struct MailReaderTests {
  static func inboxBytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("inbox/" + name))))
  }

  static func eml(_ name: String) throws -> MailMessage {
    EMLReader.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("mails/" + name)))))
  }

  static func bytes(_ attachment: MailAttachment) -> [UInt8]? {
    if case .bytes(let b) = attachment.content { return b }
    return nil
  }

  static func sent(_ message: MailMessage) -> String? { message.envelope.sent?.isoText }

  @Test func encodedWordsOfEveryKindDecode() {
    #expect(MailHeaderText.decode("=?UTF-8?B?QsOhbyBjw6Fv?=") == "Báo cáo")
    #expect(MailHeaderText.decode("=?utf-8?q?B=C3=A1o_c=C3=A1o?= 2017") == "Báo cáo 2017")
    // The space between two encoded words is not text (RFC 2047 §6.2); around them it is.
    #expect(MailHeaderText.decode("Re: =?UTF-8?Q?B=C3=A1o?= =?UTF-8?Q?_c=C3=A1o?= x") == "Re: Báo cáo x")
    // Windows-1258 writes the tone apart from its letter: the result is composed.
    #expect(MailHeaderText.decode("=?windows-1258?Q?S=F5=D2?=") == "Sở")
    // An unknown charset or a broken word stays as written.
    #expect(MailHeaderText.decode("=?koi8-r?B?9NXQ?=") == "=?koi8-r?B?9NXQ?=")
    #expect(MailHeaderText.decode("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=")
  }

  @Test func parametersInEveryFormRead() {
    let continued = "attachment;\r\n filename*0*=UTF-8''B%C3%A1o%20c%C3%A1o;\r\n filename*1*=%202017.xlsx"
    #expect(MailHeaderText.parameter("filename", in: continued) == "Báo cáo 2017.xlsx")
    #expect(MailHeaderText.parameter("filename", in: "attachment; filename*=windows-1258''S%F5%D2.xlsx") == "Sở.xlsx")
    #expect(MailHeaderText.parameter("name", in: "x/y; name=\"=?UTF-8?B?QsOhbyBjw6Fv?=.xlsx\"") == "Báo cáo.xlsx")
    // Mixed pieces: the plain ones are taken as they are.
    #expect(MailHeaderText.parameter("filename", in: "a; filename*0*=UTF-8''%C4%90; filename*1=ay.xlsx") == "Đay.xlsx")
  }

  @Test func datesInTheFormsMailProgramsWrite() {
    #expect(MailDate.parse("Fri, 15 Dec 2017 08:42:17 +0700")?.isoText == "2017-12-15T08:42:17")
    #expect(MailDate.parse("15 Dec 17 08:42 GMT")?.isoText == "2017-12-15T08:42:00")
    #expect(MailDate.parse("Mon,  8 Jan 2018 09:00:00 +0700 (ICT)")?.isoText == "2018-01-08T09:00:00")
    #expect(MailDate.parse("31 Feb 2017 10:00:00 +0700") == nil)
    #expect(MailDate.parse("hôm qua") == nil)
  }

  @Test func thunderbirdMessageWithTwoAttachments() throws {
    let m = try Self.eml("thunderbird.eml")
    #expect(m.envelope.from == "Văn phòng Sở Nội vụ <vanphong@sonoivu.quangnam.example>")
    #expect(m.envelope.subject == "Gửi báo cáo thi đua năm 2017")
    #expect(Self.sent(m) == "2017-12-15T08:42:17")
    #expect(m.attachments.map(\.name) == ["Báo cáo thi đua Sở Nội vụ năm 2017.xlsx", "Báo cáo Sở Tài chính 2017.xlsx"])
    #expect(
      m.attachments.map(Self.bytes) == [
        try Self.inboxBytes("snv-bao-cao-2017.xlsx"), try Self.inboxBytes("stc-bao-cao-2017.xlsx"),
      ])
  }

  @Test func webmailAndOutlookMessages() throws {
    let gmail = try Self.eml("gmail.eml")
    #expect(gmail.envelope.from == "Hội Liên hiệp Phụ nữ tỉnh <hoiphunu.quangnam@gmail.com>")
    #expect(gmail.attachments.map(\.name) == ["Báo cáo Hội LHPN tỉnh 2017.xlsx"])
    #expect(gmail.attachments.map(Self.bytes) == [try Self.inboxBytes("hlhpn-bao-cao-2017.xlsx")])
    let outlook = try Self.eml("outlook-cp1258.eml")
    #expect(outlook.envelope.from == "Sở Lao động – Thương binh và Xã hội <sldtbxh@quangnam.example>")
    #expect(outlook.envelope.subject == "Báo cáo năm 2017")
    #expect(outlook.attachments.map(\.name) == ["Báo cáo Sở LĐTBXH 2017.xlsx"])
    #expect(outlook.attachments.map(Self.bytes) == [try Self.inboxBytes("sldtbxh-bao-cao-2017.xlsx")])
  }

  @Test func aForwardedMessageIsReadInTurn() throws {
    let m = try Self.eml("chuyen-tiep.eml")
    #expect(m.envelope.subject == "Chuyển tiếp: Báo cáo xã Trà Mai 2017")
    #expect(m.attachments.map(\.name) == ["Bao cao xa Tra Mai 2017.eml"])
    guard case .message(let inner) = m.attachments.first?.content else {
      Issue.record("the forwarded message is not read as a message")
      return
    }
    #expect(Self.sent(inner) == "2017-12-13T16:20:00")
    #expect(inner.attachments.map(\.name) == ["20944-2017.xlsx"])
    #expect(inner.attachments.map(Self.bytes) == [try Self.inboxBytes("20944-2017.xlsx")])
  }

  @Test func aTablePastedInTheTextIsAPage() throws {
    let m = try Self.eml("bang-trong-thu.eml")
    #expect(m.attachments.map(\.name) == ["nội dung thư.html"])
    let page = try #require(Self.bytes(m.attachments[0]))
    #expect(page.starts(with: [0xEF, 0xBB, 0xBF]))
    // The page reads as the HTML it was pasted from, cell for cell.
    let pasted = NSTemporaryDirectory() + "thidua-pasted-\(UUID().uuidString).html"
    try Data(page).write(to: URL(fileURLWithPath: pasted))
    defer { try? FileManager.default.removeItem(atPath: pasted) }
    func cells(_ path: String) throws -> [String] {
      let book = try Workbooks.open(path: path)
      let reader = try book.rows(of: book.sheets[0])
      var texts: [String] = []
      while let row = try reader.next() { texts += row.cells.map { "\($0.address) \(CanonicalCSV.text($0.value))" } }
      return texts
    }
    let original = try cells(Fixtures.path("formats/bao-cao-mau.html"))
    #expect(original.count > 50)
    #expect(try cells(pasted) == original)
    #expect(!MailSniffer.looksLikeMessage(Array(page.prefix(4096))))
    #expect(try Self.eml("hostile/khong-dinh-kem.eml").attachments.isEmpty)
  }

  @Test func outlookMessages() throws {
    let m = try MSGReader.read(path: Fixtures.path("mails/outlook.msg"))
    #expect(m.envelope.from == "Ủy ban MTTQ Việt Nam tỉnh <mttq@quangnam.example>")
    #expect(m.envelope.subject == "Báo cáo thi đua năm 2017 – Ủy ban MTTQ tỉnh")
    // 02:15 UTC is 09:15 in Vietnam.
    #expect(Self.sent(m) == "2017-12-20T09:15:00")
    #expect(m.attachments.map(\.name) == ["Báo cáo MTTQ 2017.xlsx"])
    #expect(m.attachments.map(Self.bytes) == [try Self.inboxBytes("mttq-bao-cao-2017.xlsx")])
    let forward = try MSGReader.read(path: Fixtures.path("mails/outlook-chuyen-tiep.msg"))
    #expect(forward.attachments.map(\.name) == ["Báo cáo Ban Dân tộc 2017.msg"])
    guard case .message(let item) = forward.attachments.first?.content else {
      Issue.record("the attached Outlook item is not read as a message")
      return
    }
    #expect(item.envelope.from == "Ban Dân tộc tỉnh <bdt@quangnam.example>")
    #expect(item.attachments.map(Self.bytes) == [try Self.inboxBytes("bdt-bao-cao-2017.xlsx")])
  }

  @Test func mailsAreToldFromWorkbooksAndWebPages() throws {
    for name in ["thunderbird.eml", "gmail.eml", "outlook-cp1258.eml", "chuyen-tiep.eml", "bang-trong-thu.eml"] {
      #expect(try FormatSniffer.sniff(fileAt: Fixtures.path("mails/" + name)) == .container(.eml), "\(name)")
    }
    #expect(try FormatSniffer.sniff(fileAt: Fixtures.path("mails/outlook.msg")) == .container(.msg))
    // A message whose directory is broken is still a message, a damaged one.
    #expect(try FormatSniffer.sniff(fileAt: Fixtures.path("mails/hostile/hong.msg")) == .container(.msg))
    #expect(throws: SheetReadError.self) { try MSGReader.read(path: Fixtures.path("mails/hostile/hong.msg")) }
    // Excel's MHTML, a CSV, an .xls: no mails.
    for name in ["formats/bao-cao-mau.mht", "formats/bao-cao-mau-mht.xls", "inbox/xa-tra-tap-2017.csv"] {
      guard case .workbook = try FormatSniffer.sniff(fileAt: Fixtures.path(name)) else {
        Issue.record("\(name) is taken for a container")
        continue
      }
    }
    #expect(
      MailSniffer.looksLikeMessage(Array("From: <Saved by Blink>\r\nSubject: x\r\nMIME-Version: 1.0\r\n\r\n".utf8))
        == false)
  }

  /// Files from other libraries' test suites, made by the programs themselves
  /// (fixtures/mails/real/README.md).
  @Test func realMessagesFromMailPrograms() throws {
    let thunderbird = try Self.eml("real/thunderbird38_png_attachment.eml")
    #expect(thunderbird.envelope.from == "Tika Test <XXXX@apache.org>")
    #expect(Self.sent(thunderbird) == "2016-07-20T17:35:02")
    #expect(thunderbird.attachments.map(\.name) == ["testPNG.png"])
    #expect(thunderbird.attachments.map { Self.bytes($0)?.count } == [17041])
    let gmail = try Self.eml("real/gmail_web_rfc2047_japanese_filename.eml")
    #expect(gmail.attachments.map(\.name) == ["てすと.txt"])
    #expect(gmail.attachments.map { Self.bytes($0)?.count } == [33])
    let apple = try Self.eml("real/applemail_rfc2231_latin1_filename.eml")
    #expect(apple.envelope.subject == "Eelanalüüsi päring")
    #expect(apple.attachments.map(\.name) == ["Eelanalüüsi päring.jpg"])
    #expect(apple.attachments.map { Self.bytes($0)?.count } == [1952])

    // .msg times are UTC, shown in Vietnam's (UTC+7).
    let french = try MSGReader.read(path: Fixtures.path("mails/real/outlook2003_french_subject_doc_txt.msg"))
    #expect(french.envelope.subject == "test pièce jointe 1")
    #expect(Self.sent(french) == "2009-04-22T21:36:33")
    #expect(french.attachments.map(\.name) == ["test-unicode.doc", "pj1.txt"])
    #expect(french.attachments.map { Self.bytes($0)?.count } == [24064, 89])
    let exchange = try MSGReader.read(path: Fixtures.path("mails/real/exchange_outlook_embedded_msg_and_pdf.msg"))
    #expect(exchange.envelope.subject == "test email")
    #expect(Self.sent(exchange) == "2010-06-18T06:54:19")
    #expect(exchange.attachments.map(\.name) == ["Test Attachment.msg", "smbprn.00009008.KdcPjl.pdf"])
    #expect(exchange.attachments.map { Self.bytes($0)?.count } == [nil, 13539])
    let outlook2010 = try MSGReader.read(path: Fixtures.path("mails/real/outlook2010_embedded_message.msg"))
    #expect(outlook2010.envelope.from == "Bertrand Beyssac <bertrand.beyssac@c6.eu>")
    #expect(outlook2010.envelope.subject == "Master mail")
    guard case .message(let item) = outlook2010.attachments.first?.content else {
      Issue.record("the attached Outlook item is not read as a message")
      return
    }
    #expect(item.envelope.subject == "Test mail attachment")
    #expect(Self.sent(item) == "2015-08-05T19:01:48")
    #expect(item.attachments.isEmpty)
  }
}
