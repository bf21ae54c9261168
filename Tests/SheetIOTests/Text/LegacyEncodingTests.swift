import Foundation
import Testing

@testable import SheetIO

@Suite struct LegacyEncodingTests {
  @Test func codePagesAgreeWithPythonsCodecs() throws {
    // fixtures/encodings/code-pages.tsv: codec, byte, code point ("-" where undefined).
    let text = try String(contentsOfFile: Fixtures.path("encodings/code-pages.tsv"), encoding: .utf8)
    var checked = 0
    for line in text.split(separator: "\n") {
      let f = line.split(separator: "\t").map(String.init)
      let byte = UInt8(f[1], radix: 16)!
      let encoding: TextEncoding = f[0] == "cp1258" ? .windows1258 : .windows1252
      let expected = f[2] == "-" ? UInt32(byte) : UInt32(f[2], radix: 16)!
      // A lone combining mark composes with nothing: compare scalars, not NFC text.
      let decoded = LegacyDecoder.decode([byte], as: encoding).unicodeScalars.map(\.value)
      #expect(decoded == [expected], "\(f[0]) \(f[1])")
      checked += 1
    }
    #expect(checked == 256)
  }

  @Test func alphabetHas134NonASCIILetters() {
    #expect(VietnameseAlphabet.nonASCIILetters.count == 134)
    #expect(Set(VietnameseAlphabet.nonASCIILetters).count == 134)
  }

  /// Every letter each table can write, found by decoding every byte and byte pair.
  private func decodable(_ encoding: TextEncoding) -> Set<String> {
    var found = Set<String>()
    for a in UInt8(0x20)...0xFF {
      found.insert(LegacyDecoder.decode([a], as: encoding))
      for b in UInt8(0x80)...0xFF { found.insert(LegacyDecoder.decode([a, b], as: encoding)) }
    }
    return found
  }

  @Test func vniAndWindows1258WriteAll134Letters() {
    for encoding in [TextEncoding.vni, .windows1258] {
      let found = decodable(encoding)
      let missing = VietnameseAlphabet.nonASCIILetters.filter { !found.contains($0) }
      #expect(missing.isEmpty, "\(encoding): \(missing)")
    }
  }

  @Test func tcvn3WritesEveryLowerCaseLetterAndItsSevenCapitals() {
    let found = decodable(.tcvn3)
    let expected =
      VietnameseAlphabet.nonASCIILetters.filter { $0 == $0.lowercased() } + ["Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"]
    #expect(expected.count == 67 + 7)
    #expect(expected.filter { !found.contains($0) }.isEmpty)
  }

  @Test(arguments: [
    ([UInt8]([0x51, 0x75, 0xB6, 0x6E, 0x67, 0x20, 0x4E, 0x61, 0x6D]), TextEncoding.tcvn3, "Quảng Nam"),
    ([0x42, 0xB8, 0x74, 0x20, 0x58, 0xB8, 0x74], .tcvn3, "Bát Xát"),
    (Array("Xin chaøo caùc baïn".unicodeScalars.map { UInt8($0.value) }), .vni, "Xin chào các bạn"),
    ([0x51, 0x75, 0x61, 0xD2, 0x6E, 0x67], .windows1258, "Quảng"),
    ([0xD1, 0x61, 0xF8, 0x20, 0x4E, 0x61, 0xFC, 0x6E, 0x67], .vni, "Đà Nẵng"),
    ([0xA7, 0xB5, 0x20, 0x4E, 0xBD, 0x6E, 0x67], .tcvn3, "Đà Nẵng"),
  ])
  func decodesKnownWords(_ bytes: [UInt8], _ encoding: TextEncoding, _ expected: String) {
    #expect(LegacyDecoder.decode(bytes, as: encoding) == expected)
  }

  @Test func legacyTextInsideWorkbookCells() {
    // A .VnTime cell holds the Windows-1252 reading of the TCVN3 bytes.
    #expect(LegacyText.convert("Qu¶ng Nam", from: .tcvn3) == "Quảng Nam")
    #expect(LegacyText.convert("B¸t X¸t", from: .tcvn3) == "Bát Xát")
    #expect(LegacyText.convert("qu¶ng nam", from: .tcvn3, capitals: true) == "QUẢNG NAM")
    #expect(LegacyText.convert("Xin chaøo", from: .vni) == "Xin chào")
    // ư is 0xAD, the soft hyphen: it must survive.
    #expect(LegacyText.convert("H\u{AD}ng", from: .tcvn3) == "Hưng")
    #expect(LegacyText.encoding(forFont: ".VnTime")! == (.tcvn3, false))
    #expect(LegacyText.encoding(forFont: ".VnTimeH")! == (.tcvn3, true))
    #expect(LegacyText.encoding(forFont: "VNI-Times")! == (.vni, false))
    #expect(LegacyText.encoding(forFont: "Times New Roman") == nil)
  }

  @Test(arguments: ["Số hộ nghèo cuối năm", "SO HO NGHEO CUOI NAM", "so ho ngheo  cuoi nam", "Số hộ nghèo, cuối năm!"])
  func foldsHeaders(_ text: String) {
    #expect(TextFolding.fold(text) == "so ho ngheo cuoi nam")
  }

  @Test func foldingKeepsDigitsAndDropsUnitMarks() {
    #expect(TextFolding.fold("so ho ngheo  cuoi nam (hộ)") == "so ho ngheo cuoi nam ho")
    #expect(TextFolding.fold("Đường số 7") == "duong so 7")
    #expect(TextFolding.fold("Qua\u{0309}ng Nam") == TextFolding.fold("Quảng Nam"))
  }

  /// The table of Latin letters folds every scalar of its blocks, alone and between
  /// letters, as Unicode normalisation does.
  @Test func latinTableFoldsAsNormalisationDoes() {
    var compared = 0
    for v in Array(0x00A0...0x024F) + Array(0x1E00...0x1EFF) + Array(0x2000...0x206F) {
      guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
      for text in [String(Character(scalar)), "a\(scalar)b", "Ô \(scalar)\u{0301} 5"] {
        #expect(TextFolding.fold(text) == TextFolding.foldUnicode(text), "U+\(String(v, radix: 16))")
        compared += 1
      }
    }
    #expect(compared == 3 * (0x024F - 0x00A0 + 1 + 0x100 + 0x70))
    #expect(TextFolding.fold("Giai đoạn 2016–2020 … Tỷ lệ\u{00A0}%") == "giai doan 2016 2020 ty le")
  }

  @Test func weakEvidenceIsSaidSo() {
    // Three letters that read as Vietnamese in more than one legacy encoding.
    let detection = EncodingDetector.detect([0x61, 0xE0, 0x20, 0x62])
    #expect(detection.isWeak)
  }

  @Test func encodingNamesAreForgiving() {
    #expect(TextEncoding(name: "UTF8") == .utf8)
    #expect(TextEncoding(name: "cp1258") == .windows1258)
    #expect(TextEncoding(name: "ABC") == .tcvn3)
    #expect(TextEncoding(name: "VNI-Windows") == .vni)
    #expect(TextEncoding(name: "ebcdic") == nil)
  }
}
