import Foundation
import Testing

@testable import SheetIO

/// The documents of fixtures/formats read to exactly the dumps written beside them from
/// the generator's own spec (scripts/fixtures/other_formats.py), and each is told by its
/// content whatever its name.
@Suite struct FormatFixtureTests {
  static let documents: [(file: String, expected: String, format: FileFormat)] = [
    ("bao-cao-mau-2003.xls", "bao-cao-mau-2003.expected.txt", .spreadsheetML),
    ("bao-cao-mau-2003.xml", "bao-cao-mau-2003.expected.txt", .spreadsheetML),
    ("cases-2003.xml", "cases-2003.expected.txt", .spreadsheetML),
    ("tay.xml", "tay.expected.txt", .spreadsheetML),
    ("phan-mem-web.xls", "phan-mem-web.expected.txt", .html),
    ("tay.html", "tay.html.expected.txt", .html),
    ("bao-cao-xa.docx", "bao-cao-xa.expected.txt", .docx),
    ("bao-cao-xa-python-docx.docx", "bao-cao-xa-python-docx.expected.txt", .docx),
    ("tay.docx", "tay.docx.expected.txt", .docx),
  ]

  @Test(arguments: documents)
  func readsExpectedValues(_ file: String, _ expected: String, _ format: FileFormat) throws {
    let workbook = try Workbooks.open(path: Fixtures.path("formats/" + file))
    #expect(workbook.format == format)
    let dump = try dump(workbook)
    expectSameLines(dump, try String(contentsOfFile: Fixtures.path("formats/" + expected), encoding: .utf8))
  }
}
