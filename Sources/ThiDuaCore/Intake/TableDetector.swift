import Foundation
import SheetIO

/// A form found on a sheet: where its header is, which column holds which field, and
/// which rows hold data, totals or notes.
public struct DetectedTable: Sendable {
  public var form: FormSchema
  /// First and last header row (two rows for a merged two-row header).
  public var headerRows: ClosedRange<Int>
  /// Field code by column.
  public var columns: [Int: String]
  public var dataRows: [Int]
  public var totalRow: Int?
  /// True when the sheet carries the field codes of a thidua template.
  public var fromTemplate: Bool

  public func column(of field: String) -> Int? { columns.first { $0.value == field }?.key }
}

/// Finds the header of each form on a sheet: under title rows, over two merged rows, with
/// numbered sub-headers `(1) (2) (3)`, in any column order, with or without diacritics.
public struct TableDetector: Sendable {
  public let forms: [FormSchema]
  /// A header must match at least this many fields (and most of the form's required ones).
  public var minimumFields = 3

  private let matchers: [HeaderMatcher]

  public init(forms: [FormSchema]) {
    self.forms = forms.filter { $0.layout == .rows }
    matchers = self.forms.map(HeaderMatcher.init)
  }

  /// Every table on the sheet, top to bottom: after one table's last row the search
  /// starts again, so a sheet may hold, say, the poverty table and the self-assessment.
  public func detectAll(_ grid: SheetGrid) -> [DetectedTable] {
    var tables: [DetectedTable] = []
    var from = 1
    while from <= grid.lastRow, let table = detect(grid, from: from) {
      tables.append(table)
      let end = max(table.dataRows.last ?? 0, table.totalRow ?? 0, table.headerRows.upperBound)
      guard end >= from else { break }
      from = end + 1
    }
    return tables
  }

  /// The table whose header best matches a form, searched in the 40 rows from `from`.
  public func detect(_ grid: SheetGrid, from: Int = 1) -> DetectedTable? {
    if from == 1, let template = templateTable(grid) { return template }
    var best: (score: Int, table: DetectedTable)?
    let lastHeaderRow = min(grid.lastRow, from + 39)
    guard lastHeaderRow >= from else { return nil }
    // The candidate headers (one row, or two rows read together) are cut into words
    // once; every form then tries each of them.
    var wordsOf: [String: Set<String>] = [:]
    var candidates: [(row: Int, span: Int, words: [Int: Set<String>])] = []
    for row in from...lastHeaderRow {
      for span in [0, 1] where row + span <= grid.lastRow {
        var headers: [Int: Set<String>] = [:]
        for column in 1...max(grid.lastColumn, 1) {
          let parts = (row...(row + span)).compactMap { grid.headerText($0, column) }
          var unique: [String] = []
          // Column titles are short phrases: field codes (`ho_ngheo`, the template's
          // business) and sentences (an instructions sheet) are not titles.
          for p in parts
          where !unique.contains(p) && !p.utf8.contains(UInt8(ascii: "_")) && p.split(separator: " ").count <= 15 {
            unique.append(p)
          }
          guard !unique.isEmpty else { continue }
          let text = unique.joined(separator: " ")
          if let known = wordsOf[text] {
            headers[column] = known
          } else {
            let words = HeaderMatcher.words(text)
            wordsOf[text] = words
            headers[column] = words
          }
        }
        if !headers.isEmpty { candidates.append((row, span, headers)) }
      }
    }
    for (form, matcher) in zip(forms, matchers) {
      for (row, span, headers) in candidates {
        let columns = matcher.match(words: headers)
        let required = form.fields.filter(\.isRequired).map(\.name)
        let requiredFound = required.filter { columns.values.contains($0) }.count
        guard columns.count >= minimumFields, requiredFound * 2 >= required.count else { continue }
        // More fields wins; on a tie the single-row header (span 0) and the earlier row.
        let score = columns.count * 4 - span
        if best == nil || score > best!.score {
          best = (score, table(form, grid, header: row...(row + span), columns: columns, fromTemplate: false))
        }
      }
    }
    return best?.table
  }

  /// A sheet made from a thidua template holds a row of field codes (hidden): the mapping
  /// is exact, whatever the titles above say.
  private func templateTable(_ grid: SheetGrid) -> DetectedTable? {
    guard grid.lastRow >= 1 else { return nil }
    for form in forms {
      let codes = Set(form.fields.map(\.name))
      for row in 1...min(grid.lastRow, 40) {
        var columns: [Int: String] = [:]
        for column in 1...max(grid.lastColumn, 1) {
          if case .text(let t) = grid.value(row, column), codes.contains(t) { columns[column] = t }
        }
        if columns.count * 5 >= codes.count * 4 {  // 80 % of the codes
          return table(form, grid, header: max(1, row - 1)...row, columns: columns, fromTemplate: true)
        }
      }
    }
    return nil
  }

