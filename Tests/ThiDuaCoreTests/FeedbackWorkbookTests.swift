import Foundation
import TestSupport
import Testing

@testable import SheetIO
@testable import ThiDuaCore

/// What each unit is told, read back from its feedback workbook: what to send, what
/// to fix and the points at stake, its files, its nominees, its ranks.
@Suite struct FeedbackWorkbookTests {
  static func feedback(inbox: String, kind: ReviewKind = .annual) -> String {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-feedback-\(UUID().uuidString)")
    let movement = try! MovementDefinition.shipped()
    var review = Review(movement: movement)
    review.kind = kind
    let result = try! review.run(inbox: fixturePath(inbox))
    _ = try! ReviewOutputs(result: result, movement: movement, language: .vi).write(to: out.path)
    return out.appendingPathComponent("phan-hoi").path
  }

  static let sample = feedback(inbox: "inbox")

  func rows(_ folder: String, _ file: String, _ sheet: String) throws -> [[String]] {
    let source = try Workbooks.open(path: folder + "/" + file)
    let grid = try SheetGrid(source: source, sheet: try source.sheet(named: sheet), file: file)
    guard grid.lastRow >= 5 else { return [] }
    return (5...grid.lastRow).map { r in
      (1...grid.lastColumn).map { c in
        let value = grid.cells[CellAddress(row: r, column: c)]?.value
        if let n = value?.number { return n == n.rounded() ? String(Int(n)) : String(n) }
        return value?.text ?? ""
      }
    }
  }

  func subtitle(_ folder: String, _ file: String) throws -> String {
    let source = try Workbooks.open(path: folder + "/" + file)
    let grid = try SheetGrid(source: source, sheet: try source.sheet(named: "Cần sửa"), file: file)
    // After the letterhead line.
    let text = grid.cells[CellAddress("A2")!]?.value.text ?? ""
    return String(text.split(separator: "\n", maxSplits: 1).last ?? "")
  }

