/// How wide a text prints in Times New Roman, so that a column can be as wide as what it
/// holds and a wrapped row as tall as its lines: libxlsxwriter cannot measure text.
///
/// The advance widths are those of Adobe's Times-Roman and Times-Bold font metrics
/// (AFM, thousandths of an em), which Times New Roman and its metric twin Liberation
/// Serif follow within a few per cent. A Vietnamese letter is as wide as its base letter
/// (`ệ` as `e`, `Đ` as `D`, from `TextFolding`'s table); any other character counts as a
/// digit.
public enum TextWidth {
  /// The width in points of one line of `text` at `size` points.
  public static func points<S: StringProtocol>(_ text: S, size: Double, bold: Bool = false) -> Double {
    thousandths(text, bold: bold) * size / 1000
  }

  /// The advance of `text` in thousandths of an em.
  private static func thousandths<S: StringProtocol>(_ text: S, bold: Bool) -> Double {
    Double(text.unicodeScalars.reduce(0) { $0 + advance($1, bold: bold) })
  }

  /// The column width, in Excel's unit (the width of the digit 0 of the workbook's
  /// default font, Calibri 11: 7 pixels, plus 5 pixels of padding), in which a line of
  /// `points` fits with the cell's margins.
  public static func columnWidth(points: Double) -> Double {
    let pixels = points * 4 / 3 + margin
    return ((pixels - 5) / 7 * 4).rounded(.up) / 4
  }

  /// The points of text a column of `width` (Excel's unit) shows on one line.
  public static func usablePoints(columnWidth width: Double) -> Double {
    max((width * 7 + 5 - margin) * 3 / 4, 1)
  }

  /// Pixels a cell keeps free besides its text (a few on each side, and the border).
  static let margin = 9.0

  /// Lines that `text` takes when wrapped at spaces in a column of `width`; a word
  /// longer than a line is broken between letters, as Excel and LibreOffice do.
  public static func lines(_ text: String, columnWidth width: Double, size: Double, bold: Bool = false) -> Int {
    let room = usablePoints(columnWidth: width) * 1000 / size
    let space = Double(advance(" ", bold: bold))
    var count = 0
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var lines = 1
      var used = 0.0
      for word in paragraph.split(separator: " ") {
        let w = thousandths(word, bold: bold)
        if used > 0 && used + space + w <= room {
          used += space + w
          continue
        }
        if used > 0 {
          lines += 1
          used = 0
        }
        if w <= room {
          used = w
          continue
        }
        for scalar in word.unicodeScalars {
          let a = Double(advance(scalar, bold: bold))
          if used > 0 && used + a > room {
            lines += 1
            used = 0
          }
          used += a
        }
      }
      count += lines
    }
    return max(count, 1)
  }

  private static func advance(_ scalar: Unicode.Scalar, bold: Bool) -> Int {
    let v = scalar.value
    if v >= 0x20 && v < 0x7F {
      return Int((bold ? boldASCII : regularASCII)[Int(v - 0x20)])
    }
    switch v {
    case 0x0300...0x036F: return 0  // combining marks sit on their letter
    case 0x2013, 0x2212: return 500  // – −
    case 0x2014, 0x2026, 0x2030: return 1000  // — … ‰
    case 0x2018, 0x2019, 0x203A, 0x2039: return 333  // ‘ ’ › ‹
    case 0x201C, 0x201D: return bold ? 500 : 444  // “ ”
    case 0x00A0: return 250  // no-break space
    default: break
    }
    // A Latin letter with diacritics by its base letter, in its own case.
    guard let base = LatinBase.table.letter(v), base != LatinBase.separator else { return 500 }
    return advance(Unicode.Scalar(scalar.properties.isUppercase ? base - 0x20 : base), bold: bold)
  }

  /// Times-Roman advance widths of U+0020…U+007E.
  private static let regularASCII: [UInt16] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,  // space … /
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,  // 0 … ?
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,  // @ … O
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,  // P … _
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,  // ` … o
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,  // p … ~
  ]

  /// Times-Bold advance widths of U+0020…U+007E.
  private static let boldASCII: [UInt16] = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,  // space … /
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,  // 0 … ?
    930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,  // @ … O
    611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,  // P … _
    333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,  // ` … o
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,  // p … ~
  ]
}
