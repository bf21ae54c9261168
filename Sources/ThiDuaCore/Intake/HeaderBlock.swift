import Foundation
import SheetIO

/// A candidate header: one to three consecutive rows, and for each column the path of
/// header cells above it, top first (`Hộ nghèo cuối năm` → `Tỷ lệ %`). A merged cell gives
/// its text to every column it covers.
struct HeaderBlock: Sendable {
  var rows: ClosedRange<Int>
  /// Column → its header cells, top first.
  var paths: [Int: [HeaderCell]]
  /// Column → a key naming its cells, so that scores are computed once per path.
  var keys: [Int: String]

  /// The block of `rows`, or nil when they cannot be one header: a row without a title
  /// of its own, or a lone title spanning the table (a heading above it, not a parent).
  init?(_ grid: SheetGrid, rows: ClosedRange<Int>, titles: TitleCells, years: ClosedRange<Int>) {
    var paths: [Int: [HeaderCell]] = [:]
    var keys: [Int: String] = [:]
    var anchorsByRow: [Int: [(anchor: CellAddress, span: Int)]] = [:]
    for row in rows {
      // A row with figures is data, not a header (the first area under a one-row header).
      guard let anchors = titles.byRow[row], !anchors.isEmpty, (titles.figuresByRow[row] ?? 0) < 2 else { return nil }
      anchorsByRow[row] = anchors
    }
    // A parent typed over the first of its columns only (a CSV, a sheet without merges)
    // spans the empty cells right of it that have titles below, up to a long title that
    // stands alone in the bottom row (`Chỉ tiêu giảm tỷ lệ hộ nghèo được giao`) — unless
    // a short child follows it under the same parent (`Thoát nghèo | Tỷ lệ hộ thoát
    // nghèo % | Tái nghèo` under `Diễn biến trong năm`). Lower rows first, so that a
    // middle row's parents are known when the top row's are read.
    var spans: [CellAddress: Int] = [:]
    var coveredBy: [CellAddress: CellAddress] = [:]
    for row in rows.reversed() where row < rows.upperBound {
      for (anchor, span) in anchorsByRow[row]! where span == 1 {
        func opens(_ column: Int) -> Bool {
          Self.isOpen(grid, row, column, coveredBy)
            && !Self.startsParent(grid, above: row, column, of: anchor.column, in: rows, titles)
            && ((row + 1)...rows.upperBound).contains(where: { Self.hasTitle(grid, $0, column, titles) })
        }
        func alone(_ column: Int) -> Bool { Self.standsAlone(grid, below: row, column, in: rows, titles, coveredBy) }
        func childFollows(_ column: Int) -> Bool {
          var next = column + 1
          while opens(next) {
            if !alone(next) { return true }
            next += 1
          }
          return false
        }
        var column = anchor.column + 1
        while opens(column), !alone(column) || childFollows(column) {
          coveredBy[CellAddress(row: row, column: column)] = anchor
          column += 1
        }
        if column > anchor.column + 1 { spans[anchor] = column - anchor.column }
      }
    }
    for (anchor, span) in spans {
      anchorsByRow[anchor.row] = anchorsByRow[anchor.row]!.map { $0.anchor == anchor ? (anchor, span) : $0 }
    }
    let columns = Set(
      rows.flatMap { row in anchorsByRow[row]!.flatMap { $0.anchor.column..<($0.anchor.column + $0.span) } })
    // A heading above the table is not a parent: a row holding one title only, that
    // spans most of the table or stands over its first column (where `STT` or the area's
    // name is), nothing merged down from it.
    if rows.count > 1, let first = columns.min() {
      for row in rows where row < rows.upperBound {
        let anchors = anchorsByRow[row]!
        guard anchors.count == 1 else { continue }
        let (anchor, span) = anchors[0]
        let mergedDown = grid.mergedRange(anchoredAt: anchor).map { $0.last.row > $0.first.row } ?? false
        if span >= 3 && span * 5 >= columns.count * 4 { return nil }
        if anchor.column == first && !mergedDown { return nil }
      }
    }
    for column in columns.sorted() {
      var path: [HeaderCell] = []
      var seen: Set<CellAddress> = []
      for row in rows {
        let here = CellAddress(row: row, column: column)
        let anchor = coveredBy[here] ?? grid.anchor(of: here)
        guard anchor.row >= rows.lowerBound, !seen.contains(anchor), var cell = titles.cells[anchor] else { continue }
        seen.insert(anchor)
        if let span = spans[anchor] {
          cell.span = span
          cell.inferred = column != anchor.column
        }
        path.append(cell)
      }
      if !path.isEmpty {
        paths[column] = path
      }
    }
    guard !paths.isEmpty else { return nil }
    Self.markConsecutiveYears(&paths, years: years)
    Self.giveRatesTheirSubject(&paths)
    // The key is the path as scored: the same cells read differently in another block
    // (another year marked, another parent spanning them).
    for (column, path) in paths {
      keys[column] = path.map { cell in
        cell.text.words.map { $0.aside ? "(" + $0.text + ")" : $0.text }.joined(separator: " ") + "#\(cell.span)"
          + (cell.inferred ? "?" : "")
      }.joined(separator: "|")
    }
    self.rows = rows
    self.paths = paths
    self.keys = keys
  }
}

