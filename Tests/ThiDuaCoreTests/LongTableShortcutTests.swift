import Foundation
import Testing

@testable import SheetIO
@testable import ThiDuaCore

/// The shortcuts that make a long list cheap to read answer as the long way does.
@Suite struct LongTableShortcutTests {
  @Test func captionsAreTheSameByTheShortcuts() {
    let captions = [
      "(1)", "1", " 12 ", "[3]", "A", "b", "II", "IV", "II\u{00A0}", "(XI)", "3=2/1*100", "4 = 3 x 100", "9=1-2+3",
      "Ⅻ", "١٢", "Đ", "(ư)",
    ]
    let notCaptions = [
      "", "  ", "Nguyễn Văn An", "Thôn 4", "Nghèo", "NT", "HO-20944-0001", "Tổng cộng", "IIX V", "12a", "x1",
      "Ấp Bình Minh", "II Khu vực", "1234567890123456789012345", "=SUM(A1)",
    ]
    for text in captions { #expect(RowClassifier.isCaption(text), "\(text)") }
    for text in notCaptions { #expect(!RowClassifier.isCaption(text), "\(text)") }
  }

  @Test func headerWordsAreTheSameWithoutBrackets() {
    #expect(HeaderText("Họ và tên chủ hộ").words.map(\.text) == ["ho", "va", "ten", "chu", "ho"])
    #expect(HeaderText("Họ và tên chủ hộ").words.allSatisfy { !$0.aside })
    let rate = HeaderText("Tỷ lệ hộ nghèo (%)")
    #expect(rate.words.map(\.text) == ["ty", "le", "ho", "ngheo", "%"])
    #expect(rate.words.map(\.aside) == [false, false, false, false, true])
  }

  @Test func diacriticsAreSeenAsDecompositionSeesThem() {
    var compared = 0
    for v in Array(0x00A0...0x024F) + Array(0x0300...0x036F) + Array(0x1E00...0x1EFF) + Array(0x2000...0x206F) {
      guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
      for text in [String(Character(scalar)), "ab \(scalar) 5"] {
        #expect(
          TextFolding.hasDiacritics(text) == TextFolding.decomposedHasDiacritics(text), "U+\(String(v, radix: 16))")
        compared += 1
      }
    }
    #expect(compared == 2 * (0x024F - 0x00A0 + 1 + 0x70 + 0x100 + 0x70))
    // Outside the table: decomposed whole.
    for (text, marked) in [
      ("Cộng", true), ("Cong ty", false), ("Đội 1", true), ("ё", true), ("Привет", false), ("東京", false), ("", false),
    ] {
      #expect(TextFolding.hasDiacritics(text) == marked, "\(text)")
    }
  }

  @Test func phrasesStartTextAsWholeWords() {
    #expect(FoldedVocabulary.starts("tong cong", with: ["tong cong"]))
    #expect(FoldedVocabulary.starts("tong cong toan xa", with: ["cong", "tong cong"]))
    #expect(!FoldedVocabulary.starts("tong congx", with: ["tong cong"]))
    #expect(!FoldedVocabulary.starts("tong", with: ["tong cong"]))
    #expect(!FoldedVocabulary.starts("", with: ["tong"]))
    #expect(FoldedVocabulary.starts("", with: [""]))
  }

  @Test func dateLinesAreFoundWithoutCuttingEveryLine() {
    #expect(DateLine.isDateLine("tam ky ngay 22 01 2018"))
    #expect(DateLine.isDateLine("ngay thang nam 2018"))
    #expect(DateLine.isDateLine("nui thanh ngay 09 thang 01 nam 2018"))
    #expect(!DateLine.isDateLine("thang 01 nam 2018"))
    #expect(!DateLine.isDateLine("nguyen van ngayen"))
    #expect(!DateLine.isDateLine("ho so 1"))
  }

  /// A row with two figures is data: its text is not cut into words, and no header takes
  /// it; a row with one keeps its titles.
  @Test func aRowWithTwoFiguresHasNoTitles() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-titles-\(UUID().uuidString).csv")
      .path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try "STT,Họ và tên chủ hộ,Thôn,Thu nhập\n150,Nguyễn Văn An,Thôn 1,850000\n2,Trần Thị Bình,Thôn 2,900000\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let source = try CSVWorkbook(path: path)
    let grid = try SheetGrid(source: source, sheet: source.sheets[0], file: "x.csv")
    let titles = SheetTitles(grid).titles(1...3)
    #expect(titles.byRow[1]?.map(\.anchor.description) == ["A1", "B1", "C1", "D1"])
    #expect(titles.byRow[2] == nil)
    #expect(titles.figuresByRow[2] == 2)
    #expect(titles.byRow[3]?.map(\.anchor.description) == ["B3", "C3"])
    #expect(titles.figuresByRow[3] == 1)
    #expect(titles.cells[CellAddress(row: 3, column: 2)]?.text.words.map(\.text) == ["tran", "thi", "binh"])
  }
}
