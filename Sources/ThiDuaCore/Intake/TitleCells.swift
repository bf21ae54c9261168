import SheetIO

/// The cells of some rows of a sheet that can be column titles, cut into words: text with
/// a word of two letters or more, not a field code, not a sentence.
struct TitleCells: Sendable {
  /// Title cells by their address (the anchor, for a merged one).
  var cells: [CellAddress: HeaderCell] = [:]
  /// Row → the title cells anchored in it, with their spans, in column order.
  var byRow: [Int: [(anchor: CellAddress, span: Int)]] = [:]
  /// Row → how many cells hold a figure (a number, or text that reads as one), counted up
  /// to two: a row with two is data, and no header (`HeaderBlock`) takes its titles.
  var figuresByRow: [Int: Int] = [:]

  /// Titles are short: a sentence (an instruction, a note) is not a column title.
  static let maxWords = 25

  /// Figures that make a row data rather than a header.
  static let dataFigures = 2

  /// A number, a date, or text that reads as a number (`2.345`, `0,52%`): not a caption
  /// such as `(1)` or `3=2/1*100`, which a header's numbering row holds.
  static func isFigure(_ value: CellValue) -> Bool {
    switch value {
    case .number(let n): return !(n == n.rounded() && abs(n) < 100)
    case .date: return true
    case .text(let t):
      guard !RowClassifier.isCaption(t) else { return false }
      if case .number = VietnameseNumber.read(t) { return true }
      return false
    default: return false
    }
  }

  /// Whether `text` has more than `limit` runs of letters and digits: folding never joins
  /// two runs (it drops marks and splits at punctuation), so the folded text has more words.
  static func hasMoreWords(_ text: String, than limit: Int) -> Bool {
    var runs = 0
    var inRun = false
    for scalar in text.unicodeScalars {
      let part =
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        || (0x0300...0x036F).contains(scalar.value)
      if part && !inRun {
        runs += 1
        if runs > limit { return true }
      }
      inRun = part
    }
    return false
  }

  /// Whether `text` can title a column: `%`, or a word of two letters or more that is not
  /// a Roman numeral (`II` labels a block, `B` a column letter), and it is not a field
  /// code (`ho_ngheo`, the template's business).
  static func isTitle(_ text: String) -> Bool {
    guard !text.utf8.contains(UInt8(ascii: "_")) else { return false }
    // `%` alone titles a rate column (under `Số hộ nghèo cuối năm`).
    if text.trimmingSpaces.trimming("()") == "%" {
      return true
    }
    var run = 0
    var roman = true
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic {
        run += 1
        if !"IVXivx".unicodeScalars.contains(scalar) { roman = false }
      } else {
        if run >= 2 && !roman { return true }
        run = 0
        roman = true
      }
    }
    return run >= 2 && !roman
  }
}

/// The title cells of one sheet, judged a row at a time when a header search or the end
/// of a table asks for the row, and kept. A row is judged for figures first: one with two
/// figures is data, its text is never cut into words (a list's thousands of names).
final class SheetTitles {
  private let grid: SheetGrid
  private let notTitles: [String]
  private var judgedRows: [Int: (figures: Int, titles: [(anchor: CellAddress, cell: HeaderCell)])] = [:]
  /// A text is judged once however many cells repeat it (a list's villages and classes).
  private var figureTexts: [String: Bool] = [:]
  private var titleTexts: [String: HeaderText?] = [:]

  /// `notTitles`: the starts of text that heads no column (`Đơn vị tính: …`).
  init(_ grid: SheetGrid, skipping notTitles: [String] = []) {
    self.grid = grid
    self.notTitles = notTitles
  }

  /// The title cells of `rows`.
  func titles(_ rows: ClosedRange<Int>) -> TitleCells {
    var part = TitleCells()
    for row in rows where row >= 1 && row <= grid.lastRow {
      let judged = judge(row)
      if judged.figures > 0 { part.figuresByRow[row] = judged.figures }
      guard !judged.titles.isEmpty else { continue }
      part.byRow[row] = judged.titles.map { ($0.anchor, $0.cell.span) }
      for (anchor, cell) in judged.titles { part.cells[anchor] = cell }
    }
    return part
  }

  private func judge(_ row: Int) -> (figures: Int, titles: [(anchor: CellAddress, cell: HeaderCell)]) {
    if let known = judgedRows[row] { return known }
    let cells = grid.cells(inRow: row)
    // Numbers first: they cost nothing to judge, and two of them settle the row.
    var figures = 0
    for cell in cells where figures < TitleCells.dataFigures {
      if case .text = cell.value { continue }
      if TitleCells.isFigure(cell.value) { figures += 1 }
    }
    for cell in cells where figures < TitleCells.dataFigures {
      guard case .text(let text) = cell.value else { continue }
      if isFigure(text) { figures += 1 }
    }
    var titles: [(anchor: CellAddress, cell: HeaderCell)] = []
    if figures < TitleCells.dataFigures {
      for cell in cells {
        guard case .text(let text) = cell.value, let words = titleWords(text) else { continue }
        let range = grid.mergedRange(anchoredAt: cell.address)
        let span = range.map { $0.last.column - $0.first.column + 1 } ?? 1
        titles.append((cell.address, HeaderCell(text: words, span: span)))
      }
    }
    judgedRows[row] = (figures, titles)
    return (figures, titles)
  }

  private func isFigure(_ text: String) -> Bool {
    if let known = figureTexts[text] { return known }
    let figure = TitleCells.isFigure(.text(text))
    figureTexts[text] = figure
    return figure
  }

  /// The words of `text` when it can title a column, else nil.
  private func titleWords(_ text: String) -> HeaderText? {
    if let known = titleTexts[text] { return known }
    let words = Self.titleWords(text, notTitles)
    titleTexts.updateValue(words, forKey: text)
    return words
  }

  private static func titleWords(_ text: String, _ notTitles: [String]) -> HeaderText? {
    guard TitleCells.isTitle(text) else { return nil }
    // `Đơn vị tính: hộ, %` above a table says the units of every column; it heads none.
    if !notTitles.isEmpty, FoldedVocabulary.starts(TextFolding.fold(text), with: notTitles) { return nil }
    // A sentence is passed over before it is folded (a criterion's text, a note).
    guard !TitleCells.hasMoreWords(text, than: TitleCells.maxWords) else { return nil }
    let words = HeaderText(text)
    guard !words.isEmpty, words.words.count <= TitleCells.maxWords else { return nil }
    return words
  }
}
