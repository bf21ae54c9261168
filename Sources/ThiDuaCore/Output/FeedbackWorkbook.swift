import Crypto
import Foundation
import SheetIO

/// `out/phan-hoi/<unit>.xlsx`: what one unit gets back — its result per criterion, what
/// to send and to fix (`FeedbackToDo`), and what became of each of its files.
struct FeedbackWorkbook {
  let result: ReviewResult
  let unit: UnitResult
  /// The unit's own proposal, if any, and its files whose findings stand (from
  /// `FeedbackWorkbook.Index`, built once for all units).
  let recommendation: Recommendation?
  let files: [ReceivedFile]
  /// Every file of the unit, whatever became of it: one it named, or whose name names it.
  let owned: [ReceivedFile]
  /// The households, people and enterprises it proposed, and what it submitted.
  let nominees: [Recommendation]
  let submissions: [Submission]
  let movement: MovementDefinition
  let words: Words

  /// What each unit's workbook needs of the whole review, gathered once: a scan of
  /// every proposal and file for each of a thousand units cost more than writing them.
  struct Index {
    var recommendations: [String: Recommendation] = [:]
    var files: [String: [ReceivedFile]] = [:]
    var owned: [String: [ReceivedFile]] = [:]
    var nominees: [String: [Recommendation]] = [:]
    var submissions: [String: [Submission]] = [:]
    /// Units ranked per category, and per category and cluster.
    var ranked: [String: Int] = [:]

    init(_ result: ReviewResult) {
      for r in result.recommendations where r.subject == .unit && recommendations[r.unitCode] == nil {
        recommendations[r.unitCode] = r
      }
      for f in result.files where f.findingsStand {
        if let code = f.report.unit?.code { files[code, default: []].append(f) }
      }
      let units = result.results.map(\.unit)
      for f in result.files {
        if let code = f.report.unit?.code ?? FileOwner.unit(named: f.file.name, among: units)?.code {
          owned[code, default: []].append(f)
        }
      }
      nominees = Dictionary(grouping: result.recommendations.filter { $0.subject == .nominee }, by: \.unitCode)
      submissions = Dictionary(grouping: result.submissions, by: \.unit.code)
      for u in units {
        ranked[u.category, default: 0] += 1
        if let cluster = u.cluster { ranked[u.category + "|" + cluster, default: 0] += 1 }
      }
    }
  }

  /// Units ranked with this one in its category, and in its cluster.
  let ranked: (category: Int, cluster: Int)

  /// A run stamp for the corner of every page.
  var stamp: RunStamp?

  /// A fingerprint of everything the workbook tells the unit, the run stamp aside: when
  /// it is the one of the run before, the unit need not be sent its feedback again.
  var digest: String {
    var text = "\(unit.score)|\(unit.rankInCategory)|\(unit.rankInCluster ?? 0)\n"
    text += "\(recommendation?.form ?? "")|\(recommendation?.reason.vi ?? "")\n"
    for y in unit.years {
      for o in y.criteria {
        text += "\(y.year)|\(o.id)|\(o.status.rawValue)|\(o.reason)|\(o.values.sorted { $0.key < $1.key })\n"
      }
    }
    for f in owned { text += "\(f.file.name)|\(f.file.sha256)|\(f.fate.rawValue)|\(f.related)\n" }
    for finding in files.flatMap(\.report.findings) { text += Messages.text(finding, .vi) + "\n" }
    for x in nominees {
      text += "\(x.name)|\(x.eligible)|\(x.form ?? "")|\(x.reason.vi)\n"
    }
    return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
  }

  func write(to path: String) throws(WriteError) {
    let doc = try XLSXDocument(path: path, created: result.created)
    doc.pageHeader = stamp?.pageHeader(words)
    doc.properties.title = words("Phản hồi kết quả thẩm định – ", "Review feedback – ") + unit.unit.name
    doc.properties.subject = movement.title
    try outcomes(doc)
    let households = FeedbackHouseholds(standing: files, unit: unit, result: result, words: words)
    try fixes(doc, households: households)
    try households.write(doc)
    try received(doc)
    try nominees(doc)
    try doc.save()
  }

