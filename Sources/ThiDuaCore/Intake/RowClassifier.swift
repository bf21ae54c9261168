import Foundation
import SheetIO

/// Sorts the rows under a header: data rows; the grand total wherever it stands (first,
/// last); block rows (`I` / `Khu vực thành thị`), with their subtotals when they carry
/// figures; rows of column numbers or letters (`A B 1 2 3=2/1*100`); label rows without
/// figures; and the end of the table at a note, a date line or a signature block.
struct RowClassifier {
  let table: DetectedTable
  let grid: SheetGrid
  let vocabulary: FoldedVocabulary
  /// The unit that sent the sheet: a row naming it is its total.
  let sender: RegistryUnit?
  /// Matches area names to registry units, to keep an area row that lacks every figure.
  let registry: UnitIdentifier?
  let startsAnotherTable: (Int) -> Bool

  struct Result {
    var data: [Int] = []
    var total: Int?
    var subtotals: [DetectedTable.Subtotal] = []
  }

  func classify() -> Result {
    var result = Result()
    let columns = Set(table.columns.keys).union(table.unmapped)
    guard let first = columns.min(), let last = columns.max() else { return result }
    let span = first...last
    // The column naming each row (an area, a nominee, a criterion), as the form's role says.
    let label = table.form.role?.rowLabel
    let nameColumn = table.columns.first { $0.value == label }?.key
    let numeric = table.columns.filter { fieldType($0.value)?.isNumeric == true }.map(\.key)
    let ordinal = ordinalColumn(in: span)
    // A poverty row is its figures; a nominee or a criterion may be all text.
    let requiresFigures = table.form.fields.contains {
      $0.isRequired && $0.type.isNumeric
    }
    let required = table.columns.filter { code in table.form.fields.contains { $0.name == code.value && $0.isRequired }
    }.map(\.key)
    func hasRequired(_ row: Int) -> Bool { required.contains { !grid.value(row, $0).isEmpty } }
    // The open block: its row and whether it carries figures, and the rows under it.
    var block: (row: Int, counts: Bool, members: [Int])?
    func closeBlock() {
      if let open = block, open.counts { result.subtotals.append(.init(row: open.row, members: open.members)) }
      block = nil
    }
    var row = table.headerRows.upperBound
    while row < grid.lastRow {
      row += 1
      let present = grid.cells(inRow: row, within: span)
      if present.isEmpty { continue }
      let values = present.map(\.value)
      if startsAnotherTable(row) { break }
      if isNumberingRow(values) { continue }
      let label =
        nameColumn.flatMap { grid.value(row, $0).text } ?? present.lazy.compactMap(\.value.text).first
      let folded = label.map(TextFolding.fold) ?? ""
      if endsTable(folded) { break }
      if FoldedVocabulary.starts(folded, with: vocabulary.subRowLabels) { continue }
      if label.map({ $0.trimmingSpaces.hasSuffix(":") }) == true { continue }
      let hasFigures = numeric.contains { isFigure(grid.value(row, $0)) }
      let ordinalText = ordinal.flatMap { grid.value(row, $0).text }
      if let label, isTotal(label, folded) {
        if result.total == nil && (block == nil || FoldedVocabulary.contains(folded, vocabulary.grandTotalWords)) {
          result.total = row
        } else if let open = block {
          result.subtotals.append(.init(row: row, members: open.members))
          block = (open.row, false, [])
        } else {
          result.subtotals.append(.init(row: row, members: result.data))
        }
        continue
      }
      if isBlockLabel(folded, ordinal: ordinalText) {
        closeBlock()
        block = (row, hasFigures, [])
        continue
      }
      if !(requiresFigures ? hasFigures : hasRequired(row)) && !namesArea(label) { continue }
      result.data.append(row)
      block?.members.append(row)
    }
    closeBlock()
    return result
  }

  private func fieldType(_ code: String) -> FieldSchema.FieldType? {
    table.form.fields.first { $0.name == code }?.type
  }

  /// The column titled `TT`, `STT`, `Số TT` …: it numbers areas and labels blocks.
  private func ordinalColumn(in span: ClosedRange<Int>) -> Int? {
    span.first { column in
      table.headerRows.contains { row in
        grid.headerText(row, column).map { vocabulary.ordinalTitles.contains(TextFolding.fold($0)) } ?? false
      }
    }
  }

