import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore

/// Submissions written for each test with thidua's own writer: a clean poverty report,
/// then one change per check, each of which must fire exactly its finding at its cell.
@Suite struct ValidationTests {
  /// name, households, poor at start, escaped, relapsed, new, poor at end, rate at end, near-poor
  static let communes: [(String, Double, Double, Double, Double, Double, Double, Double, Double)] = [
    ("Thị trấn Núi Thành", 4210, 96, 31, 0, 2, 67, 1.59, 140),
    ("Xã Tam Quang", 3105, 212, 58, 1, 4, 159, 5.12, 190),
    ("Xã Tam Nghĩa", 2876, 187, 49, 0, 3, 141, 4.9, 176),
  ]
  static let headers = [
    "STT", "Tên xã, phường, thị trấn", "Tổng số hộ dân cư", "Số hộ nghèo đầu năm", "Số hộ thoát nghèo",
    "Số hộ tái nghèo", "Số hộ nghèo phát sinh mới", "Số hộ nghèo cuối năm", "Tỷ lệ hộ nghèo cuối năm (%)",
    "Số hộ cận nghèo cuối năm",
  ]

  /// Writes a report with title rows, a header on row 4, data from row 5 and a total row,
  /// then lets `change` overwrite cells (address → value; `.empty` clears).
  static func report(
    _ name: String = "bao-cao.xlsx", title: String = "UBND HUYỆN NÚI THÀNH", headers: [String] = headers,
    _ change: [String: CellValue] = [:]
  ) throws -> FileReport {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-val-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    let doc = try XLSXDocument(path: path, created: 0)
    let sheet = try doc.addSheet("Biểu 01")
    var cells: [String: CellValue] = [
      "A1": .text(title), "A2": .text("BÁO CÁO KẾT QUẢ GIẢM NGHÈO NĂM 2017"),
    ]
    for (i, h) in headers.enumerated() { cells["\(CellAddress.columnName(i + 1))4"] = .text(h) }
    for (r, c) in communes.enumerated() {
      let row = 5 + r
      let values: [CellValue] = [
        .number(Double(r + 1)), .text(c.0), .number(c.1), .number(c.2), .number(c.3), .number(c.4), .number(c.5),
        .number(c.6), .number(c.7), .number(c.8),
      ]
      for (i, v) in values.enumerated() { cells["\(CellAddress.columnName(i + 1))\(row)"] = v }
    }
    cells["B8"] = .text("Tổng cộng")
    for (i, column) in ["C", "D", "E", "F", "G", "H", "J"].enumerated() {
      let sum = communes.reduce(0.0) { total, c in total + [c.1, c.2, c.3, c.4, c.5, c.6, c.8][i] }
      cells["\(column)8"] = .number(sum)
    }
    for (address, value) in change { cells[address] = value }
    for (address, value) in cells where !value.isEmpty { try sheet.write(value, at: CellAddress(address)!) }
    try doc.save()
    return SubmissionValidator(movement: try MovementDefinition.shipped()).validate(path: path)
  }

  /// (sheet!cell, code) of every finding.
  static func located(_ report: FileReport) -> [String] {
    report.findings.map { "\($0.location.cell?.description ?? "-") \($0.code)" }.sorted()
  }

  @Test func cleanReportHasNoFindings() throws {
    let r = try Self.report()
    #expect(r.findings.isEmpty, "\(Self.located(r))")
    #expect(r.unit?.code == "517")
    #expect(r.year == 2017)
    #expect(r.tables.map(\.form) == ["CHI_TIEU"])
    #expect(r.tables.first?.rows.count == 3)
    #expect(r.tables.first?.rows.first?["ho_ngheo_cuoi_nam"] == .number(67))
  }

  // Each change keeps the rest of the sheet consistent (totals, rates), so that exactly
  // the finding under test fires.
  @Test(arguments: [
    (["D6": CellValue.number(213), "D8": .number(496)], ["H6 balance-mismatch"]),
    (["I5": .number(2.5)], ["I5 rate-mismatch"]),
    (["C8": .number(1)], ["C8 total-mismatch"]),
    (["C7": .number(150), "C8": .number(7465), "I7": .number(94)], ["J7 poor-exceeds-households"]),
    (["B7": .text("Xã Tam Quang")], ["B7 duplicate-row"]),
    (["B7": .text("Xã Không Có")], ["B7 unknown-area"]),
    (["D5": .text("chín mươi sáu"), "D8": .number(399)], ["D5 type-error"]),
    (["E5": .number(31.5), "E8": .number(107)], ["E5 type-error"]),
    (["C6": .empty, "C8": .number(7086)], ["C6 missing-cell"]),
    (
      ["F6": .number(-1), "F8": .number(-1), "H6": .number(157), "H8": .number(365), "I6": .number(5.06)],
      ["F6 constraint-error", "F8 constraint-error"]
    ),
  ])
  func eachCheckFiresAtItsCell(_ change: [String: CellValue], _ expected: [String]) throws {
    let actual = Self.located(try Self.report("bao-cao.xlsx", change))
    #expect(actual == expected.sorted())
  }

