import Testing

@testable import SheetIO

/// The scanner refuses bytes that are not UTF-8 wherever they are, however the part is
/// cut into chunks, and reads every well-formed character.
@Suite struct UTF8ValidationTests {
  private func scan(_ bytes: [UInt8], chunkSize: Int) throws(SheetReadError) -> [String] {
    let scanner = XMLPullScanner(
      source: MemoryByteSource(bytes, chunkSize: chunkSize), limits: .standard, initialCapacity: 16)
    var texts: [String] = []
    while true {
      let token = try scanner.next()
      if case .text(let r) = token { texts.append(String(decoding: scanner.bytes(r), as: UTF8.self)) }
      if case .endOfDocument = token { return texts }
    }
  }

  /// One character of each length, the first and last of each range, split across every
  /// chunk boundary (chunks of 1 to 9 bytes).
  @Test(arguments: 1...9)
  func wellFormedCharactersReadAcrossChunks(_ chunkSize: Int) throws {
    let text = "a\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFD}\u{10000}\u{10FFFF} Quảng Nam ệ 😀"
    let xml = Array("<t>\(text)</t>".utf8)
    #expect(try scan(xml, chunkSize: chunkSize) == [text])
  }

  @Test(
    arguments: [
      ([0xC3, 0x28], 1, "C3 28"),  // a lead byte without its continuation
      ([0xA9], 0, "A9"),  // a stray continuation byte
      ([0xC0, 0xAF], 0, "C0"),  // an overlong `/`
      ([0xE0, 0x80, 0xAF], 1, "E0 80"),  // an overlong three-byte form
      ([0xED, 0xA0, 0x80], 1, "ED A0"),  // a surrogate (U+D800)
      ([0xF4, 0x90, 0x80, 0x80], 1, "F4 90"),  // past U+10FFFF
      ([0xF5, 0x80, 0x80, 0x80], 0, "F5"),  // a byte UTF-8 never uses
      ([0xFF], 0, "FF"),
      ([0xE1, 0xBB], 2, "E1 BB 79"),  // a character cut short by plain ASCII
    ] as [([UInt8], Int, String)])
  func malformedBytesAreRefusedAtTheirOffset(_ bad: [UInt8], _ offset: Int, _ shown: String) {
    let xml = Array("<a><t>x".utf8) + bad + Array("y</t></a>".utf8)
    let start = Array("<a><t>x".utf8).count
    for chunkSize in [1, 2, 3, 5, 4096] {
      #expect(throws: SheetReadError.invalidUTF8(Location(file: "memory"), byteOffset: start + offset, bytes: shown)) {
        _ = try scan(xml, chunkSize: chunkSize)
      }
    }
  }

  @Test func characterCutShortByTheEndOfThePartIsRefused() {
    let xml = Array("<a/>".utf8) + [0xE1, 0xBB]
    #expect(throws: SheetReadError.invalidUTF8(Location(file: "memory"), byteOffset: 4, bytes: "E1 BB")) {
      _ = try scan(xml, chunkSize: 3)
    }
  }
}
