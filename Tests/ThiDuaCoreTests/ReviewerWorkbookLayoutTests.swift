import Foundation
import TestSupport
import Testing

@testable import SheetIO
@testable import ThiDuaCore

/// The reviewers' workbook of the sample inbox as a reviewer reads it: words before
/// codes, columns as wide as their texts, charts on sheets of their own, the proposals
/// in few columns (scripts/check-render.py checks the printed pages).
@Suite struct ReviewerWorkbookLayoutTests {
  /// The workbook, written once for all the tests.
  static let book: String = {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-layout-\(UUID().uuidString)")
    let movement = try! MovementDefinition.shipped()
    let result = try! Review(movement: movement).run(inbox: fixturePath("inbox"))
    _ = try! ReviewOutputs(result: result, movement: movement, language: .vi).write(to: out.path)
    return out.appendingPathComponent("tham-dinh-nam-2017.xlsx").path
  }()

  func grid(_ sheet: String) throws -> SheetGrid {
    let source = try Workbooks.open(path: Self.book)
    return try SheetGrid(source: source, sheet: try source.sheet(named: sheet), file: "tham-dinh-nam-2017.xlsx")
  }

  /// A cell's text, or its whole number as digits.
  func shown(_ value: CellValue?) -> String {
    if let n = value?.number { return n == n.rounded() ? String(Int(n)) : String(n) }
    return value?.text ?? ""
  }

  func text(_ grid: SheetGrid, _ cell: String) -> String { shown(grid.cells[CellAddress(cell)!]?.value) }

  func row(_ grid: SheetGrid, _ row: Int) -> [String] {
    (1...grid.lastColumn).map { shown(grid.cells[CellAddress(row: row, column: $0)]?.value) }
  }

  func part(_ name: String) throws -> String {
    let archive = try ZipArchive(path: Self.book)
    return String(decoding: try archive.readAll(name, limit: 1 << 24, limits: .standard), as: UTF8.self)
  }

  /// `<col>` widths of a worksheet part, by column number.
  func widths(_ sheetPart: String) throws -> [Int: Double] {
    let xml = try part(sheetPart)
    var out: [Int: Double] = [:]
    let pattern = /<col min="(\d+)" max="(\d+)" width="([0-9.]+)"/
    for match in xml.matches(of: pattern) {
      for c in Int(match.1)!...Int(match.2)! { out[c] = Double(match.3)! }
    }
    return out
  }