  @Test func ambiguousNumberWithoutEvidence() throws {
    // 4.000 as text among plain numbers: 4000 or 4, both whole, so the count cannot tell.
    let actual = Self.located(try Self.report("bao-cao.xlsx", ["C5": .text("4.000"), "C8": .number(5981)]))
    #expect(actual == ["C5 ambiguous-number"])
    // 1.234 in a count column can only be 1234 (1.234 households is no count).
    let counted = try Self.report("bao-cao.xlsx", ["D6": .text("212"), "D5": .text("96")])
    #expect(Self.located(counted).isEmpty)
    // With Vietnamese evidence in the column, it reads as 1234 (and then the total is off).
    let r = try Self.report("bao-cao.xlsx", ["C5": .text("4.210"), "C6": .text("3.105,0")])
    #expect(Self.located(r).isEmpty)
  }

  @Test func missingRequiredColumn() throws {
    var headers = Self.headers
    headers[7] = "Ghi chú"  // no "Số hộ nghèo cuối năm" column any more
    let r = try Self.report(headers: headers)
    #expect(r.findings.map(\.code).contains("missing-label"))
    #expect(r.findings.first { $0.code == "missing-label" }?.values["field"] == "Số hộ nghèo cuối năm")
  }

  @Test func unknownUnitAndYearFromTheFileName() throws {
    let r = try Self.report("bao-cao-tam-ky-2018.xlsx", title: "ỦY BAN NHÂN DÂN")
    #expect(r.unit?.code == "502")  // "tam ky" in the file name
    #expect(r.year == 2017)  // the title still says NĂM 2017
    let unknown = try Self.report("bao-cao.xlsx", title: "UBND HUYỆN KHÔNG CÓ")
    #expect(unknown.unit == nil)
    #expect(unknown.findings.map(\.code).contains("unknown-unit"))
  }
}

/// Every layout of one submission yields the same values.
@Suite struct LayoutVariantTests {
  static func rows(_ path: String) throws -> [[String: CellValue]] {
    let r = SubmissionValidator(movement: try MovementDefinition.shipped()).validate(path: path)
    #expect(r.findings.filter { $0.severity != .info }.isEmpty, "\(path): \(ValidationTests.located(r))")
    #expect(r.unit?.code == "517" && r.year == 2017, "\(path)")
    return r.tables.first { $0.form == "CHI_TIEU" }?.rows ?? []
  }

  @Test func sampleAndItsVariantsExtractTheSameValues() throws {
    let sample = try Self.rows(fixturePath("sample/bao-cao-mau.xlsx"))
    #expect(sample.count == 7)
    #expect(sample[1]["ten_dia_ban"] == .text("Xã Tam Quang"))
    #expect(sample[1]["ho_ngheo_cuoi_nam"] == .number(159))
    #expect(sample[1]["ty_le_ngheo_cuoi_nam"] == .number(5.12))
    for variant in ["variants/khong-dau.csv", "variants/dao-cot.xlsx", "variants/vni.csv", "variants/mot-trang.xlsx"] {
      let rows = try Self.rows(fixturePath(variant))
      // Compare the fields every variant has.
      let fields = [
        "ten_dia_ban", "tong_so_ho", "ho_ngheo_dau_nam", "ho_thoat_ngheo", "ho_ngheo_cuoi_nam", "ty_le_ngheo_cuoi_nam",
      ]
      #expect(rows.map { r in fields.map { r[$0] } } == sample.map { r in fields.map { r[$0] } }, "\(variant)")
    }
  }

  @Test func twoTablesOnOneSheetAreBothRead() throws {
    let r = SubmissionValidator(movement: try MovementDefinition.shipped()).validate(
      path: fixturePath("variants/mot-trang.xlsx"))
    #expect(r.tables.map(\.form) == ["CHI_TIEU", "TIEU_CHI"])
    #expect(r.tables.map(\.dataRows) == [7, 2])
    #expect(r.tables[0].headerRows == 4...4 && r.tables[1].headerRows == 15...15)
    #expect(r.criteria.first { $0.id == "b1" }?.status == .met)
    #expect(r.criteria.first { $0.id == "b3" }?.status == .notMet)
  }

