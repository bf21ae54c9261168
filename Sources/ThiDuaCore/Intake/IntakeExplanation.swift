import Foundation
public import SheetIO

/// `thidua validate --explain`: how the intake read a file, per sheet each column's
/// field with its score and the runner-up, the columns left unmapped, and the evidence
/// behind the unit, the year and the report date.
public enum IntakeExplanation {
  public static func lines(_ intake: IntakeResult, language: Language) -> [String] {
    let vi = language == .vi
    var out: [String] = []
    for sheet in intake.sheets {
      let name = sheet.grid.sheet.name
      let state = sheet.grid.sheet.state == .visible ? "" : (vi ? " (ẩn)" : " (hidden)")
      if let year = sheet.otherYear {
        out.append("  \(name)\(state): " + (vi ? "số liệu năm \(year), không dùng" : "figures of \(year), not used"))
      }
      for table in sheet.tables {
        let rows = "\(table.headerRows.lowerBound)–\(table.headerRows.upperBound)"
        out.append(
          "  \(name)\(state): \(table.form.name), " + (vi ? "tiêu đề hàng \(rows)" : "header rows \(rows)")
            + (table.fromTemplate ? (vi ? ", theo mã trường của mẫu" : ", by the template's field codes") : ""))
        for (column, field) in table.columns.sorted(by: { $0.key < $1.key }) {
          let header = headerText(sheet.grid, table, column)
          var line = "    \(CellAddress.columnName(column)) \(field) ← '\(header)'"
          if let match = table.matches[column] {
            line += " " + (vi ? "điểm" : "score") + " \(number(match.score))"
            if let other = match.runnerUp, let score = match.runnerUpScore {
              line += "; " + (vi ? "sau đó" : "runner-up") + " \(other) \(number(score))"
            }
          }
          out.append(line)
        }
        for column in table.unmapped {
          out.append(
            "    \(CellAddress.columnName(column)) – ← '\(headerText(sheet.grid, table, column))' "
              + (vi ? "không khớp trường nào" : "matches no field"))
        }
        let totals = table.totalRow.map { "; " + (vi ? "dòng tổng" : "total row") + " \($0)" } ?? ""
        let subtotals =
          table.subtotals.isEmpty
          ? ""
          : "; " + (vi ? "dòng cộng khối" : "subtotal rows") + " "
            + table.subtotals.map { String($0.row) }.joined(separator: ", ")
        out.append("    " + (vi ? "dòng số liệu" : "data rows") + " \(ranges(table.dataRows))\(totals)\(subtotals)")
      }
      if let keyValue = sheet.keyValue {
        out.append("  \(name)\(state): \(keyValue.form.name) " + (vi ? "(chỉ tiêu – giá trị)" : "(key–value)"))
        for (field, value) in keyValue.values.sorted(by: { $0.value.label < $1.value.label }) {
          out.append(
            "    \(value.label.description) \(field) → \(value.cell.description) " + (vi ? "điểm" : "score")
              + " \(number(value.match.score))")
        }
      }
    }
    out.append(decision(vi ? "Đơn vị" : "Unit", intake.unit.map { "\($0.name) (\($0.code))" }, intake.unitEvidence, vi))
    if let other = intake.runnerUpUnit {
      out.append("    " + (vi ? "sau đó" : "runner-up") + ": \(other.name) (\(other.code))")
    }
    out.append(decision(vi ? "Năm" : "Year", intake.year.map(String.init), intake.yearEvidence, vi))
    let date = intake.reportDate.map {
      VietnameseDate.text($0) + " (\(intake.reportDateRule ?? ""), \(place(intake.reportDateSource)))"
    }
    out.append("  " + (vi ? "Ngày báo cáo" : "Report date") + ": " + (date ?? (vi ? "không rõ" : "unknown")))
    return out
  }

  private static func decision(_ title: String, _ chosen: String?, _ evidence: [Evidence], _ vi: Bool) -> String {
    var line = "  \(title): \(chosen ?? (vi ? "không rõ" : "unknown"))"
    for e in evidence.sorted(by: { $0.weight > $1.weight }).prefix(8) {
      line += "\n    \(e.value) ← \(e.rule) \(number(e.weight)) '\(e.text)' \(place(e.location))"
    }
    return line
  }

  private static func headerText(_ grid: SheetGrid, _ table: DetectedTable, _ column: Int) -> String {
    var parts: [String] = []
    for row in table.headerRows {
      if let text = grid.headerText(row, column), !parts.contains(text) { parts.append(text) }
    }
    return parts.joined(separator: " / ").replacingOccurrences(of: "\n", with: " ")
  }

  private static func place(_ location: Location?) -> String {
    guard let location else { return "" }
    return [location.sheet, location.cell?.description].compactMap { $0 }.joined(separator: "!")
  }

  private static func number(_ x: Double) -> String { String(format: "%.1f", x) }

  /// `5–9, 11, 14–20`.
  private static func ranges(_ rows: [Int]) -> String {
    guard !rows.isEmpty else { return "–" }
    var parts: [String] = []
    var start = rows[0]
    var previous = rows[0]
    for row in rows.dropFirst() + [Int.min] {
      if row == previous + 1 {
        previous = row
        continue
      }
      parts.append(start == previous ? "\(start)" : "\(start)–\(previous)")
      start = row
      previous = row
    }
    return parts.joined(separator: ", ")
  }
}