extension HeaderBlock {
  /// An empty cell that no merge, real or inferred, covers.
  private static func isOpen(
    _ grid: SheetGrid, _ row: Int, _ column: Int, _ coveredBy: [CellAddress: CellAddress]
  ) -> Bool {
    let here = CellAddress(row: row, column: column)
    return grid.value(row, column).isEmpty && grid.anchor(of: here) == here && coveredBy[here] == nil
  }

  /// Whether the row above starts another parent at `column` (a title of its own, or a
  /// merge other than the one over the anchor's column): a parent ends under its parent.
  private static func startsParent(
    _ grid: SheetGrid, above row: Int, _ column: Int, of anchorColumn: Int, in rows: ClosedRange<Int>,
    _ titles: TitleCells
  ) -> Bool {
    guard row > rows.lowerBound else { return false }
    let here = CellAddress(row: row - 1, column: column)
    if titles.cells[here] != nil { return true }
    let over = grid.anchor(of: here)
    return over != here && over != grid.anchor(of: CellAddress(row: row - 1, column: anchorColumn))
  }

  /// A column whose only title is a long one in the bottom row, nothing between: a
  /// column of its own, not a child of the parent on its left.
  private static func standsAlone(
    _ grid: SheetGrid, below row: Int, _ column: Int, in rows: ClosedRange<Int>, _ titles: TitleCells,
    _ coveredBy: [CellAddress: CellAddress]
  ) -> Bool {
    let middle = (row + 1)..<rows.upperBound
    guard middle.allSatisfy({ isOpen(grid, $0, column, coveredBy) }),
      let bottom = titles.cells[grid.anchor(of: CellAddress(row: rows.upperBound, column: column))]
    else { return false }
    return bottom.text.words.filter { !$0.aside }.count > childWords
  }

  /// Words a child title under an unmerged parent has at most: `Số hộ nghèo phát sinh`.
  static let childWords = 5

  /// A title stands in the cell, or in the merge covering it.
  private static func hasTitle(_ grid: SheetGrid, _ row: Int, _ column: Int, _ titles: TitleCells) -> Bool {
    titles.cells[grid.anchor(of: CellAddress(row: row, column: column))] != nil
  }

  /// A header that names two consecutive years (`Hộ nghèo năm 2016` | `Hộ nghèo năm
  /// 2017`, or `cuối năm 2016` for the start of 2017) tells start from end by them: the
  /// earlier year's cells read as `đầu năm`, the later one's as `cuối năm` (words set
  /// aside, so they cost nothing when unexplained).
  static func markConsecutiveYears(_ paths: inout [Int: [HeaderCell]], years range: ClosedRange<Int>) {
    var seen: Set<Int> = []
    for path in paths.values {
      for cell in path {
        for word in cell.text.words { if let y = Int(word.text), range.contains(y) { seen.insert(y) } }
      }
    }
    guard seen.count == 2, let earlier = seen.min(), let later = seen.max(), later == earlier + 1 else { return }
    for column in paths.keys {
      for i in paths[column]!.indices {
        let words = paths[column]![i].text.words.map(\.text)
        let mark =
          words.contains(String(earlier)) ? ["dau", "nam"] : words.contains(String(later)) ? ["cuoi", "nam"] : []
        guard !mark.isEmpty else { continue }
        // "cuối năm 2016" is the start of 2017: its own words no longer say end.
        if mark[0] == "dau" {
          paths[column]![i].text.words.removeAll { $0.text == "cuoi" }
        }
        paths[column]![i].text.words += mark.map { HeaderText.Word(text: $0, aside: true) }
      }
    }
  }
}

extension HeaderBlock {
  /// Words that only say "a rate": `Tỷ lệ`, `Tỷ lệ (%)`, `%`.
  private static let rateWords: Set<String> = ["ty", "ti", "le", "%", "phan", "tram"]

  /// A rate titled only `Tỷ lệ (%)` is the rate of the count on its left under the same
  /// parent (`Đầu năm` over `Số hộ nghèo | Tỷ lệ (%)`): it takes that count's words, set
  /// aside so they cost nothing when unexplained.
  static func giveRatesTheirSubject(_ paths: inout [Int: [HeaderCell]]) {
    for column in paths.keys.sorted() {
      guard let path = paths[column], let leaf = path.last,
        leaf.text.words.contains(where: { !$0.aside }),
        leaf.text.words.allSatisfy({ $0.aside || rateWords.contains($0.text) }),
        let left = paths[column - 1], let subject = left.last, left.count == path.count,
        zip(left.dropLast(), path.dropLast()).allSatisfy({ $0.0 == $0.1 })
      else { continue }
      let words = subject.text.words.filter { !rateWords.contains($0.text) }.map {
        HeaderText.Word(text: $0.text, aside: true)
      }
      paths[column]![path.count - 1].text.words += words
    }
  }
}
