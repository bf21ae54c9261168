import Foundation
import Testing

@testable import SheetIO

/// The handwritten .ods files (scripts/fixtures/ods_crafted.py) read to exactly the dumps
/// stated beside them, whatever the chunks the XML arrives in; the format of a file is
/// told by its content, not its name.
@Suite struct ODSCraftedFixtureTests {
  static let fixtures = ["ods-repeats", "ods-covered", "ods-text", "ods-types", "ods-prefixes"]

  @Test(arguments: fixtures)
  func readsExpectedValues(_ name: String) throws {
    let workbook = try Workbooks.open(path: Fixtures.path("crafted/\(name).ods"))
    #expect(workbook is ODSWorkbook)
    let expected = try String(contentsOfFile: Fixtures.path("crafted/\(name).expected.txt"), encoding: .utf8)
    expectSameLines(try dump(workbook), expected)
  }

  @Test(arguments: ["ods-text", "ods-types", "ods-prefixes"], [1, 2, 3, 7, 65_536])
  func chunkBoundariesDoNotMatter(_ name: String, _ chunkSize: Int) throws {
    let path = Fixtures.path("crafted/\(name).ods")
    let workbook = try ODSWorkbook(path: path)
    let content = try ZipArchive(path: path).readAll("content.xml", limit: 1 << 20, limits: .standard)
    for sheet in workbook.sheets {
      let reader = ODSXMLReader(source: MemoryByteSource(content, chunkSize: chunkSize), limits: .standard)
      var index = 0
      let walker = ODSContentWalker(table: { (_, _) throws(SheetReadError) in
        defer { index += 1 }
        return index == sheet.index
      })
      #expect(try walker.walk(reader))
      let chunked = ODSRowReader(
        reader: reader, styles: try styles(of: path), dates: .standard, limits: .standard, sheetName: sheet.name,
        isEmpty: false)
      let whole = try workbook.rowReader(of: sheet)
      while let row = try whole.next() { #expect(try chunked.next() == row) }
      #expect(try chunked.next() == nil)
      #expect(chunked.mergedRanges == whole.mergedRanges)
    }
  }

  /// The resolved styles of a fixture, read as the workbook reads them.
  private func styles(of path: String) throws -> ODSStyles {
    let archive = try ZipArchive(path: path)
    var collected = ODSStyleCollector()
    for part in ["styles.xml", "content.xml"] where archive.stat(part) != nil {
      let reader = ODSXMLReader(
        source: MemoryByteSource(try archive.readAll(part, limit: 1 << 20, limits: .standard)), limits: .standard)
      while true {
        let event = try reader.next()
        if case .endOfDocument = event { break }
        guard case .start(.office, let local, false) = event, reader.depth == 2 else { continue }
        if reader.matches(local, "font-face-decls") || reader.matches(local, "styles")
          || reader.matches(local, "automatic-styles")
        {
          try collected.readSection(reader, byteLimit: .max)
        } else {
          try reader.skipElement()
        }
      }
    }
    return ODSStyles(collected)
  }

  @Test func fontsResolveThroughFaceDeclarationsParentsAndTheDefaultStyle() throws {
    // Row 6 of ods-types: A6 in .VnTime (a font face), B6 in VNI-Times (fo:font-family),
    // C6 in a style whose parent uses the .VnTimeH face, D6 without a style: the default
    // style's face, whose family list is "'Times New Roman', serif".
    let workbook = try ODSWorkbook(path: Fixtures.path("crafted/ods-types.ods"))
    let reader = try workbook.rowReader(of: workbook.sheets[0])
    var row6: Row?
    while let row = try reader.next() { if row.number == 6 { row6 = row } }
    let fonts = row6?.cells.map { workbook.fontName(styleIndex: $0.styleIndex) }
    #expect(fonts == [".VnTime", "VNI-Times", ".VnTimeH", "Times New Roman"])
    #expect(workbook.fontName(styleIndex: 0) == "Times New Roman")
    #expect(workbook.fontName(styleIndex: 10_000) == nil)
  }

  @Test func producerStylesGetStableIndices() throws {
    // LibreOffice's "Default" style (Calibri, from the .xlsx) is index 0.
    let path = Fixtures.path("producers/ods/cases.ods")
    let first = try ODSWorkbook(path: path)
    let second = try ODSWorkbook(path: path)
    #expect(first.fontName(styleIndex: 0) == "Calibri")
    for sheet in first.sheets {
      let a = try first.rowReader(of: sheet)
      let b = try second.rowReader(of: sheet)
      while let row = try a.next() { #expect(try b.next()?.cells.map(\.styleIndex) == row.cells.map(\.styleIndex)) }
    }
  }

  @Test func formatComesFromTheContentNotTheName() throws {
    // ods-named.xlsx is ods-covered's package; xlsx-named.ods is handwritten.xlsx.
    let ods = try Workbooks.open(path: Fixtures.path("crafted/ods-named.xlsx"))
    #expect(ods is ODSWorkbook)
    expectSameLines(
      try dump(ods), try String(contentsOfFile: Fixtures.path("crafted/ods-covered.expected.txt"), encoding: .utf8))
    let xlsx = try Workbooks.open(path: Fixtures.path("crafted/xlsx-named.ods"))
    #expect(xlsx is XLSXWorkbook)
    expectSameLines(
      try dump(xlsx), try String(contentsOfFile: Fixtures.path("crafted/handwritten.expected.txt"), encoding: .utf8))
  }

  @Test func packageWithoutMimetypeIsKnownByItsManifest() throws {
    let archive = try ZipArchive(path: Fixtures.path("crafted/ods-prefixes.ods"))
    #expect(archive.stat("mimetype") == nil)
    #expect(try ODSPackage.mediaType(of: archive, limits: .standard) == ODSPackage.spreadsheet)
    let xlsx = try ZipArchive(path: Fixtures.path("crafted/handwritten.xlsx"))
    #expect(try ODSPackage.mediaType(of: xlsx, limits: .standard) == nil)
  }
}