  private func table(
    _ form: FormSchema, _ grid: SheetGrid, header: ClosedRange<Int>, columns: [Int: String], fromTemplate: Bool
  )
    -> DetectedTable
  {
    var dataRows: [Int] = []
    var totalRow: Int?
    let nameColumn = columns.first { $0.value == "ten_dia_ban" || $0.value == "ten" || $0.value == "ma_tieu_chi" }?.key
    let numericColumns = columns.filter { field in
      let type = form.fields.first { $0.name == field.value }?.type
      return type == .integer || type == .number || type == .percent
    }.map(\.key)
    var row = header.upperBound + 1
    while row <= grid.lastRow {
      defer { row += 1 }
      let values = columns.keys.map { grid.value(row, $0) }
      if values.allSatisfy(\.isEmpty) { continue }  // blank row
      // Another table's header ends this one (but a header repeated on a new page does not).
      if startsAnotherTable(grid, row, besides: columns) { break }
      if isNumberingRow(grid, row, columns: Array(columns.keys)) { continue }
      let label: String? =
        nameColumn.flatMap { column -> String? in
          if case .text(let t) = grid.value(row, column) { return t }
          return nil
        }
        ?? (1...max(grid.lastColumn, 1)).lazy.compactMap { column -> String? in
          if case .text(let t) = grid.value(row, column) { return t }
          return nil
        }.first
      if let label, Self.isTotalLabel(label) {
        totalRow = row
        continue
      }
      // Rows below the total, and labelled lines ("Ngày báo cáo:", "Ghi chú: …"), are notes.
      if totalRow != nil { continue }
      if let label,
        label.trimmingCharacters(in: .whitespaces).hasSuffix(":") || TextFolding.fold(label).hasPrefix("ghi chu")
      {
        continue
      }
      // A row without any figure in a numeric form is a note ("Ngày báo cáo: …").
      if !numericColumns.isEmpty, numericColumns.allSatisfy({ grid.value(row, $0).isEmpty }),
        nameColumn.map({ grid.value(row, $0).isEmpty }) ?? true
      {
        continue
      }
      dataRows.append(row)
    }
    return DetectedTable(
      form: form, headerRows: header, columns: columns, dataRows: dataRows, totalRow: totalRow,
      fromTemplate: fromTemplate)
  }

  /// Whether `row` holds column titles of a form — other titles than `columns`' own.
  private func startsAnotherTable(_ grid: SheetGrid, _ row: Int, besides columns: [Int: String]) -> Bool {
    var texts: [Int: String] = [:]
    for column in 1...max(grid.lastColumn, 1) {
      guard case .text(let t) = grid.value(row, column), !t.utf8.contains(UInt8(ascii: "_")) else { continue }
      texts[column] = t
    }
    // A data row has a name or two among its figures; titles fill the row.
    guard texts.count >= minimumFields else { return false }
    let headers = texts.mapValues(HeaderMatcher.words)
    return matchers.contains { matcher in
      let found = matcher.match(words: headers)
      return found.count >= minimumFields && found != columns
    }
  }

  /// `(1) (2) (3) …` or `1 2 3 …` under a header.
  private func isNumberingRow(_ grid: SheetGrid, _ row: Int, columns: [Int]) -> Bool {
    var count = 0
    for column in columns {
      switch grid.value(row, column) {
      case .empty: continue
      case .text(let t):
        let inner = t.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "()"))
        guard Int(inner) != nil else { return false }
        count += 1
      case .number(let n) where n == n.rounded() && abs(n) < 100:  // "(1)" typed from CSV is −1
        count += 1
      default: return false
      }
    }
    return count >= 3
  }

  static func isTotalLabel(_ label: String) -> Bool {
    // Folding makes "Cộng" (total) and "Công ty" (company) the same word, so a label
    // written with diacritics is matched with them; only one without any is matched folded.
    let marked = label.decomposedStringWithCanonicalMapping.unicodeScalars.contains {
      (0x0300...0x036F).contains($0.value) || $0 == "đ" || $0 == "Đ"
    }
    let words =
      marked
      ? ["tổng cộng", "tổng số", "cộng", "toàn huyện", "toàn xã", "toàn tỉnh", "tổng"]
      : ["tong cong", "tong so", "cong", "toan huyen", "toan xa", "toan tinh", "tong"]
    let key =
      marked
      ? label.precomposedStringWithCanonicalMapping.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(
        separator: " ") : TextFolding.fold(label)
    return words.contains { key == $0 || key.hasPrefix($0 + " ") }
  }
}
