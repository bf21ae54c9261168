import SheetIO

/// A line of text that may say who sent a file and for which year: a cell above a
/// table (a letterhead, a title), a line of a cover sheet, a cell below a table, or the
/// file name. Cells with several lines give one line each.
struct TitleLine: Sendable {
  enum Place: String, Sendable {
    /// Above a form's header, on a visible sheet.
    case title
    /// Near the top of a visible sheet without a form (a cover letter).
    case cover
    /// Below a table (a signature block, notes).
    case below
    /// On a hidden sheet.
    case hidden
    case fileName = "file-name"
  }

  var text: String
  var folded: String
  var place: Place
  var sheet: String?
  var cell: CellAddress?

  /// How much a line's evidence counts, by where it stands.
  var weight: Double {
    switch place {
    case .title: return 3
    case .fileName: return 2
    case .cover: return 2
    case .below: return 0.5
    case .hidden: return 0.5
    }
  }
}

extension TitleLine {
  /// The lines of `grid` in rows `rows` (every column), top to bottom, left to right.
  static func lines(_ grid: SheetGrid, rows: ClosedRange<Int>, place: Place) -> [TitleLine] {
    guard !rows.isEmpty else { return [] }
    var lines: [TitleLine] = []
    let addresses = grid.cells.keys.filter { rows.contains($0.row) }.sorted()
    for address in addresses {
      guard case .text(let text) = grid.cells[address]?.value else { continue }
      for part in text.split(whereSeparator: \.isNewline) {
        let line = String(part)
        let folded = TextFolding.fold(line)
        guard !folded.isEmpty else { continue }
        lines.append(TitleLine(text: line, folded: folded, place: place, sheet: grid.sheet.name, cell: address))
      }
    }
    return lines
  }

  /// The file's own name, without its folders and extension, as a line.
  static func fileName(_ name: String) -> TitleLine {
    var stem = Substring(name.split(separator: "/").last ?? Substring(name))
    if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
    // `BaoCao_NuiThanh` and `bao-cao-nui-thanh` read as words.
    var spaced = ""
    var previous: Character?
    for ch in stem {
      if let p = previous, p.isLowercase, ch.isUppercase { spaced.append(" ") }
      spaced.append(ch)
      previous = ch
    }
    return TitleLine(text: String(stem), folded: TextFolding.fold(spaced), place: .fileName)
  }
}
