import Foundation
import Testing

@testable import SheetIO

/// MIME as single-file web pages (and mail) write it: folded headers, nested multiparts,
/// base64 and quoted-printable bodies.
@Suite struct MIMEParserTests {
  @Test func nestedMultipartsAndTheirEncodings() {
    let message = """
      MIME-Version: 1.0\r
      Content-Type: multipart/mixed;\r
      \tboundary="ngoai"\r
      \r
      preamble\r
      --ngoai\r
      Content-Type: multipart/alternative; boundary=trong\r
      \r
      --trong\r
      Content-Type: text/plain; charset=utf-8\r
      Content-Transfer-Encoding: quoted-printable\r
      \r
      T=C3=A2m Qu=\r
      ang=3D1\r
      --trong--\r
      --ngoai\r
      Content-Type: application/octet-stream; name="bao-cao.xlsx"\r
      Content-Transfer-Encoding: base64\r
      \r
      UEsDBA==\r
      --ngoai\r
      Content-Type: text/html\r
      \r
      <table><tr><td>x</td></tr></table>
      """
    let root = MIMEParser.parse(Array(message.utf8))
    #expect(root.contentType.type == "multipart/mixed")
    let leaves = root.leaves
    #expect(leaves.map(\.contentType.type) == ["text/plain", "application/octet-stream", "text/html"])
    #expect(String(decoding: leaves[0].body, as: UTF8.self) == "Tâm Quang=1")
    #expect(leaves[1].body == [0x50, 0x4B, 0x03, 0x04])
    #expect(leaves[1].contentType.parameters["name"] == "bao-cao.xlsx")
    // No closing boundary: the last part runs to the end.
    #expect(String(decoding: leaves[2].body, as: UTF8.self) == "<table><tr><td>x</td></tr></table>")
  }

  @Test func aSingleFileWebPageIsHTML() {
    let head = Array("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"x\"\r\n\r\n".utf8)
    #expect(FormatSniffer.textFormat(head) == .html)
    #expect(FormatSniffer.textFormat(Array("Subject: chào\r\nFrom: a@b\r\n\r\nnội dung".utf8)) == .csv)
  }
}