  /// Who, which review, the score, both ranks with their denominators, and the
  /// proposal with its reasons: why this form and not a higher one, or why none.
  private var subtitle: String {
    var rank = words(", hạng ", ", rank ") + "\(unit.rankInCategory)/\(ranked.category)"
    if let cluster = unit.unit.cluster, let r = unit.rankInCluster {
      let members = ranked.cluster
      rank += words(", hạng \(r)/\(members) trong \(cluster)", ", \(r) of \(members) in \(cluster)")
    }
    let proposal =
      recommendation.map { x in
        (x.form.map { words(". Đề xuất: ", ". Proposed: ") + $0 }
          ?? words(
            ". Không đề xuất khen thưởng", ". No award proposed"))
          + ". " + (x.reasonWithoutScore ?? x.reason).text(words.language)
      } ?? ""
    return letterhead + "\(unit.unit.name) (\(unit.unit.code)) — "
      + words.review(result.kind, year: result.year, period: result.period)
      + words(": điểm ", ": score ") + words.number(unit.score) + "/" + words.number(unit.maxScore, digits: 0) + rank
      + proposal + words(" (* tiêu chí bắt buộc)", " (* mandatory)")
  }

  /// Who answers, under which plan, as of which date, and how to answer back: the page
  /// can be filed as the reviewer's reply.
  private var letterhead: String {
    let asOf = VietnameseDate.text(ExcelDate(serial: Double(result.created) / 86_400 + 25_569, uses1904: false))
    let from = movement.reviewer.map { words("\($0) gửi ", "From \($0) to ") } ?? ""
    return from + "\(unit.unit.name), " + words("theo ", "under ") + movement.plan
      + words(
        "; lập theo báo cáo nhận đến ngày \(asOf). Sửa hoặc bổ sung các mục ở trang 'Cần sửa' rồi gửi lại cho cơ quan thẩm định trước khi Hội đồng họp: điểm được tính lại theo tệp gửi lại.\n",
        "; made from the reports received by \(asOf). Fix or add what 'To fix' lists and send it again to the reviewer before the council meets: the score is computed again from the file sent.\n"
      )
  }

  private func outcomes(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Kết quả tiêu chí", "Criteria"))
    let rows: [[CellValue]] = unit.years.flatMap { y in
      y.criteria.map { o in
        let c = movement.criterion(o.id)
        return [
          .number(Double(y.year)), .text(o.id + (c?.mandatory == true ? "*" : "")), .text(c?.clause ?? ""),
          .text(c?.text ?? ""),
          .number(c?.points ?? 0), .text(words.status(o.status)), .text(OutcomeWords.reason(o, words, of: c)),
          .text(o.sources.map(words.source).joined(separator: "\n")),
        ]
      }
    }
    let last = try ReportTable(
      title: words("KẾT QUẢ ĐÁNH GIÁ THEO TIÊU CHÍ", "RESULT BY CRITERION"), subtitle: subtitle,
      columns: [
        .init(title: words("Năm", "Year"), width: 7, style: OutputStyles.centered),
        .init(title: words("Tiêu chí", "Criterion"), width: 8, style: OutputStyles.centered),
        .init(title: words("Mục", "Clause"), width: 10),
        .init(title: words("Nội dung", "Text"), width: 50, style: OutputStyles.wrapped),
        .init(title: words("Điểm", "Points"), width: 7, style: OutputStyles.count),
        .init(title: words("Kết quả", "Result"), width: 14, style: OutputStyles.centered),
        .init(title: words("Lý do", "Reason"), width: 40, style: OutputStyles.wrapped),
        .init(title: words("Ô nguồn", "Source cells"), width: 36, style: OutputStyles.wrapped),
      ], rows: rows, words: words
    ).write(on: sheet)
    try ReportTable.colourStatuses(sheet, columns: 6...6, lastRow: last, words: words)
  }