  @Test func theFeedbackNamesWhoAnswersUnderWhichPlanAndAsOfWhen() throws {
    let source = try Workbooks.open(path: Self.sample + "/507-thi-xa-dien-ban.xlsx")
    let grid = try SheetGrid(source: source, sheet: try source.sheet(named: "Cần sửa"), file: "x")
    let letterhead = (grid.cells[CellAddress("A2")!]?.value.text ?? "").split(separator: "\n").first ?? ""
    #expect(
      letterhead
        == "Sở Nội vụ tỉnh Quảng Nam (Ban Thi đua – Khen thưởng) gửi Thị xã Điện Bàn, theo Kế hoạch số 5201/KH-UBND ngày 27/9/2017 của UBND tỉnh Quảng Nam; lập theo báo cáo nhận đến ngày 20/02/2018. Sửa hoặc bổ sung các mục ở trang 'Cần sửa' rồi gửi lại cho cơ quan thẩm định trước khi Hội đồng họp: điểm được tính lại theo tệp gửi lại."
    )
  }

  @Test func aCommuneThatSentOneFormIsToldWhatToSendAndWhatItCosts() throws {
    let todo = try rows(Self.sample, "20941-xa-tra-tap.xlsx", "Cần sửa")
    #expect(
      todo == [
        [
          "1", "Cần bổ sung", "", "", "",
          "Chưa nộp biểu tự đánh giá (TIEU_CHI): chưa đánh giá được tiêu chí c1 (20 đ).",
          "Gửi bổ sung biểu 'Tự đánh giá kết quả thực hiện các tiêu chí thi đua' (mẫu: thidua templates --unit 20941)",
          "20",
        ],
        [
          "2", "Cần bổ sung", "", "", "",
          "Chưa nộp biểu thông tin đơn vị (THONG_TIN): chưa đánh giá được tiêu chí c2 (20 đ), c3 (20 đ), c5 (20 đ).",
          "Gửi bổ sung biểu 'Thông tin kết quả thực hiện phong trào của đơn vị' (mẫu: thidua templates --unit 20941)",
          "60",
        ],
      ])
    #expect(
      try subtitle(Self.sample, "20941-xa-tra-tap.xlsx").hasPrefix(
        "Xã Trà Tập (20941) — năm 2017: điểm 20/100, hạng 6/6. Không đề xuất khen thưởng. Đạt: c4;"))
  }

  @Test func aUnitIsToldItsResubmissionCouldNotBeRead() throws {
    let todo = try rows(Self.sample, "20998-xa-tam-quang.xlsx", "Cần sửa")
    #expect(todo.count == 1)
    #expect(todo.first?.prefix(3) == ["1", "Lỗi", "tam-quang-gui-lai-bi-loi.xlsx"])
    #expect(
      todo.first?[5].hasPrefix("Tệp không được dùng (Không đọc được): Tệp tam-quang-gui-lai-bi-loi.xlsx bị hỏng")
        == true)
    let files = try rows(Self.sample, "20998-xa-tam-quang.xlsx", "Tệp đã nhận").map { [$0[1], $0[2]] }
    #expect(files == [["20998-2017.xlsx", "Đã dùng"], ["tam-quang-gui-lai-bi-loi.xlsx", "Không đọc được"]])
  }

  @Test func ranksHaveTheirDenominatorsAndAFindingItsPoints() throws {
    #expect(
      try subtitle(Self.sample, "507-thi-xa-dien-ban.xlsx").hasPrefix(
        "Thị xã Điện Bàn (507) — năm 2017: điểm 75/100, hạng 10/18, hạng 3/9 trong Cụm đồng bằng. Đề xuất: Ghi nhận trong bình xét thi đua cuối năm. Đạt: b1, b2, b4;"
      ))
    let todo = try rows(Self.sample, "507-thi-xa-dien-ban.xlsx", "Cần sửa")
    #expect(
      todo.map { [$0[1], $0[4], $0[6], $0[7]] } == [
        ["Cảnh báo", "D6", "Ghi số, ngày văn bản minh chứng — tiêu chí b3 chưa đạt vì lỗi này", "25"]
      ])
    // A copy is listed with its original.
    let files = try rows(Self.sample, "502-thanh-pho-tam-ky.xlsx", "Tệp đã nhận").map { [$0[1], $0[2], $0[4]] }
    #expect(
      files == [
        ["502-bao-cao-thi-dua-2017 (ban sao).xlsx", "Bản trùng", "502-bao-cao-thi-dua-2017.xlsx"],
        ["502-bao-cao-thi-dua-2017.xlsx", "Đã dùng", ""],
      ])
  }

  @Test func nomineesOutcomesReachTheUnitThatProposedThem() throws {
    let nominees = try rows(Self.sample, "516-huyen-nam-tra-my.xlsx", "Đề nghị của đơn vị").map { Array($0[1...]) }
    #expect(
      nominees == [
        ["Hộ bà Hồ Thị Bình", "Hộ gia đình", "Không", "—", "thoát nghèo 2 năm không tái nghèo (cần từ 3 năm)"],
        [
          "Hợp tác xã minh hoạ Trà My", "Doanh nghiệp", "Không", "—",
          "không có đóng góp cụ thể (tiền hoặc việc làm cho lao động nghèo)",
        ],
      ])
  }

  @Test func aMissingYearOfThePeriodIsOnTheList() throws {
    let folder = Self.feedback(inbox: "inbox-tong-ket", kind: .tongKet)
    let todo = try rows(folder, "519-huyen-nong-son.xlsx", "Cần sửa")
    #expect(
      todo.first == [
        "1", "Cần bổ sung", "", "", "",
        "Năm 2019: chưa nhận được báo cáo của đơn vị. Năm không có báo cáo được tính 0 điểm trong điểm bình quân 5 năm.",
        "Gửi báo cáo năm 2019", "20",
      ])
  }

  /// Of the figures a criterion reads, only those the unit left out are asked for:
  /// Thăng Bình's information form gives the settlement dates and the reports on time,
  /// not the reports due.
  @Test func onlyTheMissingFiguresAreAskedFor() throws {
    let todo = try rows(Self.feedback(inbox: "inbox-thuc-te"), "513-huyen-thang-binh.xlsx", "Cần sửa")
    let asked = todo.filter { $0[6].hasPrefix("Bổ sung số liệu: ") }.map { [$0[5], $0[6], $0[7]] }
    #expect(
      asked == [
        [
          "Thiếu số liệu để đánh giá (THONG_TIN.ngay_quyet_toan = 10/01/2018; THONG_TIN.han_quyet_toan = 31/01/2018; "
            + "THONG_TIN.bao_cao_dung_han = 6; THONG_TIN.bao_cao_phai_nop = —): chưa đánh giá được tiêu chí b2 (25 đ).",
          "Bổ sung số liệu: Số báo cáo định kỳ, đột xuất phải nộp", "25",
        ]
      ])
  }

  @Test func theReviewersSeeWhichYearsEachUnitSent() throws {
    let folder = (Self.feedback(inbox: "inbox-tong-ket", kind: .tongKet) as NSString).deletingLastPathComponent
    let grid = try rows(folder, "tham-dinh-tong-ket-2020.xlsx", "Báo cáo theo năm")
    #expect(grid[3] == ["4", "Huyện Nông Sơn", "519", "Đã nộp", "Đã nộp", "Đã nộp", "Chưa nộp", "Đã nộp", "4/5"])
    #expect(grid[0].suffix(6) == ["Đã nộp", "Đã nộp", "Đã nộp", "Đã nộp", "Đã nộp", "5/5"])
  }

  @Test(arguments: [
    ("512-bao-cao.xlsx", "512"), ("tam-quang-gui-lai-bi-loi.xlsx", "20998"), ("BAO CAO XA TAM QUANG.xls", "20998"),
    ("hoa-vang-2017.xlsx", nil), ("bao-cao.xlsx", nil), ("tam.xlsx", nil),
  ])
  func aFileIsOwnedByTheUnitItsNameNames(_ file: String, _ owner: String?) throws {
    let registry = try MovementDefinition.shipped().registry
    let units = ["512", "20998", "20941", "20944"].compactMap { registry.unit(code: $0) }
    #expect(FileOwner.unit(named: file, among: units)?.code == owner)
  }
}
