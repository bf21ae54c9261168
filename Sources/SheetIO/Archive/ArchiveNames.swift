/// Member names of archives made by tools that predate UTF-8 names (the zip format's
/// bit 11, APPNOTE 4.4.4): Windows writes them in its OEM code page, which is CP1258 on
/// Vietnamese Windows and CP437 on most others.
enum ArchiveNames {
  /// UTF-8 when the bytes are; else CP1258 when that reads as Vietnamese (a letter of
  /// its alphabet beyond ASCII, as in `Báo cáo`), else CP437.
  static func decode(_ bytes: [UInt8]) -> String {
    var validUTF8 = true
    if case .invalid = EncodingDetector.utf8Validity(bytes) { validUTF8 = false }
    if validUTF8 { return LegacyDecoder.nfc(String(decoding: bytes, as: UTF8.self)) }
    let vietnamese = LegacyDecoder.decode(bytes, as: .windows1258)
    if vietnamese.contains(where: { vietnameseLetters.contains($0) }) { return vietnamese }
    return String(String.UnicodeScalarView(bytes.map { $0 < 0x80 ? Unicode.Scalar($0) : cp437[Int($0) - 0x80] }))
  }

  private static let vietnameseLetters = Set(VietnameseAlphabet.nonASCIILetters.map { Character($0) })

  /// CP437's upper half (IBM PC, the zip format's default: APPNOTE appendix D).
  static let cp437: [Unicode.Scalar] = Array(
    ("ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
      + "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}").unicodeScalars)
}