  private func fixes(_ doc: XLSXDocument, households: FeedbackHouseholds) throws(WriteError) {
    let sheet = try doc.addSheet(words("Cần sửa", "To fix"))
    let unused = owned.filter { $0.fate != .used }
    let items = FeedbackToDo(result: result, unit: unit, submissions: submissions, movement: movement, words: words)
      .items(standing: files, unused: unused, households: households)
    let rows: [[CellValue]] = items.enumerated().map { i, item in
      [
        .number(Double(i + 1)), .text(item.severity), .text(item.file), .text(item.sheet), .text(item.cell),
        .text(item.message), .text(item.fix), item.points.map { .number($0) } ?? .empty,
      ]
    }
    let last = try ReportTable(
      title: words("CÁC ĐIỂM CẦN SỬA, CẦN GỬI BỔ SUNG", "WHAT TO FIX AND WHAT TO SEND"),
      subtitle: rows.isEmpty
        ? subtitle + words(". Không có gì cần sửa hay gửi bổ sung.", ". Nothing to fix or to send.")
        : subtitle
          + words(
            ". Cột cuối là số điểm của tiêu chí (hoặc của năm) mà điểm này đang làm mất.",
            ". The last column gives the points of the criterion (or the year) the item costs."),
      columns: [.index(words), .init(title: words("Mức độ", "Severity"), width: 12, style: OutputStyles.wrapped)]
        + FindingColumns.columns(words, fileWidth: 26, sheetWidth: 14, messageWidth: 50)
        + [
          .init(title: words("Cách sửa", "How to fix"), width: 34, style: OutputStyles.wrapped),
          .init(title: words("Điểm bị ảnh hưởng", "Points at stake"), width: 10, style: OutputStyles.count),
        ],
      rows: rows, words: words
    ).write(on: sheet)
    try FindingColumns.colourSeverities(sheet, column: 2, lastRow: last, words: words)
    if last >= ReportTable.firstDataRow {
      try sheet.conditionalFormat(
        CellRange(
          first: CellAddress(row: ReportTable.firstDataRow, column: 2), last: CellAddress(row: last, column: 2)),
        ConditionalFormat(.equalText(words("Cần bổ sung", "To send")), style: OutputStyles.bad))
    }
  }

  /// What became of each of the unit's files: used, replaced by a newer one, a copy,
  /// not readable.
  private func received(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Tệp đã nhận", "Files received"))
    let rows: [[CellValue]] = owned.enumerated().map { i, f in
      [
        .number(Double(i + 1)), .text(f.file.name), .text(words.fate(f.fate)),
        .text(words.forms(f.usedForms, of: movement)),
        .text(f.related.joined(separator: "\n")), .number(Double(f.report.findings.count)),
      ]
    }
    try ReportTable(
      title: words("CÁC TỆP ĐÃ NHẬN CỦA ĐƠN VỊ", "THE UNIT'S FILES RECEIVED"),
      subtitle: "\(unit.unit.name) (\(unit.unit.code))"
        + words(
          ". Chỉ tệp 'Đã dùng' được tính; tệp có bản mới hơn hay bản trùng không được tính.",
          ". Only files marked 'Used' count; a superseded file or a copy does not."),
      columns: [
        .index(words),
        .init(title: words("Tệp", "File"), width: 36, style: OutputStyles.wrapped),
        .init(title: words("Kết quả", "Fate"), width: 18, style: OutputStyles.wrapped),
        .init(title: words("Biểu đã dùng", "Forms used"), width: 30, style: OutputStyles.wrapped),
        .init(title: words("Liên quan", "Related"), width: 30, style: OutputStyles.wrapped),
        .init(title: words("Số phát hiện", "Findings"), width: 10, style: OutputStyles.count),
      ], rows: rows, words: words
    ).write(on: sheet)
  }

  /// The households, people and enterprises the unit proposed, and what became of each.
  private func nominees(_ doc: XLSXDocument) throws(WriteError) {
    guard !nominees.isEmpty else { return }
    let sheet = try doc.addSheet(words("Đề nghị của đơn vị", "The unit's nominees"))
    let rows: [[CellValue]] = nominees.enumerated().map { i, x in
      [
        .number(Double(i + 1)), .text(x.name), .text(x.kind ?? ""),
        .text(x.eligible ? words("Có", "Yes") : words("Không", "No")), .text(x.form ?? "—"),
        .text(x.reason.text(words.language)),
      ]
    }
    try ReportTable(
      title: words("KẾT QUẢ XÉT CÁC TRƯỜNG HỢP ĐƠN VỊ ĐỀ NGHỊ", "THE UNIT'S NOMINEES"),
      subtitle: "\(unit.unit.name) (\(unit.unit.code))"
        + words(". Đề xuất để Hội đồng xem xét, chưa phải quyết định.", ". Proposals for the council, not decisions."),
      columns: [
        .index(words),
        .init(title: words("Tập thể, cá nhân", "Nominee"), width: 28, style: OutputStyles.wrapped),
        .init(title: words("Loại", "Kind"), width: 16, style: OutputStyles.wrapped),
        .init(title: words("Đủ điều kiện", "Eligible"), width: 10, style: OutputStyles.centered),
        .init(title: words("Hình thức đề xuất", "Proposed form"), width: 26, style: OutputStyles.wrapped),
        .init(title: words("Lý do", "Reason"), width: 60, style: OutputStyles.wrapped),
      ], rows: rows, words: words
    ).write(on: sheet)
  }
}