  @Test func chartsAreOnSheetsOfTheirOwnNextToTheirTables() throws {
    let source = try Workbooks.open(path: Self.book)
    #expect(
      source.sheets.map(\.name).prefix(4) == [
        "Tổng hợp", "Biểu đồ nộp báo cáo", "Mục tiêu kế hoạch", "Biểu đồ giảm nghèo",
      ])
    _ = try part("xl/chartsheets/sheet1.xml")
    _ = try part("xl/chartsheets/sheet2.xml")
    // No worksheet draws anything: no chart can straddle a page break.
    let archive = try ZipArchive(path: Self.book)
    let drawn = try (1...source.sheets.count - 2).filter {
      guard archive.stat("xl/worksheets/_rels/sheet\($0).xml.rels") != nil else { return false }
      return try part("xl/worksheets/_rels/sheet\($0).xml.rels").contains("relationships/drawing\"")
    }
    #expect(drawn.isEmpty)
  }

  @Test func rankingHeadersGiveTheCriterionInWordsThenItsCode() throws {
    let districts = try grid("Xếp hạng huyện")
    #expect(
      row(districts, 4) == [
        "Hạng", "Đơn vị", "Mã đơn vị", "Cụm, khối thi đua", "Hạng trong cụm, khối", "Điểm", "Điểm tối đa",
        "Chương trình, kế hoạch giảm nghèo (b1,\u{00A0}25\u{00A0}đ)",
        "Kinh phí, quyết toán, báo cáo (b2,\u{00A0}25\u{00A0}đ)", "Huy động nguồn lực xã hội (b3,\u{00A0}25\u{00A0}đ)",
        "Giảm nghèo vượt chỉ tiêu (b4*,\u{00A0}25\u{00A0}đ)", "Số liệu", "Đề xuất khen thưởng",
      ])
    #expect(row(districts, 5).prefix(3) == ["1", "Huyện Nam Trà My", "516"])
    // Communes have no cluster: no empty cluster columns.
    let communes = try grid("Xếp hạng xã")
    #expect(!row(communes, 4).contains("Cụm, khối thi đua"))
    #expect(row(communes, 4).prefix(5) == ["Hạng", "Đơn vị", "Mã đơn vị", "Điểm", "Điểm tối đa"])
    // Trà Tập sent its poverty table only: its 20 points rest on 1 criterion of 5.
    let traTap = (5...communes.lastRow).first { text(communes, "B\($0)") == "Xã Trà Tập" }!
    #expect(text(communes, "K\(traTap)") == "Thiếu: 4/5 tiêu chí chưa đánh giá được")
    #expect(text(communes, "K5") == "Đủ")
  }

  @Test func theLegendGivesEveryCriterionInThePlansWords() throws {
    let legend = try grid("Tiêu chí thi đua")
    #expect(
      row(legend, 4) == [
        "Loại đơn vị", "Tiêu chí", "Mã", "Mục", "Điểm", "Bắt buộc", "Cách đánh giá", "Nội dung theo Kế hoạch",
      ])
    let b4 = (5...legend.lastRow).first { text(legend, "C\($0)") == "b4" }!
    #expect(text(legend, "B\(b4)") == "Giảm nghèo vượt chỉ tiêu")
    #expect(text(legend, "F\(b4)") == "Có")
    #expect(text(legend, "G\(b4)") == "Tính từ số liệu báo cáo")
    #expect(
      text(legend, "H\(b4)")
        == "Giảm tỷ lệ hộ nghèo vượt chỉ tiêu kế hoạch do Hội đồng nhân dân và Ủy ban nhân dân tỉnh giao hằng năm.")
    // Every ranked criterion of the three categories that report, nominee rules aside.
    #expect(legend.lastRow - 4 == 14)
  }

  @Test func proposalsFitTenColumnsAndNameWhoProposes() throws {
    let proposals = try grid("Đề xuất khen thưởng")
    #expect(
      row(proposals, 4) == [
        "STT", "Đơn vị, cá nhân được đề xuất", "Loại", "Đơn vị đề nghị", "Điểm", "Hạng", "Đủ điều kiện",
        "Hình thức đề xuất", "Ý kiến thẩm định", "Ghi chú của người thẩm định", "Mã đề xuất",
      ])
    // The hidden key column and the run's mark that `thidua decisions` reads back.
    #expect(text(proposals, "K5") == "U-516")
    #expect(text(proposals, "K3").hasPrefix("thidua-run:") && text(proposals, "K3").count == 11 + 64)
    #expect(try part("xl/worksheets/sheet7.xml").contains(#"<col min="11" max="11" width="14.7109375" hidden="1""#))
    #expect(
      row(proposals, 5).prefix(4) == ["1", "Huyện Nam Trà My", "Huyện, thị xã, thành phố", "Theo xếp hạng phong trào"])
    // A nominee is proposed by the unit that sent the list, named, not coded.
    let nominees = (5...proposals.lastRow).filter { text(proposals, "D\($0)") != "Theo xếp hạng phong trào" }
    #expect(!nominees.isEmpty)
    let registry = try MovementDefinition.shipped().registry
    let names = Set(registry.units.map(\.name))
    #expect(nominees.allSatisfy { names.contains(text(proposals, "D\($0)")) })
    // The reasons are on the detail sheet, under the same number.
    let details = try grid("Căn cứ đề xuất")
    #expect(
      row(details, 4) == ["STT", "Đơn vị, cá nhân được đề xuất", "Hình thức đề xuất", "Căn cứ", "Lý do", "Ô nguồn"])
    #expect(text(details, "B5") == "Huyện Nam Trà My")
    #expect(
      text(details, "E5") == "Điểm 100/100, hạng 1/18; đạt: b1, b2, b3, b4; trong hạn mức 3 đơn vị (20 % của 18).")
    #expect(details.lastRow == proposals.lastRow)
  }

  @Test func findingsAreNamedInWordsWithTheCodeLast() throws {
    let findings = try grid("Phát hiện")
    #expect(
      row(findings, 4) == ["STT", "Mức độ", "Phát hiện", "Đơn vị", "Tệp", "Trang", "Ô", "Nội dung", "Mã phát hiện"])
    let late = (5...findings.lastRow).first { text(findings, "I\($0)") == "late-submission" }!
    #expect(text(findings, "C\(late)") == "Nộp muộn")
    // The unit by name, not by code.
    #expect(!text(findings, "D\(late)").isEmpty && Int(text(findings, "D\(late)")) == nil)
  }

  /// The width libxlsxwriter records for `width`: whole pixels (7 per unit and 5 of
  /// padding) in 256ths of a unit.
  func stored(_ width: Double) -> Double {
    let pixels = Double(Int(width * 7 + 0.5) + 5)
    return (pixels / 7 * 256).rounded(.down) / 256
  }

  @Test func columnsAreAsWideAsTheirLongestTextUpToTheirLimit() throws {
    let districts = try grid("Xếp hạng huyện")
    // The sheet's part: sheets are numbered in order, chart sheets apart.
    let widths = try widths("xl/worksheets/sheet3.xml")
    let names = (5...districts.lastRow).map { text(districts, "B\($0)") }
    let longest = names.map { TextWidth.points($0, size: 12) }.max()!
    #expect(widths[2] == stored(TextWidth.columnWidth(points: longest)))
    #expect(widths[2]! < stored(26))
    // "Ghi nhận trong bình xét thi đua cuối năm" is wider than 24: the column stops at
    // 24 and the text wraps there.
    #expect(widths[13] == stored(24))
    let codes = (5...districts.lastRow).map { text(districts, "C\($0)") }
    let header = TextWidth.points("Mã đơn vị", size: 12, bold: true)
    let widest = max(header, codes.map { TextWidth.points($0, size: 12) }.max()!)
    #expect(widths[3] == stored(TextWidth.columnWidth(points: widest)))
  }
}

