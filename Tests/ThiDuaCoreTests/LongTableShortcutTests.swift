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
}
