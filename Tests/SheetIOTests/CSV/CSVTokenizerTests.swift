import Testing

@testable import SheetIO

@Suite struct CSVTokenizerTests {
  static func records(_ text: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), chunk: Int = 1 << 16) throws -> [[String]]
  {
    let tokenizer = CSVTokenizer(source: MemoryByteSource(text, chunkSize: chunk), delimiter: delimiter)
    var out: [[String]] = []
    while try tokenizer.next() {
      out.append((0..<tokenizer.fieldCount).map { String(decoding: tokenizer.field($0), as: UTF8.self) })
    }
    return out
  }

  // a,"b ""q"" c","line
  // break"<CR><LF><LF>x,y,<CR>"last"
  static let tricky = Array("a,\"b \"\"q\"\" c\",\"line\nbreak\"\r\n\nx,y,\r\"last\"".utf8)

  @Test(arguments: [1, 2, 3, 7, 64, 65_536])
  func quotingLineEndsBlankLinesAndChunking(_ chunk: Int) throws {
    #expect(
      try Self.records(Self.tricky, chunk: chunk) == [
        ["a", "b \"q\" c", "line\nbreak"], [""], ["x", "y", ""], ["last"],
      ])
  }

  @Test func raggedRowsKeepTheirFields() throws {
    #expect(
      try Self.records(Array("a;b;c\nd\ne;f\n".utf8), delimiter: UInt8(ascii: ";")) == [
        ["a", "b", "c"], ["d"], ["e", "f"],
      ])
  }

  @Test func lenientCasesAreNoted() throws {
    let tokenizer = CSVTokenizer(
      source: MemoryByteSource(Array("\"ab\"c,d\n\"open".utf8)), delimiter: UInt8(ascii: ","))
    var rows: [[String]] = []
    while try tokenizer.next() {
      rows.append((0..<tokenizer.fieldCount).map { String(decoding: tokenizer.field($0), as: UTF8.self) })
    }
    #expect(rows == [["abc", "d"], ["open"]])
    #expect(tokenizer.notes.map(\.kind) == [.textAfterClosingQuote, .unterminatedQuote])
    #expect(tokenizer.notes.map(\.record) == [1, 2])
  }

  @Test(arguments: [1, 2, 3, 7])
  func legacyBytesSplitAcrossReadsDecodeTheSame(_ chunk: Int) throws {
    // VNI writes ạ as a + 0xEF: a pair that a chunk boundary may split.
    let bytes: [UInt8] = Array("h".utf8) + [0x61, 0xEF] + Array("nh,Ñaø Naüng\n".utf8.map { $0 })
    let whole = try Self.records(bytes)
    let split = try Self.records(bytes, chunk: chunk)
    #expect(whole == split)
  }

  @Test func delimiterDetection() {
    #expect(CSVDialect.delimiter(in: Array("a;b;c\n1;2,5;3\n4;5;6\n".utf8)) == UInt8(ascii: ";"))
    #expect(CSVDialect.delimiter(in: Array("a,b,c\n\"x;y\",2,3\n".utf8)) == UInt8(ascii: ","))
    #expect(CSVDialect.delimiter(in: Array("a\tb\n1\t2\n".utf8)) == 0x09)
    #expect(CSVDialect.delimiter(in: Array("a|b|c\n1|2|3\n".utf8)) == UInt8(ascii: "|"))
  }
}
