import Foundation
import SheetIO

/// The stable output of `thidua inspect`.
struct InspectReport: Encodable {
  struct Sheet: Encodable {
    var name: String
    var state: String
    var index: Int
    var usedRange: String?
    var mergedRanges: [String]
    var cells: [String: Int]
    var notes: [ReadNotesOutput.Entry]
  }

  /// How a CSV file was read; absent for workbooks.
  struct Text: Encodable {
    /// The encoding's name; `utf-8-bom` for UTF-8 that began with a byte order mark.
    var encoding: String
    var bom: Bool
    var confidence: Double
    var evidence: String
    var delimiter: String
  }

  var file: String
  /// What the file was read as, from its content: `xlsx`, `xls`, `ods`, `csv`, `html`,
  /// `spreadsheetml` or `docx`.
  var format: String
  /// The format the file's name claims (nil: an extension thidua does not know, or none).
  var nameFormat: String?
  var dateSystem: Int
  var text: Text?
  var sheets: [Sheet]

  init(file: String, workbook: any SheetSource, summaries: [SheetSummary], language: Language) {
    self.file = file
    format = workbook.format.rawValue
    nameFormat = FileFormat(fileName: file)?.rawValue
    dateSystem = workbook.uses1904 ? 1904 : 1900
    if let csv = workbook as? CSVWorkbook {
      let d = csv.detection
      text = Text(
        encoding: d.encoding == .utf8 && d.bomLength > 0 ? "utf-8-bom" : d.encoding.rawValue, bom: d.bomLength > 0,
        confidence: (csv.detection.confidence * 100).rounded() / 100,
        evidence: csv.detection.evidence, delimiter: csv.delimiterName)
    }
    sheets = summaries.map {
      Sheet(
        name: $0.sheet.name, state: $0.sheet.state.rawValue, index: $0.sheet.index,
        usedRange: $0.usedRange?.description, mergedRanges: $0.mergedRanges.map(\.description),
        cells: $0.cellCounts, notes: ReadNotesOutput.entries($0.notes, language))
    }
  }

  func json() -> String { prettyJSON }

  func text(_ language: Language) -> String {
    let vi = language == .vi
    var lines = ["\(file) (\(vi ? "hệ ngày" : "date system") \(dateSystem))"]
    if let named = nameFormat, named != format {
      lines.append(vi ? "nội dung là \(format), tên tệp ghi \(named)" : "content is \(format), the name says \(named)")
    }
    if let text {
      let percent = WholeNumber.clamped(text.confidence * 100, to: 0...100, rounding: .toNearestOrAwayFromZero)
      lines.append(
        vi
          ? "bảng mã \(text.encoding) (độ tin cậy \(percent) %: \(text.evidence)), dấu phân cách \(text.delimiter)"
          : "encoding \(text.encoding) (confidence \(percent) %: \(text.evidence)), delimiter \(text.delimiter)")
    }
    for s in sheets {
      let state = vi ? ["visible": "hiện", "hidden": "ẩn", "veryHidden": "ẩn sâu"][s.state] ?? s.state : s.state
      let used = s.usedRange ?? (vi ? "trống" : "empty")
      let merged = s.mergedRanges.isEmpty ? "-" : s.mergedRanges.joined(separator: " ")
      let count = s.cells.values.reduce(0, +)
      lines.append(
        "\(s.index + 1). \(s.name) [\(state)] \(vi ? "vùng dữ liệu" : "used range") \(used), \(count) \(vi ? "ô" : "cells"), \(vi ? "ô gộp" : "merged"): \(merged)"
      )
      for note in s.notes.prefix(ReadNotesOutput.maxLines) { lines.append("   [\(note.code)] \(note.message)") }
      if s.notes.count > ReadNotesOutput.maxLines {
        let more = s.notes.count - ReadNotesOutput.maxLines
        lines.append(
          vi ? "   … còn \(more) ghi chú nữa (--json để xem hết)" : "   … \(more) more notes (--json lists them all)")
      }
    }
    return lines.joined(separator: "\n")
  }
}
