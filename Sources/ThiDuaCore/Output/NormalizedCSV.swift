import SheetIO

/// `out/csv/<FORM>.csv`: every used table of one form, one line per data row (one per
/// unit for key-value forms), headed by field codes, with the unit, the year and the
/// source file, sheet and cells (docs/review.md).
struct NormalizedCSV {
  let form: FormSchema
  let submissions: [Submission]

  /// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR or NUL
  /// first) gets an apostrophe in front, the OWASP "CSV injection" defence; numbers stay
  /// numbers, so `-5` as a number is untouched.
  static func neutralised(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r\0".unicodeScalars.contains(first) else { return text }
    return "'" + text
  }

  func text() -> String {
    let codes = form.fields.map(\.name)
    var lines = [(["ma_don_vi", "nam"] + codes + ["tep_nguon", "trang_nguon", "o_nguon"]).joined(separator: ",")]
    for s in submissions.sorted(by: { ($0.unit.code, $0.year) < ($1.unit.code, $1.year) }) {
      guard let table = s.tables[form.name] else { continue }
      for (values, cells) in zip(table.rows, table.cells) {
        let addresses = cells.values
        let range = addresses.min().flatMap { first in
          addresses.max().map { CellRange(first: first, last: $0).description }
        }
        let fields =
          [s.unit.code, String(s.year)]
          + codes.map { code -> String in
            guard let value = values[code] else { return "" }
            if case .text(let t) = value { return Self.neutralised(t) }
            return CanonicalCSV.text(value)
          } + [Self.neutralised(table.file), Self.neutralised(table.sheet), range ?? ""]
        lines.append(fields.map(CanonicalCSV.field).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }
}