  /// A note, a signature block or a date line ends the table: what follows is not data.
  private func endsTable(_ folded: String) -> Bool {
    FoldedVocabulary.starts(folded, with: vocabulary.footerLabels)
      || FoldedVocabulary.starts(folded, with: vocabulary.noteLabels)
      || FoldedVocabulary.starts(folded, with: vocabulary.reportDateLabels) || DateLine.isDateLine(folded)
  }

  /// `Tổng cộng`, `Cộng`, `Toàn huyện` …, or the sender's own name.
  private func isTotal(_ label: String, _ folded: String) -> Bool {
    if vocabulary.isTotalLabel(label) { return true }
    guard let sender, let registry else { return false }
    return registry.names(folded, sender)
  }

  /// `I`, `II`, `A` in the ordinal column, or a label such as `Khu vực thành thị`.
  private func isBlockLabel(_ folded: String, ordinal: String?) -> Bool {
    if let ordinal {
      let mark = ordinal.trimmingSpaces.trimming(".)")
      if !mark.isEmpty, mark.count <= 4, mark.allSatisfy({ "IVX".contains($0) }) { return true }
      if mark.count == 1, let c = mark.first, c.isUppercase, c.isLetter { return true }
    }
    return FoldedVocabulary.starts(folded, with: vocabulary.blockLabels)
  }

  /// A number, or text that reads as one (`2.345`, `0,52%`, `-`): not a date, not a word.
  private func isFigure(_ value: CellValue) -> Bool {
    switch value {
    case .number: return true
    case .text(let t):
      if case .notANumber = VietnameseNumber.read(t) { return false }
      return true
    default: return false
    }
  }

  private func namesArea(_ label: String?) -> Bool {
    guard let label, let registry, let sender else { return false }
    return !registry.match(label, among: registry.registry.children(of: sender.code)).units.isEmpty
  }

  /// `(1) (2) (3)`, `1 2 3`, `A B C`, `3=2/1*100`: captions under a header, not data.
  private func isNumberingRow(_ values: [CellValue]) -> Bool {
    var count = 0
    for value in values {
      switch value {
      case .empty: continue
      case .text(let t):
        guard Self.isCaption(t) else { return false }
        count += 1
      case .number(let n) where n == n.rounded() && abs(n) < 100:  // "(1)" typed from CSV is −1
        count += 1
      default: return false
      }
    }
    return count >= 3
  }

  /// A column caption: a number, a letter or a Roman numeral, in parentheses or not, or a
  /// formula over column numbers (`4=3/1*100`, `9=1-2+3`).
  static func isCaption(_ text: String) -> Bool {
    // Two Latin letters, one not of a Roman numeral, and no `=`: neither a number, nor one
    // letter, nor `II`, nor a formula (Vietnamese names and words, read by the thousand).
    if !text.utf8.contains(UInt8(ascii: "=")), wordLike(text) { return false }
    let t = text.trimmingSpaces
    guard !t.isEmpty, t.count <= 24 else { return false }
    let inner = t.trimming("()[]")
    if !inner.isEmpty, inner.allSatisfy(\.isNumber) { return true }
    if inner.count == 1, inner.first!.isLetter { return true }
    if !inner.isEmpty, inner.count <= 4, inner.allSatisfy({ "IVX".contains($0) }) { return true }
    return inner.contains("=") && inner.allSatisfy { $0.isNumber || "=+-*/x×:.,() ".contains($0) }
  }

  /// Whether `text` has two letters of the Latin blocks (Vietnamese letters among them),
  /// one of them not `I`, `V` or `X`.
  private static func wordLike(_ text: String) -> Bool {
    var letters = 0
    var notRoman = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      let latin =
        (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || ((0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7)
        || (0x1E00...0x1EFF).contains(v)
      guard latin else { continue }
      letters += 1
      if v != 0x49 && v != 0x56 && v != 0x58 { notRoman = true }
      if letters >= 2 && notRoman { return true }
    }
    return false
  }

}
