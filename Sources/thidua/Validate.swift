import ArgumentParser
import Foundation
import SheetIO
import ThiDuaCore

extension Thidua {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Interface.text(
        "Kiểm tra báo cáo: tìm từng biểu mẫu, xác định đơn vị và năm, báo từng phát hiện theo ô.",
        "Check submissions: find each form, identify the unit and year, and report every finding by cell."),
      discussion: Interface.text(
        "Mã thoát 0 khi chạy xong, có phát hiện hay không; --strict: 1 khi có lỗi. Xem docs/findings.md.",
        "Exit status 0 when the run completed, findings or not; --strict makes error findings exit 1. See docs/findings.md."
      ))

    @Argument(help: Interface.help("Các sổ tính hoặc tệp CSV.", "Workbooks or CSV files.")) var files: [String]
    @Flag(
      help: Interface.help("In JSON (cấu trúc trong docs/findings.md).", "Print JSON (schema in docs/findings.md)."))
    var json = false
    @Flag(help: Interface.strictFlag) var strict = false
    @Flag(
      help: Interface.help(
        "In cách đọc từng tệp: trường, điểm và phương án kế tiếp của từng cột; đơn vị, năm và ngày cùng căn cứ.",
        "Print how each file was read: each column's field, score and runner-up; the unit, year and date with their evidence."
      ))
    var explain = false
    @Option(help: Interface.movementOption) var movement: String?
    @OptionGroup var common: CommonOptions

    func run() throws {
      let definition = try loadMovement(movement, language: common.lang)
      let validator = SubmissionValidator(movement: definition)
      // An archive's or an e-mail's files are checked one by one, named `thu.eml › x.xlsx`.
      var reports: [FileReport] = []
      for file in files {
        guard let kind = Inbox.container(path: file) else {
          reports.append(validator.validate(path: file))
          continue
        }
        // The listing's files live in its private folder as long as it does.
        let listing = try Inbox.members(ofContainer: file, kind)
        withExtendedLifetime(listing) {
          for member in listing.files {
            reports.append(
              member.problem.map { FileReport(file: member.name, findings: [$0]) }
                ?? validator.validate(path: member.path, name: member.name))
          }
        }
      }
      if explain && !json {
        for report in reports {
          print(report.file)
          if let intake = report.intake {
            print(IntakeExplanation.lines(intake, language: common.lang).joined(separator: "\n"))
          }
        }
      } else {
        print(
          json
            ? ValidateReport(reports, language: common.lang).json()
            : ValidateReport(reports, language: common.lang).text())
      }
      if strict && reports.contains(where: { $0.findings.contains { $0.severity == .error } }) { throw ExitCode(1) }
    }
  }
}

/// The stable output of `thidua validate`.
struct ValidateReport: Encodable {
  struct UnitRef: Encodable {
    var code: String
    var name: String
  }
  struct Table: Encodable {
    var sheet: String
    var form: String
    var headerRows: [Int]
    var dataRows: Int
    var fromTemplate: Bool
    var totalRow: Int?
    /// Field → its column letter.
    var columns: [String: String]
    var rows: [RowJSON]
  }
  struct File: Encodable {
    var file: String
    var unit: UnitRef?
    var year: Int?
    var tables: [Table]
    var findings: [FindingJSON]
    var criteria: [OutcomeJSON]
  }

  var files: [File]
  let language: Language

  enum CodingKeys: String, CodingKey { case files }

  init(_ reports: [FileReport], language: Language) {
    self.language = language
    files = reports.map { r in
      File(
        file: r.file, unit: r.unit.map { UnitRef(code: $0.code, name: $0.name) }, year: r.year,
        tables: r.tables.map {
          Table(
            sheet: $0.sheet, form: $0.form, headerRows: [$0.headerRows.lowerBound, $0.headerRows.upperBound],
            dataRows: $0.dataRows, fromTemplate: $0.fromTemplate, totalRow: $0.totalRow,
            columns: $0.columns.mapValues(CellAddress.columnName),
            rows: zip($0.rows, $0.cells).map { RowJSON(values: $0.0, cells: $0.1) })
        },
        findings: r.findings.map { FindingJSON($0, language) }, criteria: r.criteria.map(OutcomeJSON.init))
    }
  }

  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  func text() -> String {
    let vi = language == .vi
    var lines: [String] = []
    for f in files {
      let unit = f.unit.map { "\($0.name) (\($0.code))" } ?? (vi ? "chưa xác định" : "unknown")
      let year = f.year.map(String.init) ?? (vi ? "chưa rõ" : "unknown")
      lines.append("\(f.file): \(vi ? "đơn vị" : "unit") \(unit), \(vi ? "năm" : "year") \(year)")
      for t in f.tables {
        lines.append(
          "  \(t.sheet): \(t.form), \(vi ? "tiêu đề hàng" : "header rows") \(t.headerRows[0])–\(t.headerRows[1]), "
            + "\(t.dataRows) \(vi ? "dòng số liệu" : "data rows")\(t.fromTemplate ? (vi ? " (theo mẫu)" : " (template)") : "")"
        )
      }
      for item in f.findings {
        let place = [item.sheet, item.cell].compactMap { $0 }.joined(separator: "!")
        lines.append("  [\(item.code)] \(place.isEmpty ? "" : place + ": ")\(item.message)")
      }
      for o in f.criteria {
        let status =
          vi
          ? ["met": "đạt", "not-met": "không đạt", "not-assessable": "chưa đánh giá được"][o.status] ?? o.status
          : o.status
        let detail = o.values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append(
          "  \(vi ? "Tiêu chí" : "Criterion") \(o.id): \(status) (\(o.reason)\(detail.isEmpty ? "" : ": " + detail))")
      }
      let errors = f.findings.filter { $0.severity == "error" }.count
      lines.append(
        "  "
          + (vi ? "\(f.findings.count) phát hiện, \(errors) lỗi." : "\(f.findings.count) findings, \(errors) errors."))
    }
    return lines.joined(separator: "\n")
  }
}