  @Test func aFilledTemplateYieldsTheSameValues() throws {
    // The sample's figures typed into thidua's own template for Núi Thành.
    let m = try MovementDefinition.shipped()
    let sample = try Self.rows(fixturePath("sample/bao-cao-mau.xlsx"))
    // The template lists the district's communes in registry order: each sample row goes
    // on its commune's row; the others stay empty.
    let communes = m.registry.children(of: "517").map(\.name)
    var writer = TemplateWriter(movement: m)
    writer.fill = { form, row, field in
      guard form == "CHI_TIEU", communes.indices.contains(row), field != "ten_dia_ban", field != "ma_dia_ban",
        let typed = sample.first(where: { $0["ten_dia_ban"] == .text(communes[row]) })
      else { return form == "CHI_TIEU" && field == "nam_bao_cao" ? .number(2017) : nil }
      return typed[field]
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mau-517-\(UUID().uuidString).xlsx").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try writer.write(unit: m.registry.unit(code: "517"), category: "HUYEN", to: path, created: 0)
    let r = SubmissionValidator(movement: m).validate(path: path)
    let table = try #require(r.tables.first { $0.form == "CHI_TIEU" })
    #expect(table.fromTemplate)
    #expect(r.unit?.code == "517")
    let filled = table.rows.filter { $0["tong_so_ho"] != nil }.map { $0.filter { $0.key != "ma_dia_ban" } }
    let byName = { (row: [String: CellValue]) in row["ten_dia_ban"]?.text ?? "" }
    #expect(filled.sorted { byName($0) < byName($1) } == sample.sorted { byName($0) < byName($1) })
    // The ten communes left empty are rows with every required figure missing.
    #expect(table.rows.count == 17)
    #expect(r.findings.filter { $0.code == "missing-cell" }.count == 10 * 4)
    // The template's own instructions sheet lists every form's codes: no form, no note.
    #expect(r.findings.filter { $0.code == "no-form" }.isEmpty)
  }

  /// A template's marked cells decide unit and year over its notes (a period such as
  /// `giai đoạn 2016–2020`); a code
  /// other than the template's, and an empty year cell, are findings at their cells.
  @Test func markedCellsDecideAndDisagreementsAreFindings() throws {
    let m = try MovementDefinition.shipped()
    func write(unitCode: String, year: CellValue) throws -> FileReport {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("mau-\(UUID().uuidString).xlsx").path
      defer { try? FileManager.default.removeItem(atPath: path) }
      let doc = try XLSXDocument(path: path, created: 0)
      doc.customProperties["thidua-template"] = "KH-5201-2017/504/1"
      let sheet = try doc.addSheet("Chỉ tiêu giảm nghèo")
      let cells: [String: CellValue] = [
        "A1": .text("BIỂU TỔNG HỢP KẾT QUẢ GIẢM NGHÈO"), "A2": .text("Đơn vị:"), "B2": .text("Huyện Tây Giang"),
        "A3": .text("Mã đơn vị:"), "B3": .text(unitCode), "A4": .text("Năm báo cáo:"), "B4": year,
        "A5": .text("Phong trào giai đoạn 2016–2020"),
      ]
      for (address, value) in cells where !value.isEmpty { try sheet.write(value, at: CellAddress(address)!) }
      // Five of the form's codes left (columns deleted): the marked row still decides.
      let codes = ["ten_dia_ban", "tong_so_ho", "ho_ngheo_dau_nam", "ho_thoat_ngheo", "ho_ngheo_cuoi_nam"]
      for (i, code) in codes.enumerated() {
        try sheet.writeText(code, at: CellAddress(row: 7, column: i + 1))
        try sheet.write(
          i == 0 ? .text("Xã Ga Ri") : .number([0, 900, 120, 20, 100][i]), at: CellAddress(row: 8, column: i + 1))
      }
      try doc.defineName("_thidua_CHI_TIEU_unit", refersTo: "='Chỉ tiêu giảm nghèo'!$B$3")
      try doc.defineName("_thidua_CHI_TIEU_year", refersTo: "='Chỉ tiêu giảm nghèo'!$B$4")
      try doc.defineName("_thidua_CHI_TIEU_fields", refersTo: "='Chỉ tiêu giảm nghèo'!$A$7:$E$7")
      try doc.save()
      return SubmissionValidator(movement: m).validate(path: path)
    }
    let clean = try write(unitCode: "504", year: .number(2017))
    #expect(clean.unit?.code == "504" && clean.year == 2017)
    #expect(clean.findings.isEmpty, "\(ValidationTests.located(clean))")
    let changed = try write(unitCode: "503", year: .empty)
    #expect(changed.unit?.code == "503")
    // Ga Ri is a commune of 504, not of 503.
    #expect(
      ValidationTests.located(changed) == ["A8 unknown-area", "B3 template-unit-changed", "B4 template-year-missing"])
  }