/// A run over an earlier run's results names what changed on its own sheet, and prints
/// its run number and fingerprint on every page.
@Suite struct ChangesSheetTests {
  @Test func theWorkbookSaysWhatChangedSinceTheRunBefore() throws {
    let manager = FileManager.default
    let base = manager.temporaryDirectory.appendingPathComponent("thidua-changes-\(UUID().uuidString)")
    let inbox = base.appendingPathComponent("inbox").path
    try manager.createDirectory(atPath: inbox, withIntermediateDirectories: true)
    for name in try manager.contentsOfDirectory(atPath: fixturePath("inbox")) where name != "sldtbxh-bao-cao-2017.xlsx"
    {
      try manager.copyItem(atPath: fixturePath("inbox") + "/" + name, toPath: inbox + "/" + name)
    }
    let movement = try MovementDefinition.shipped()
    let first = base.appendingPathComponent("first").path
    let before = try Review(movement: movement).run(inbox: inbox)
    var outputs = ReviewOutputs(result: before, movement: movement, language: .vi)
    outputs.stamp = RunStamp.next(after: nil, fingerprint: RunStamp.fingerprint(before, movement: movement))
    _ = try outputs.write(to: first)
    try manager.copyItem(
      atPath: fixturePath("inbox/sldtbxh-bao-cao-2017.xlsx"), toPath: inbox + "/sldtbxh-bao-cao-2017.xlsx")
    let after = try Review(movement: movement).run(inbox: inbox)
    var again = ReviewOutputs(result: after, movement: movement, language: .vi)
    again.previous = PreviousRun.load(from: first)
    again.stamp = RunStamp.next(after: again.previous, fingerprint: RunStamp.fingerprint(after, movement: movement))
    again.replacing = first
    let second = base.appendingPathComponent("second").path
    _ = try again.write(to: second)
    #expect(again.stamp?.run == 2)

    let book = second + "/tham-dinh-nam-2017.xlsx"
    let source = try Workbooks.open(path: book)
    #expect(source.sheets.map(\.name).prefix(3) == ["Tổng hợp", "Biểu đồ nộp báo cáo", "Thay đổi"])
    let grid = try SheetGrid(source: source, sheet: try source.sheet(named: "Thay đổi"), file: "x")
    let lines = (5...grid.lastRow).map { grid.cells[CellAddress(row: $0, column: 2)]?.value.text ?? "" }
    #expect(lines.first == "Tệp mới: sldtbxh-bao-cao-2017.xlsx")
    #expect(lines.contains { $0.hasPrefix("Hạng: Sở Lao động - Thương binh và Xã hội (SLDTBXH): — → 1, ") })
    #expect(lines.last?.hasPrefix("Phản hồi cần gửi lại: phan-hoi/BDT-ban-dan-toc-tinh.xlsx") == true)
    // Every page carries the stamp: the header of each worksheet and chart sheet.
    let archive = try ZipArchive(path: book)
    let header = "&amp;R&amp;8Lần chạy 2 · mã \(again.stamp!.fingerprint.prefix(8))"
    for i in 1...3 {
      let sheet = String(
        decoding: try archive.readAll("xl/worksheets/sheet\(i).xml", limit: 1 << 24, limits: .standard), as: UTF8.self)
      #expect(sheet.contains("<oddHeader>\(header)</oddHeader>"))
    }
    let chart = String(
      decoding: try archive.readAll("xl/chartsheets/sheet1.xml", limit: 1 << 24, limits: .standard), as: UTF8.self)
    #expect(chart.contains(header))
  }
}
