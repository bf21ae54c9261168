import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore

/// Files that are not workbooks, or not what their name says, yield the figures a
/// workbook would (fixtures/formats/expected.tsv: file, format by content, format by
/// name, unit, year, rows of the poverty table).
@Suite struct FormatIntakeTests {
  struct Case: Sendable, CustomStringConvertible {
    var file: String
    var format: FileFormat
    var named: FileFormat?
    var unit: String
    var year: Int
    var rows: Int
    var description: String { file }
  }

  static let cases: [Case] = readTSV("formats/expected.tsv").map {
    Case(
      file: $0[0], format: FileFormat(rawValue: $0[1])!, named: FileFormat(rawValue: $0[2]), unit: $0[3],
      year: Int($0[4])!, rows: Int($0[5])!)
  }

  static let fields = [
    "ten_dia_ban", "tong_so_ho", "ho_ngheo_dau_nam", "ho_thoat_ngheo", "ho_ngheo_cuoi_nam", "ty_le_ngheo_cuoi_nam",
  ]

  static func report(_ file: String) throws -> FileReport {
    SubmissionValidator(movement: try MovementDefinition.shipped()).validate(path: fixturePath("formats/" + file))
  }

  @Test func everyFormatIsListed() {
    #expect(Set(Self.cases.map(\.format)) == Set(FileFormat.allCases.filter { $0 != .ods }))
  }

  @Test(arguments: cases)
  func readsByContent(_ c: Case) throws {
    let r = try Self.report(c.file)
    #expect(r.format == c.format)
    #expect(r.unit?.code == c.unit && r.year == c.year)
    let poverty = r.tables.first { $0.form == "CHI_TIEU" }
    #expect(poverty?.dataRows == c.rows)
    let named = r.findings.filter { $0.code == "format-differs-from-name" }
    if let name = c.named, name != c.format {
      #expect(named.map(\.values) == [["format": c.format.displayName, "named": name.displayName]])
    } else {
      #expect(named.isEmpty)
    }
    // Nothing else than the notes that the sheet around a Word table holds no form.
    let others = r.findings.filter { $0.code != "format-differs-from-name" && $0.code != "no-form" }
    #expect(others.isEmpty, "\(others.map { "\($0.code) \($0.location)" })")
  }

  @Test func theDistrictsFormatsGiveTheSamplesFigures() throws {
    let sample = SubmissionValidator(movement: try MovementDefinition.shipped()).validate(
      path: fixturePath("sample/bao-cao-mau.xlsx"))
    let expected = sample.tables.first { $0.form == "CHI_TIEU" }!.rows.map { r in Self.fields.map { r[$0] } }
    #expect(expected.count == 7)
    for c in Self.cases where c.unit == "517" {
      let rows = try Self.report(c.file).tables.first { $0.form == "CHI_TIEU" }?.rows ?? []
      #expect(rows.map { r in Self.fields.map { r[$0] } } == expected, "\(c.file)")
    }
  }

  @Test func theCommunesWordReportsReadAlike() throws {
    let writer = try Self.report("bao-cao-xa.docx")
    let pythonDocx = try Self.report("bao-cao-xa-python-docx.docx")
    let table = writer.tables.first { $0.form == "CHI_TIEU" }!
    #expect(table.sheet == "Bảng 2")
    #expect(table.rows.first?["ten_dia_ban"] == .text("Thôn 1"))
    #expect(table.rows.first?["tong_so_ho"] == .number(640))
    #expect(table.rows.first?["ho_ngheo_dau_nam"] == .number(45))
    #expect(table.cells.first?["tong_so_ho"] == CellAddress("C9"))
    #expect(pythonDocx.tables.map(\.rows) == writer.tables.map(\.rows))
    // The date line of the letterhead table signs the report.
    #expect(writer.reportDate.map { VietnameseDate.text($0) } == "10/12/2017")
  }
}
