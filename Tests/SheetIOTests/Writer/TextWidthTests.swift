import Foundation
import Testing

@testable import SheetIO

/// Text measured in Times New Roman's metrics, for column widths and row heights.
@Suite struct TextWidthTests {
  @Test func lettersTakeTheWidthsOfTheirMetrics() {
    // H 722, u 500, y 500, ệ as e 444, n 500: 2,666 thousandths of 12 points.
    #expect(TextWidth.points("Huyện", size: 12) == 31.992)
    // Bold: Đ as D 722, ơ as o 500, n 556, space 250, v 500, ị as i 278.
    #expect(TextWidth.points("Đơn vị", size: 12, bold: true) == 33.672)
    // Decomposed letters are as wide as composed ones: the marks take no room.
    #expect(
      TextWidth.points("Quảng Nam".decomposedStringWithCanonicalMapping, size: 12)
        == TextWidth.points("Quảng Nam", size: 12))
    #expect(TextWidth.points("", size: 12) == 0)
    // Anything outside the tables counts as a digit.
    #expect(TextWidth.points("中", size: 10) == 5)
  }

  @Test func aColumnWidthHoldsTheTextItWasMadeFor() {
    for points in stride(from: 8.3, through: 600, by: 7.3) {
      let width = TextWidth.columnWidth(points: points)
      #expect(TextWidth.usablePoints(columnWidth: width) >= points)
      // Never more than a quarter of a unit too wide.
      #expect(TextWidth.usablePoints(columnWidth: width - 0.25) < points)
    }
  }

  @Test func wrappingBreaksAtSpacesAndCutsOnlyWordsLongerThanALine() {
    let one = TextWidth.columnWidth(points: TextWidth.points("Giảm nghèo", size: 12))
    #expect(TextWidth.lines("Giảm nghèo", columnWidth: one, size: 12) == 1)
    #expect(TextWidth.lines("Giảm nghèo Giảm nghèo", columnWidth: one, size: 12) == 2)
    #expect(TextWidth.lines("Giảm nghèo\nGiảm\n\nnghèo", columnWidth: one, size: 12) == 4)
    // A word three times the line takes three lines; what follows starts a fourth.
    let word = String(repeating: "0", count: 30)
    let ten = TextWidth.columnWidth(points: TextWidth.points(String(repeating: "0", count: 10), size: 12))
    #expect(TextWidth.lines(word, columnWidth: ten, size: 12) == 3)
    #expect(TextWidth.lines(word + " 0", columnWidth: ten, size: 12) == 4)
    #expect(TextWidth.lines("", columnWidth: ten, size: 12) == 1)
  }
}
