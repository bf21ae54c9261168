public import SheetIO

/// Reads a key-value form (`THONG_TIN`): each field's title in a cell, its value in the
/// cell to its right. Titles are matched like column headers (folded
/// words of the title or a variant); the most specific title wins for each row.
public struct KeyValueReader: Sendable {
  public let form: FormSchema
  /// At least this many fields must be found for the sheet to be this form.
  public var minimumFields = 3

  /// Field codes: a row that holds one left of a title is a list of fields (an
  /// instructions sheet), not a value.
  public var knownCodes: Set<String> = []

  public init(form: FormSchema) { self.form = form }

  /// Field code → (value, the value's cell), or nil when the sheet is not this form.
  public func read(_ grid: SheetGrid) -> [String: (value: CellValue, cell: CellAddress)]? {
    guard grid.lastRow > 0 else { return nil }
    let candidates = form.fields.flatMap { field in
      ([field.title] + (field.variants ?? [])).map { (field.name, HeaderMatcher.words($0)) }
    }.sorted { $0.1.count > $1.1.count }
    var found: [String: (CellValue, CellAddress)] = [:]
    for row in 1...grid.lastRow {
      for column in 1...max(grid.lastColumn, 1) {
        guard case .text(let text) = grid.value(row, column), !text.contains("_") else { continue }
        let listsCodes = (1..<column).contains { c in
          if case .text(let left) = grid.value(row, c) { return knownCodes.contains(left) }
          return false
        }
        if listsCodes { break }
        let words = HeaderMatcher.words(text)
        guard words.count <= 15,
          let match = candidates.first(where: {
            found[$0.0] == nil && !$0.1.isEmpty && $0.1 == words.intersection($0.1) && words.count <= $0.1.count + 3
          })
        else { continue }
        // The value stands right of its title (empty when not filled in).
        found[match.0] = (grid.value(row, column + 1), CellAddress(row: row, column: column + 1))
        break
      }
    }
    return found.count >= minimumFields ? found.mapValues { (value: $0.0, cell: $0.1) } : nil
  }
}
