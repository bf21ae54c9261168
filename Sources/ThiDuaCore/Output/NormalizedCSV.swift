import Foundation
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

  /// The first line: the field codes between the unit, the year and the source.
  static func header(_ form: FormSchema) -> String {
    (["ma_don_vi", "nam"] + form.fields.map(\.name) + ["tep_nguon", "trang_nguon", "o_nguon"]).joined(separator: ",")
      + "\r\n"
  }

  /// The lines of `table`'s rows, for the unit `unit` and `year`, each ended by CRLF.
  static func lines(_ form: FormSchema, unit: String, year: Int, table: FileReport.Table) -> String {
    // Appended field by field into one string: a list has a million of them.
    let codes = form.fields.map(\.name)
    let start = CanonicalCSV.field(unit) + "," + CanonicalCSV.field(String(year))
    let source =
      "," + CanonicalCSV.field(Self.neutralised(table.file)) + "," + CanonicalCSV.field(Self.neutralised(table.sheet))
      + ","
    var text = ""
    for (values, cells) in zip(table.rows, table.cells) {
      text += start
      for code in codes {
        text += ","
        guard let value = values[code] else { continue }
        if case .text(let t) = value {
          text += CanonicalCSV.field(Self.neutralised(t))
        } else {
          text += CanonicalCSV.field(CanonicalCSV.text(value))
        }
      }
      text += source
      let addresses = cells.values
      if let first = addresses.min(), let last = addresses.max() {
        text += CanonicalCSV.field(CellRange(first: first, last: last).description)
      }
      text += "\r\n"
    }
    return text
  }

  /// Writes the file; the rows a worker wrote out (`rowsFile`) are copied as they are.
  func write(to path: String) throws {
    let file = try AtomicFile(destination: URL(fileURLWithPath: path))
    try file.write(Self.header(form))
    for (s, table) in used() {
      if let part = table.rowsFile {
        try ListRows.copy(part, to: file)
      } else {
        try file.write(Self.lines(form, unit: s.unit.code, year: s.year, table: table))
      }
    }
    try file.commit()
  }

  /// The form's table of each submission, by unit code and year.
  private func used() -> [(Submission, FileReport.Table)] {
    submissions.sorted { ($0.unit.code, $0.year) < ($1.unit.code, $1.year) }.compactMap { s in
      s.tables[form.name].map { (s, $0) }
    }
  }
}
