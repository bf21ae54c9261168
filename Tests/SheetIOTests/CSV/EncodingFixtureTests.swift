import Foundation
import TestSupport
import Testing

@testable import SheetIO

/// One table — every vowel with every tone in both cases, Đ đ, Vietnamese numbers and
/// dates — saved in eight ways (fixtures/encodings/expected.tsv) must read to the same
/// values, each encoding detected without being named.
@Suite struct EncodingFixtureTests {
  struct Variant: CustomTestStringConvertible, Sendable {
    var file: String
    var encoding: String
    var delimiter: String
    var testDescription: String { file }
  }

  static let variants = readTSV("encodings/expected.tsv").map {
    Variant(file: $0[0], encoding: $0[1], delimiter: $0[2])
  }

  @Test func everyEncodingIsCovered() {
    #expect(Set(Self.variants.map(\.encoding)) == ["utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3", "vni"])
    #expect(Self.variants.count == 8)
  }

  @Test(arguments: variants)
  func detectsAndReadsTheTable(_ v: Variant) throws {
    let workbook = try CSVWorkbook(path: Fixtures.path("encodings/" + v.file))
    #expect(workbook.detection.encoding.rawValue == v.encoding)
    #expect(!workbook.detection.isWeak, "\(workbook.detection)")
    #expect(workbook.delimiterName == v.delimiter)
    let stem = String(v.file[..<v.file.lastIndex(of: ".")!])
    expectSameLines(
      try dump(workbook), try String(contentsOfFile: Fixtures.path("encodings/\(stem).expected.txt"), encoding: .utf8))
  }

  @Test func allEncodingsButTCVN3GiveIdenticalValues() throws {
    // TCVN3 has no capital toned letters (they are typed in a capital font), so its
    // capitals column differs by case only; its own expectation says so.
    var dumps: [String: [String]] = [:]
    for v in Self.variants {
      let lines = try dump(CSVWorkbook(path: Fixtures.path("encodings/" + v.file))).split(separator: "\n").dropFirst()
      dumps[v.file] = lines.map(String.init)
    }
    let reference = dumps["bang-utf8.csv"]!
    #expect(reference.count == 74 * 7)
    for (file, lines) in dumps where file != "bang-tcvn3.csv" { #expect(lines == reference, "\(file)") }
    let tcvn3 = dumps["bang-tcvn3.csv"]!
    #expect(tcvn3.map { $0.lowercased() } == reference.map { $0.lowercased() })
  }

  @Test(arguments: variants)
  func namedEncodingReadsTheSame(_ v: Variant) throws {
    let named = try CSVWorkbook(path: Fixtures.path("encodings/" + v.file), encoding: TextEncoding(name: v.encoding))
    let detected = try CSVWorkbook(path: Fixtures.path("encodings/" + v.file))
    #expect(try dump(named) == dump(detected))
  }
}