  /// A list value typed more precisely, or without its little words, is the value; a
  /// different value that starts alike is not.
  @Test func listValuesAsClerksTypeThem() throws {
    let stop = try MovementDefinition.shipped().vocabulary.stopWords
    #expect(FormChecks.names("Giấy khen của Chủ tịch UBND huyện", "Giấy khen", stop))
    #expect(FormChecks.names("Bằng khen Chủ tịch UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh", stop))
    #expect(FormChecks.names("DAT", "Đạt", stop))
    #expect(!FormChecks.names("Đạt một phần", "Đạt", stop))
    #expect(!FormChecks.names("Không đạt", "Đạt", stop))
  }

  /// A department's template: its instructions sheet, whose rows list the nomination
  /// form's field titles, is not read as a nomination table.
  @Test func aDepartmentsTemplateHasNoFindingOnItsInstructions() throws {
    let m = try MovementDefinition.shipped()
    var writer = TemplateWriter(movement: m)
    writer.fill = { form, _, field in form == "THONG_TIN" && field == "nam_bao_cao" ? .number(2017) : nil }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mau-SNV-\(UUID().uuidString).xlsx").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try writer.write(unit: m.registry.unit(code: "SNV"), category: "SO_NGANH", to: path, created: 0)
    let r = SubmissionValidator(movement: m).validate(path: path)
    #expect(r.unit?.code == "SNV")
    #expect(r.findings.map(\.code) == [])
    #expect(!r.tables.contains { $0.sheet == "Hướng dẫn" })
  }
}

@Suite struct UnitMatchingTests {
  @Test func namesCodesAliasesAndNearSpellings() throws {
    let m = try MovementDefinition.shipped()
    let id = UnitIdentifier(movement: m)
    #expect(id.candidates("UBND HUYỆN NÚI THÀNH").map(\.code) == ["517"])
    #expect(id.candidates("Huyen Nui Thanh").map(\.code) == ["517"])
    #expect(id.candidates("517").map(\.code) == ["517"])
    #expect(id.candidates("TP Tam Kỳ").map(\.code) == ["502"])
    #expect(id.candidates("Núi Thành").map(\.code) == ["517"])  // the district's alias; the town is "TT Núi Thành"
    #expect(id.candidates("Thị trấn Núi Thành").map(\.code) == ["20965"])
    #expect(id.candidates("TT Núi Thành").map(\.code) == ["20965"])
    let slip = id.match("Xã Tam Quan", among: m.registry.children(of: "517"))
    #expect(slip.units.map(\.code) == ["20998"] && slip.fuzzy)  // 0.89 ≥ 0.85
    #expect(id.match("Xã Tam Kỳ Mới", among: m.registry.children(of: "517")).units.isEmpty)
    #expect(UnitIdentifier.similarity("tam quan", "tam quang") > 0.88)
  }

  @Test func nearSpellingIsNotedNotGuessedSilently() throws {
    let r = try ValidationTests.report("bao-cao.xlsx", ["B6": .text("Xã Tam Quan")])
    #expect(ValidationTests.located(r) == ["B6 fuzzy-match"])
    #expect(r.findings.first?.severity == .info)
  }

  @Test func twoCommunesFoldingAlikeAreAmbiguous() throws {
    // Trà Don and Trà Dơn are two communes of Nam Trà My whose names fold alike.
    let don = RegistryUnit(
      code: "A", name: "Xã Trà Don", aliases: [], category: "XA", parent: nil, areaType: nil, poorArea: nil,
      cluster: nil,
      isSample: true)
    var dơn = don
    dơn.code = "B"
    dơn.name = "Xã Trà Dơn"
    let id = UnitIdentifier(movement: try MovementDefinition.shipped(), registry: UnitRegistry(units: [don, dơn]))
    // Written with its diacritics a name is one commune; folded, it is both.
    #expect(id.candidates("Trà Don").map(\.code) == ["A"])
    #expect(id.candidates("Xã Trà Dơn").map(\.code) == ["B"])
    #expect(id.candidates("Tra Don").map(\.code) == ["A", "B"])
  }
}
