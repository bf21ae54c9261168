import Foundation
import TestSupport
import Testing

@testable import SheetIO
@testable import ThiDuaCore

/// A commune's household review list read, every household reclassified under the
/// standard of its year, and every planted defect found at its row and cell
/// (fixtures/households, scripts/fixtures/households.py).
@Suite struct HouseholdListTests {
  static let movement = try! MovementDefinition.shipped()

  /// A path for a folder of the test's own, not made yet.
  static func scratchPath() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("thidua-households-\(UUID().uuidString)")
  }

  /// A new empty folder of the test's own.
  static func scratch() throws -> URL {
    let folder = scratchPath()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func everyPlantedDefectIsFoundAtItsCell() throws {
    let report = SubmissionValidator(movement: Self.movement).validate(
      path: fixturePath("households/20944-danh-sach-ho-2017.xlsx"))
    #expect(report.unit?.code == "20944")
    #expect(report.year == 2017)
    let table = try #require(report.tables.first { $0.form == "DANH_SACH_HO" })
    #expect(table.dataRows == 20)
    // Every column of the two-row header but STT, the ten indicators under their merged parent.
    #expect(table.columns.count == 16)
    #expect(table.columns["thieu_tiep_can_y_te"] == 7)
    #expect(table.columns["thieu_tai_san_thong_tin"] == 16)
    #expect(table.columns["so_chi_so_thieu_hut"] == nil)
    let household = report.findings.filter {
      [
        "classification-mismatch", "duplicate-household", "household-no-members", "household-income-negative",
        "household-class-unknown",
      ].contains($0.code)
    }
    #expect(
      household.map { "\($0.code) \($0.location.cell?.description ?? "")" } == [
        "classification-mismatch Q9", "classification-mismatch Q12", "classification-mismatch Q15",
        "duplicate-household B18", "household-no-members E20", "household-income-negative F22",
        "household-class-unknown Q24",
      ])
    // Nothing else: the nineteen other households are classified as the standard says.
    #expect(report.findings.filter { $0.severity == .error }.count == 6)
    let first = household[0]
    #expect(first.values["recorded"] == "ngheo")
    #expect(first.values["computed"] == "khong")
    #expect(first.values["income"] == "1200000")
    #expect(first.values["deprivations"] == "1")
    #expect(first.values["area"] == "nong_thon")
    #expect(household[1].values["computed"] == "ngheo")
    #expect(household[1].values["clause"] == "Điều 2 (hộ nghèo, theo thu nhập)")
    #expect(household[3].values["first_row"] == "7")
    #expect(
      Messages.text(first, .vi).contains(
        "xã ghi 'nghèo' nhưng theo Quyết định số 59/2015/QĐ-TTg ngày 19/11/2015 của Thủ tướng Chính phủ hộ là 'không nghèo' (thu nhập 1.200.000 đồng/người/tháng, nông thôn, thiếu hụt 1 chỉ số"
      ))
    #expect(Messages.text(first, .en).contains("income 1,200,000 VND per person per month, rural, 1 deprivations"))
    // The list's counts by village, for the comparison with the summary tables.
    let villages = try #require(table.households?.villages)
    #expect(villages.keys.sorted() == ["Thôn 1", "Thôn 2", "Thôn 3"])
    #expect(villages.values.map(\.households).reduce(0, +) == 20)
    #expect(villages.values.map(\.mismatches).reduce(0, +) == 3)
  }

  static func table(_ rows: [[String: CellValue]]) -> FileReport.Table {
    FileReport.Table(
      file: "ds.csv", sheet: "ds", form: "DANH_SACH_HO", headerRows: 1...1, dataRows: rows.count, fromTemplate: false,
      rows: rows,
      cells: rows.indices.map { k in ["phan_loai": CellAddress(row: k + 2, column: 5)] }, total: nil)
  }

  @Test func aListTypedByAnotherClerkReadsAsOurs() throws {
    // Two header rows (ten shortened indicators under one merged title), `Mã HGĐ`,
    // `Số khẩu`, a numbering row, `Cộng`, the date line below; as .xlsx and as `;` CSV.
    for name in ["20977-ds-ho-2017-hai-hang.xlsx", "20977-ds-ho-2017-hai-hang.csv"] {
      let report = SubmissionValidator(movement: Self.movement).validate(path: fixturePath("households/khac/" + name))
      #expect(report.unit?.code == "20977", "\(name)")
      #expect(report.year == 2017)
      #expect(report.reportDate?.serial1900 == 43089, "20/12/2017")
      #expect(report.reportDateSource?.cell?.description == "L41")
      let list = try #require(report.tables.first { $0.form == "DANH_SACH_HO" })
      #expect(list.headerRows == 6...7)
      #expect(list.rows.count == 30)
      // Every field but the area and the stated count, each in its column (STT and
      // `Ghi chú` are none).
      #expect(list.columns.count == 16)
      #expect(list.columns["ma_ho"] == 2 && list.columns["thu_nhap_binh_quan"] == 6)
      #expect(list.columns["thieu_tiep_can_y_te"] == 7 && list.columns["thieu_tai_san_thong_tin"] == 16)
      #expect(list.columns["phan_loai"] == 17)
      let errors = report.findings.filter { $0.severity == .error }
      #expect(errors.map(\.code) == ["classification-mismatch"])
      #expect(errors.first?.location.cell?.description == "Q21")
      #expect(errors.first?.values["household"] == "TS-0013")
      #expect(errors.first?.values["deprivations"] == "5")
      #expect(errors.first?.values["recorded"] == "can_ngheo")
      #expect(errors.first?.values["computed"] == "ngheo")
    }
  }

  /// A list typed as yet another commune's clerk would: a two-sided letterhead, the
  /// title merged, an attachment line with its own date, `Số TT`, `Mã số hộ`, `Địa chỉ`,
  /// the deprivations as a count, `Kết quả rà soát` with `Hộ nghèo`, a numbering row, the
  /// households grouped under `I. THÔN …` rows, 165 of them (numbered past 100, so that
  /// most rows hold two figures), the date line and signatures below.
  @Test func aListGroupedByVillageReadsWithItsTwoPlantedErrors() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("tam-xuan-1-ds-ho-ngheo-2017.xlsx").path
    let made = try runPython(
      """
      import sys, openpyxl
      wb = openpyxl.Workbook(); ws = wb.active; ws.title = "DS ho ngheo 2017"
      ws["A1"] = "UBND HUYỆN NÚI THÀNH"; ws["F1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
      ws["A2"] = "UBND XÃ TAM XUÂN I"; ws["F2"] = "Độc lập - Tự do - Hạnh phúc"
      ws["A4"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO SAU RÀ SOÁT CUỐI NĂM 2017"; ws.merge_cells("A4:H4")
      ws["A5"] = "(Kèm theo Báo cáo số 45/BC-UBND ngày 25/12/2017 của UBND xã)"
      ws.append([])
      ws.append(["Số TT", "Họ và tên chủ hộ", "Mã số hộ", "Địa chỉ", "Số nhân khẩu",
                 "Thu nhập bình quân (đồng/người/tháng)", "Số chỉ số thiếu hụt", "Kết quả rà soát"])
      ws.append(["(%d)" % i for i in range(1, 9)])
      incomes = [550000, 650000, 690000, 750000, 820000, 950000, 1100000, 1500000]
      n = 0
      for mark, village in [("I", "Thôn Phú Bình"), ("II", "Thôn Phú Đông"), ("III", "Thôn Xuân Quý")]:
          ws.append([mark, village.upper()])
          for k in range(55):
              n += 1
              income, deprived = incomes[n % 8], n % 6
              poor = income <= 700000 or (income <= 1000000 and deprived >= 3)
              recorded = "Hộ nghèo" if poor else "Hộ cận nghèo" if income <= 1000000 else "Không nghèo"
              if n == 37: income, deprived, recorded = 650000, 1, "Hộ cận nghèo"
              if n == 141: income, deprived, recorded = 1200000, 0, "Hộ nghèo"
              ws.append([n, "Hộ %d" % n, "20968-%05d" % n, village, 1 + n % 8, income, deprived, recorded])
      ws.append([]); ws.append([None] * 5 + ["Tam Xuân I, ngày 25 tháng 12 năm 2017"])
      ws.append([None, "NGƯỜI LẬP BIỂU", None, None, None, "TM. UBND XÃ"])
      wb.save(sys.argv[1])
      """, path)
    #expect(made.status == 0)
    let report = SubmissionValidator(movement: Self.movement).validate(path: path)
    #expect(report.unit?.code == "20968")
    #expect(report.year == 2017)
    #expect(report.reportDateSource?.cell?.description == "F178")
    let list = try #require(report.tables.first { $0.form == "DANH_SACH_HO" })
    #expect(list.headerRows == 7...7)
    #expect(list.rows.count == 165)
    #expect(report.tables.count == 1)
    let errors = report.findings.filter { $0.severity == .error }
    #expect(errors.map(\.code) == ["classification-mismatch", "classification-mismatch"])
    #expect(errors.map { $0.location.cell?.description } == ["H46", "H152"])
    #expect(errors.map { $0.values["computed"] } == ["ngheo", "khong"])
  }

  @Test func whatAnotherClerkTypesReadsTheSame() {
    // A count instead of marks, areas as the review software codes them, classes with
    // "Hộ" in front, marks as 1, X, Có; a ward's households are urban by default.
    let standard = Self.movement.povertyStandard(forYear: 2018)!
    let rows: [[String: CellValue]] = [
      [
        "ma_ho": .text("A"), "thu_nhap_binh_quan": .number(950_000), "so_chi_so_thieu_hut": .number(3),
        "phan_loai": .text("Hộ nghèo"),
      ],
      [
        "ma_ho": .text("B"), "thu_nhap_binh_quan": .number(850_000), "khu_vuc": .text("TT"),
        "phan_loai": .text("HỘ NGHÈO"),
      ],
      [
        "ma_ho": .text("C"), "thu_nhap_binh_quan": .number(800_000), "thieu_bao_hiem_y_te": .number(1),
        "thieu_nguon_nuoc": .text("X"), "thieu_ho_xi": .text("Có"), "thieu_vien_thong": .text("không"),
        "phan_loai": .text("Hộ nghèo"),
      ],
      ["ma_ho": .text("D"), "thu_nhap_binh_quan": .number(1_100_000), "phan_loai": .text("cận nghèo")],
      ["ma_ho": .text("E"), "thu_nhap_binh_quan": .number(1_400_000), "phan_loai": .text("Thoát nghèo")],
    ]
    let role = Self.movement.forms["DANH_SACH_HO"]!.role!
    let rural = HouseholdListCheck(standard: standard, role: role, defaultArea: "nong_thon").check(Self.table(rows))
    // B is urban (TT), so 850.000 is under its poverty line of 900.000; D is above the
    // rural near-poor line of 1.000.000.
    #expect(rural.findings.map { "\($0.values["household"]!) \($0.values["computed"]!)" } == ["D khong"])
    let ward = HouseholdListCheck(
      standard: standard, role: role, defaultArea: HouseholdListCheck.area(ofCommune: "Phường An Mỹ")
    ).check(Self.table(rows))
    // In a ward (urban lines 900.000 and 1.300.000) D is near-poor, as recorded.
    #expect(ward.findings.isEmpty)
    #expect(HouseholdListCheck.area(ofCommune: "Thị trấn Đông Phú") == "thanh_thi")
    #expect(HouseholdListCheck.area(ofCommune: "Xã Trà Mai") == "nong_thon")
  }

  @Test func aYearWithoutAStandardIsSaidOnce() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The same list, its title's year moved to 2015: no standard covers 2015.
    let source = try Data(contentsOf: URL(fileURLWithPath: fixturePath("households/20944-danh-sach-ho-2017.xlsx")))
    let path = folder.appendingPathComponent("ds.xlsx").path
    FileManager.default.createFile(atPath: path, contents: source)
    let moved = try runPython(
      """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active
      ws["A2"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO QUA RÀ SOÁT NĂM 2015"
      wb.save(sys.argv[1])
      """, path)
    #expect(moved.status == 0)
    let report = SubmissionValidator(movement: Self.movement).validate(path: path)
    #expect(report.year == 2015)
    #expect(report.findings.filter { $0.code == "no-poverty-standard" }.map(\.values) == [["year": "2015"]])
    #expect(!report.findings.contains { $0.code == "classification-mismatch" })
  }

  /// The sample inbox with the given household lists added, reviewed.
  static func review(adding lists: [String]) throws -> ReviewResult {
    try review(addingPaths: lists.map(fixturePath))
  }

  /// The sample inbox with the files at `paths` added, reviewed.
  static func review(addingPaths lists: [String]) throws -> ReviewResult {
    let folder = Self.scratchPath()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(atPath: fixturePath("inbox"), toPath: folder.path)
    for list in lists {
      try FileManager.default.copyItem(
        atPath: list, toPath: folder.appendingPathComponent((list as NSString).lastPathComponent).path)
    }
    return try Review(movement: movement).run(inbox: folder.path)
  }

  static let householdCodes: Set = [
    "classification-mismatch", "duplicate-household", "household-no-members", "household-income-negative",
    "household-class-unknown", "no-poverty-standard", "list-summary-mismatch",
  ]

  @Test func listsThatAgreeWithTheirSummariesGiveNoFinding() throws {
    // Xã Trà Mai's 4,132 households in an xlsx and Xã Tam Sơn's 1,214 in a TCVN3 CSV.
    let review = try Self.review(adding: [
      "households/khop/20944-ds-ho-2017.xlsx", "households/khop/20977-ds-ho-2017-tcvn3.csv",
    ])
    // The sample's district tables are illustrative and state other figures for these two
    // communes: those are found in the districts' files (below), none in the communes'.
    #expect(
      review.findings.filter { Self.householdCodes.contains($0.code) && !Self.districtFiles.contains($0.location.file) }
        .isEmpty)
    let lists = review.submissions.compactMap { $0.tables["DANH_SACH_HO"] }
    #expect(lists.map(\.dataRows).sorted() == [1214, 4132])
    #expect(lists.allSatisfy { ($0.households?.villages.values.map(\.mismatches).reduce(0, +)) == 0 })
    let fates = Dictionary(uniqueKeysWithValues: review.files.map { ($0.file.name, $0.fate) })
    #expect(fates["20977-ds-ho-2017-tcvn3.csv"] == .used)
    #expect(fates["20944-ds-ho-2017.xlsx"] == .used)
  }

  @Test func aListThatDisagreesWithItsSummaryIsFoundAtTheSummarysCell() throws {
    // The same list without three of Thôn 4's poor households.
    let review = try Self.review(adding: ["households/lech/20944-ds-ho-2017-thieu-ho.xlsx"])
    let found = review.findings.filter {
      Self.householdCodes.contains($0.code) && !Self.districtFiles.contains($0.location.file)
    }
    #expect(found.map(\.code) == ["list-summary-mismatch"])
    #expect(found.first?.location == Location(file: "20944-2017.xlsx", sheet: "Biểu 01", cell: CellAddress("I9")!))
    #expect(
      found.first?.values == [
        "village": "Thôn 4", "class": "ngheo", "field": "Số hộ nghèo cuối năm", "seen": "337", "expected": "334",
        "list_file": "20944-ds-ho-2017-thieu-ho.xlsx", "list_sheet": "DS hộ", "list_column": "Q",
      ])
  }

  /// The district files of the two communes that have lists among the fixtures.
  static let districtFiles: Set = ["516-bao-cao-thi-dua-2017.xlsx", "517-bao-cao-thi-dua-2017.xlsx"]

  /// A district's row for a commune states what the commune's whole list records: the
  /// sample's Nam Trà My (516) gives Xã Trà Mai 492 poor households at the end of 2017,
  /// 114 near-poor and 112 out of poverty, where its list of 4,132 has 2,851, 658 and 623.
  @Test func aDistrictTableIsComparedWithItsCommunesLists() throws {
    let review = try Self.review(adding: [
      "households/khop/20944-ds-ho-2017.xlsx", "households/khop/20977-ds-ho-2017-tcvn3.csv",
    ])
    let found = review.findings.filter { $0.code == "list-summary-mismatch" }
    func at(_ file: String, _ cell: String) -> Location {
      Location(file: file, sheet: "Biểu 01", cell: CellAddress(cell)!)
    }
    #expect(
      Set(found.map(\.location)) == [
        at("516-bao-cao-thi-dua-2017.xlsx", "F9"), at("516-bao-cao-thi-dua-2017.xlsx", "I9"),
        at("516-bao-cao-thi-dua-2017.xlsx", "K9"), at("517-bao-cao-thi-dua-2017.xlsx", "F10"),
        at("517-bao-cao-thi-dua-2017.xlsx", "I10"), at("517-bao-cao-thi-dua-2017.xlsx", "K10"),
      ])
    #expect(found.count == 6)
    #expect(
      found.first { $0.location == at("516-bao-cao-thi-dua-2017.xlsx", "I9") }?.values == [
        "village": "Xã Trà Mai", "class": "ngheo", "field": "Số hộ nghèo cuối năm", "seen": "492", "expected": "2851",
        "list_file": "20944-ds-ho-2017.xlsx", "list_sheet": "DS hộ", "list_column": "Q",
      ])
    // A district's findings are the district's: the communes' reviews stay accurate.
    let c5 = review.results.first { $0.unit.code == "20944" }?.years.last?.criteria.first { $0.id == "c5" }
    #expect(c5?.reason == "no-complaints-list-accurate")
    // Without the lists, the district tables are compared with nothing.
    #expect(try Self.review(adding: []).findings.filter { $0.code == "list-summary-mismatch" }.isEmpty)
  }

  @Test func aListSheetLeftEmptyIsNoList() throws {
    // A commune's template returned with its summary filled and its list sheet empty.
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("20944-ds-rong.xlsx").path
    let made = try runPython(
      """
      import sys, openpyxl
      wb = openpyxl.Workbook(); ws = wb.active
      ws.append(["UBND XÃ TRÀ MAI"]); ws.append(["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2017"])
      ws.append(["STT", "Mã hộ", "Họ tên chủ hộ", "Thôn", "Số khẩu", "Thu nhập BQ/người/tháng", "Phân loại hộ"])
      wb.save(sys.argv[1])
      """, path)
    #expect(made.status == 0)
    let review = try Self.review(adding: [])
    let withEmpty = try Self.review(addingPaths: [path])
    #expect(withEmpty.findings.filter { Self.householdCodes.contains($0.code) }.isEmpty)
    #expect(withEmpty.findings.count == review.findings.count)
  }

  @Test func aHouseholdInTwoCommunesListsIsFoundInTheLaterList() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Xã Tam Sơn's list holding one household of Xã Trà Mai's (its code 20944-00001).
    let path = folder.appendingPathComponent("20977-ds-ho.xlsx").path
    let made = try runPython(
      """
      import sys, openpyxl
      wb = openpyxl.Workbook(); ws = wb.active
      ws.append(["UBND XÃ TAM SƠN"]); ws.append(["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2017"])
      ws.append(["STT", "Mã hộ", "Họ tên chủ hộ", "Thôn", "Số khẩu", "Thu nhập BQ/người/tháng", "Phân loại hộ"])
      ws.append([1, "20977-00001", "Hộ A", "Thôn 1", 3, 500000, "Nghèo"])
      ws.append([2, "20944-00001", "Hộ B", "Thôn 1", 4, 600000, "Nghèo"])
      wb.save(sys.argv[1])
      """, path)
    #expect(made.status == 0)
    let review = try Self.review(addingPaths: [fixturePath("households/khop/20944-ds-ho-2017.xlsx"), path])
    let twice = review.findings.filter { $0.code == "household-in-two-communes" }
    #expect(twice.map(\.location) == [Location(file: "20977-ds-ho.xlsx", sheet: "Sheet", cell: CellAddress("B5")!)])
    #expect(
      twice.first?.values == [
        "household": "20944-00001", "unit": "Xã Tam Sơn", "other_unit": "Xã Trà Mai",
        "other_file": "20944-ds-ho-2017.xlsx", "other_row": "5",
      ])
  }

  @Test func theReviewersSeeEachCommunesListByDistrict() throws {
    let review = try Self.review(adding: [
      "households/lech/20944-ds-ho-2017-thieu-ho.xlsx", "households/khop/20977-ds-ho-2017-tcvn3.csv",
    ])
    let out = Self.scratchPath()
    defer { try? FileManager.default.removeItem(at: out) }
    _ = try ReviewOutputs(result: review, movement: Self.movement, language: .vi).write(to: out.path)
    let source = try Workbooks.open(path: out.appendingPathComponent("tham-dinh-nam-2017.xlsx").path)
    // Trà Mai is in Nam Trà My (516), Tam Sơn in Núi Thành (517): a sheet each.
    let sheets = source.sheets.map(\.name).filter { $0.hasPrefix("Rà soát hộ") }
    #expect(sheets == ["Rà soát hộ - Huyện Nam Trà My", "Rà soát hộ - Huyện Núi Thành"])
    func row(_ sheet: String) throws -> [String] {
      let grid = try SheetGrid(source: source, sheet: try source.sheet(named: sheet), file: "x")
      return (1...grid.lastColumn).map { column in
        let value = grid.cells[CellAddress(row: ReportTable.firstDataRow, column: column)]?.value
        if let n = value?.number { return String(Int(n)) }
        return value?.text ?? ""
      }
    }
    #expect(
      try row(sheets[0]) == [
        "1", "Xã Trà Mai", "20944-ds-ho-2017-thieu-ho.xlsx", "4129", "2848", "658", "623", "2848", "658", "0", "1",
        "Chưa chính xác: 0 hộ phân loại sai, 1 ô lệch biểu tổng hợp, 0 lỗi khác",
      ])
    #expect(try row(sheets[1]).last == "Rà soát chính xác")
  }

  /// "Rà soát … chính xác" (c5): a list with a defect makes it not met at the defect's cell,
  /// an accurate one keeps it met in words that say so, a commune without a list is decided
  /// by its complaints alone.
  @Test func theListDecidesTheAccurateReviewCriterion() throws {
    let review = try Self.review(adding: [
      "households/lech/20944-ds-ho-2017-thieu-ho.xlsx", "households/khop/20977-ds-ho-2017-tcvn3.csv",
    ])
    func c5(_ unit: String) -> CriterionOutcome? {
      review.results.first { $0.unit.code == unit }?.years.last?.criteria.first { $0.id == "c5" }
    }
    let off = try #require(c5("20944"))
    #expect(off.status == .notMet)
    #expect(off.reason == "household-list-not-accurate")
    #expect(off.values == ["misclassified": "0", "summary_cells": "1", "other_defects": "0"])
    #expect(off.sources == [Location(file: "20944-2017.xlsx", sheet: "Biểu 01", cell: CellAddress("I9")!)])
    let criterion = Self.movement.criterion("c5")
    #expect(
      OutcomeWords.reason(off, Words(language: .vi), of: criterion)
        == "Rà soát chưa chính xác: 0 hộ phân loại sai, 1 ô lệch biểu tổng hợp, 0 lỗi khác trong danh sách hộ")
    let accurate = try #require(c5("20977"))
    #expect(accurate.status == .met)
    #expect(accurate.reason == "no-complaints-list-accurate")
    #expect(accurate.values == ["households": "1214"])
    #expect(
      OutcomeWords.reason(accurate, Words(language: .en), of: criterion)
        == "No complaints; the list of 1,214 households is accurate")
    #expect(c5("21007")?.reason == "complaints")
    #expect(c5("20998")?.reason == "no-complaints")
    // Without the lists, the same communes are decided by their complaints.
    let alone = try Self.review(adding: [])
    #expect(
      alone.results.first { $0.unit.code == "20944" }?.years.last?.criteria.first { $0.id == "c5" }?.reason
        == "no-complaints")
  }

  /// A sheet of an output workbook as texts, a row per data row (whole numbers without marks).
  static func dataRows(_ path: String, sheet: String) throws -> [[String]] {
    let source = try Workbooks.open(path: path)
    let grid = try SheetGrid(source: source, sheet: try source.sheet(named: sheet), file: "x")
    guard grid.lastRow >= ReportTable.firstDataRow else { return [] }
    return (ReportTable.firstDataRow...grid.lastRow).map { row in
      (1...grid.lastColumn).map { column in
        let value = grid.cells[CellAddress(row: row, column: column)]?.value
        if let n = value?.number { return n == n.rounded() ? String(Int(n)) : String(n) }
        return value?.text ?? ""
      }
    }
  }

  /// The commune is told which households to re-examine, by village, each at its cell;
  /// its to-do list holds one row for them; report.json counts the list by village.
  @Test func aCommuneIsToldWhichHouseholdsToReExamineByVillage() throws {
    let review = try Self.review(adding: ["households/20944-danh-sach-ho-2017.xlsx"])
    let out = Self.scratchPath()
    defer { try? FileManager.default.removeItem(at: out) }
    _ = try ReviewOutputs(result: review, movement: Self.movement, language: .vi).write(to: out.path)
    let feedback = out.appendingPathComponent("phan-hoi/20944-xa-tra-mai.xlsx").path
    let households = try Self.dataRows(feedback, sheet: "Hộ cần rà soát lại")
    // Village, code, recorded, by the standard, income, deprivations, problem, cell.
    #expect(
      households.map { [$0[1], $0[2], $0[4], $0[5], $0[6], $0[7], $0[8], $0[10]] } == [
        ["Thôn 3", "20944-0003", "nghèo", "không nghèo", "1200000", "1", "Phân loại hộ không đúng chuẩn", "Q9"],
        ["Thôn 3", "20944-0006", "cận nghèo", "nghèo", "650000", "4", "Phân loại hộ không đúng chuẩn", "Q12"],
        ["Thôn 3", "20944-0009", "thoát nghèo", "nghèo", "600000", "2", "Phân loại hộ không đúng chuẩn", "Q15"],
        ["Thôn 3", "20944-0001", "", "", "", "", "Hộ ghi hai lần", "B18"],
        ["Thôn 3", "20944-0018", "", "", "", "", "Phân loại hộ không rõ", "Q24"],
        ["Thôn 2", "20944-0014", "", "", "", "", "Hộ không có nhân khẩu", "E20"],
        ["Thôn 1", "20944-0016", "", "", "-50000", "", "Thu nhập âm", "F22"],
      ])
    // One list: its file is named above the table, not on every row.
    #expect(households.allSatisfy { $0.count == 11 })
    // One row of the to-do list for the seven, with c5's 20 points; none per household.
    let toDo = try Self.dataRows(feedback, sheet: "Cần sửa")
    let listRows = toDo.filter { $0[2] == "20944-danh-sach-ho-2017.xlsx" }
    #expect(listRows.count == 1)
    #expect(
      listRows.first?[5]
        == "Danh sách hộ: 7 hộ cần rà soát lại (6 lỗi), liệt kê theo thôn ở trang 'Hộ cần rà soát lại'.")
    #expect(listRows.first?[7] == "20")
    // The twelve summary cells the list disagrees with stay rows of their own.
    #expect(toDo.filter { $0[2] == "20944-2017.xlsx" }.map { $0[4] }.count == 12)

    let json =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
    #expect(json?["schema"] as? String == "thidua-review/2")
    let lists = try #require(json?["householdLists"] as? [[String: Any]])
    #expect(lists.count == 1)
    #expect(lists.first?["unit"] as? String == "20944")
    #expect(lists.first?["households"] as? Int == 20)
    #expect(lists.first?["accurate"] as? Bool == false)
    #expect(
      [lists.first?["misclassified"], lists.first?["summaryCells"], lists.first?["otherDefects"]].map { $0 as? Int }
        == [3, 12, 3])
    let villages = try #require(lists.first?["villages"] as? [[String: Any]])
    #expect(villages.map { $0["name"] as? String } == ["Thôn 1", "Thôn 2", "Thôn 3"])
    #expect(villages.map { $0["mismatches"] as? Int } == [0, 0, 3])
    #expect(villages[2]["recorded"] as? [String: Int] == ["ngheo": 3, "can_ngheo": 1, "thoat_ngheo": 1])
    #expect(villages[2]["computed"] as? [String: Int] == ["ngheo": 4, "khong": 1])

    // In English the sheet and its words are English.
    let en = Self.scratchPath()
    defer { try? FileManager.default.removeItem(at: en) }
    _ = try ReviewOutputs(result: review, movement: Self.movement, language: .en).write(to: en.path)
    let english = try Self.dataRows(
      en.appendingPathComponent("phan-hoi/20944-xa-tra-mai.xlsx").path, sheet: "Households to re-examine")
    #expect(
      english.first.map { [$0[4], $0[5], $0[8]] } == [
        "poor", "neither poor nor near-poor", "Household class against the standard",
      ])
  }
}
