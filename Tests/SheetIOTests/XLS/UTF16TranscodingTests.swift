import Testing

@testable import SheetIO

/// Our UTF-16 decoding gives what the standard library's does, lone surrogates included.
@Suite struct UTF16TranscodingTests {
  @Test(arguments: [
    [UInt16](), Array("Tam Thanh".utf16), Array("Địa bàn Quảng Nam".utf16), Array("😀 và 𝄞".utf16),
    [0xD83D], [0xDE00, 0x41], [0x41, 0xD83D, 0x42], [0xD83D, 0xD83D, 0xDE00], [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF],
  ])
  func matchesTheStandardLibrary(_ units: [UInt16]) {
    #expect(UTF16Transcoding.string(units) == String(decoding: units, as: UTF16.self))
  }

  @Test func asciiUnits() {
    #expect(UTF16Transcoding.ascii(Array("Tam Thanh 2017".utf16)) == "Tam Thanh 2017")
  }
}
