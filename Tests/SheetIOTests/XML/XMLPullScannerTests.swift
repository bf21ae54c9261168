import Foundation
import Testing

@testable import SheetIO

/// The scanner must see the same rows whatever the chunk boundaries (NIO's decoder
/// verifier idea): a tag, an entity or a UTF-8 sequence split across reads is carried over.
@Suite struct XMLPullScannerTests {
  /// The handwritten worksheet: prefixes, no `r`, CDATA, comments, entities, `>` in a value.
  static let sheetXML: [UInt8] = {
    let path = Fixtures.path("crafted/handwritten.xlsx")
    guard let archive = try? ZipArchive(path: path),
      let bytes = try? archive.readAll("xl/worksheets/sheet2.xml", limit: 1 << 20, limits: .standard)
    else { return [] }
    return bytes
  }()

  static func rows(_ xml: [UInt8], chunk: Int, strings: [String] = ["s0", "s1", "s2", "s3", "s4", "s5"]) throws -> [Row]
  {
    let reader = XLSXRowReader(
      source: MemoryByteSource(xml, chunkSize: chunk), limits: .standard, sharedStrings: strings,
      styles: XLSXStyles(), uses1904: false, sheetName: "S")
    var rows: [Row] = []
    while let row = try reader.next() { rows.append(row) }
    return rows
  }

  @Test(arguments: [1, 2, 3, 7, 64, 65_536])
  func chunkSizeDoesNotChangeTheRows(_ chunk: Int) throws {
    #expect(!Self.sheetXML.isEmpty)
    let whole = try Self.rows(Self.sheetXML, chunk: 1 << 20)
    #expect(try Self.rows(Self.sheetXML, chunk: chunk) == whole)
    // <x:c r="C8" t="inlineStr" data-note="a>b"> … &#7843;&#x1EA1;&amp;&lt;&gt;&quot;&apos;
    let c8 = whole.flatMap(\.cells).first { $0.address == CellAddress("C8") }
    #expect(c8?.value == .text("ảạ&<>\"'"))
    #expect(whole.map(\.number) == [1, 2, 5, 6, 8, 9])
  }

  @Test(arguments: [1, 2, 3, 5, 7, 4096])
  func literalFastPathAgreesWithTheGeneralPath(_ chunk: Int) throws {
    // The first form takes the `<v>…</v></c>` shortcut; the second, with spaces inside
    // the tags and a CDATA value, goes through the tokens. Both must give the same rows.
    let cells = [
      ("A1", "", "12"), ("B1", " t=\"s\"", "1"), ("C1", " t=\"b\"", "1"), ("D1", " t=\"e\"", "#N/A"),
      ("E1", "", "1.5E3"),
    ]
    let fast = cells.map { "<c r=\"\($0.0)\"\($0.1)><v>\($0.2)</v></c>" }.joined()
    let slow = cells.map { "<c r=\"\($0.0)\"\($0.1) ><v ><![CDATA[\($0.2)]]></v ></c >" }.joined()
    func xml(_ row: String) -> [UInt8] {
      Array("<worksheet><sheetData><row r=\"1\">\(row)</row></sheetData></worksheet>".utf8)
    }
    let expected: [CellValue] = [.number(12), .text("s1"), .boolean(true), .error("#N/A"), .number(1500)]
    #expect(try Self.rows(xml(fast), chunk: chunk).flatMap(\.cells).map(\.value) == expected)
    #expect(try Self.rows(xml(slow), chunk: chunk).flatMap(\.cells).map(\.value) == expected)
  }

  @Test func tinyInitialBufferGrowsForLongTokens() throws {
    let long = String(repeating: "Quảng Nam ", count: 5_000)
    let xml = Array(
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\(long)</t></is></c></row></sheetData></worksheet>"
        .utf8)
    let scanner = XMLPullScanner(source: MemoryByteSource(xml, chunkSize: 3), limits: .standard, initialCapacity: 16)
    var texts: [String] = []
    while true {
      let token = try scanner.next()
      if case .text(let r) = token { texts.append(String(decoding: scanner.bytes(r), as: UTF8.self)) }
      if case .endOfDocument = token { break }
    }
    #expect(texts == [long])
  }

  @Test(arguments: [
    ("<a><b></a></b>", "malformed-xml"),
    ("<a>", "malformed-xml"),
    ("<a/><b/>", "malformed-xml"),
    ("text<a/>", "malformed-xml"),
    ("<a x=\"1<2\"/>", "malformed-xml"),
    ("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", "doctype-forbidden"),
    ("<a><![CDATA[never closed</a>", "malformed-xml"),
    ("<a><!-- never closed </a>", "malformed-xml"),
  ])
  func refusesWhatIsNotWellFormed(_ xml: String, _ code: String) {
    let scanner = XMLPullScanner(source: MemoryByteSource(Array(xml.utf8)), limits: .standard)
    #expect(
      performing: {
        while true { if case .endOfDocument = try scanner.next() { break } }
      }, throws: { ($0 as? SheetReadError)?.code == code })
  }

  @Test func depthLimitStopsDeepNesting() {
    var limits = ReadLimits()
    limits.maxXMLDepth = 10
    let xml = Array((String(repeating: "<a>", count: 11) + String(repeating: "</a>", count: 11)).utf8)
    let scanner = XMLPullScanner(source: MemoryByteSource(xml), limits: limits)
    #expect(
      performing: {
        while true { if case .endOfDocument = try scanner.next() { break } }
      }, throws: { ($0 as? SheetReadError)?.code == "xml-too-deep" })
  }

  @Test func undefinedEntityInACellIsMalformed() {
    let xml = Array(
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>".utf8)
    #expect(
      performing: { _ = try Self.rows(xml, chunk: 7) },
      throws: { error in
        guard case .malformedXML(let location, _) = error as? SheetReadError else { return false }
        return location.sheet == "S" && location.cell == CellAddress("A1")
      })
  }

  @Test func sharedStringIndexOutsideTheTableIsMalformed() {
    let xml = Array(
      "<worksheet><sheetData><row r=\"3\"><c r=\"B3\" t=\"s\"><v>9</v></c></row></sheetData></worksheet>".utf8)
    #expect(
      performing: { _ = try Self.rows(xml, chunk: 5) },
      throws: { error in
        guard case .malformedXML(let location, let reason) = error as? SheetReadError else { return false }
        return location.cell == CellAddress("B3") && reason.contains("shared string index 9")
      })
  }
}
