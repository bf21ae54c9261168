import SheetIO

/// `out/phan-hoi/<unit>.xlsx`: what one unit gets back — its result per criterion and
/// every finding in its files with the cell and what to fix.
struct FeedbackWorkbook {
  let result: ReviewResult
  let unit: UnitResult
  /// The unit's own proposal, if any, and its files whose findings stand (from
  /// `FeedbackWorkbook.index`, built once for all units).
  let recommendation: Recommendation?
  let files: [ReceivedFile]
  let movement: MovementDefinition
  let words: Words

  /// Each unit's proposal and files, by unit code: looked up per unit, a scan of every
  /// proposal and file for each of a thousand units cost more than writing them.
  static func index(_ result: ReviewResult) -> (
    recommendations: [String: Recommendation], files: [String: [ReceivedFile]]
  ) {
    var recommendations: [String: Recommendation] = [:]
    for r in result.recommendations where r.subject == .unit && recommendations[r.unitCode] == nil {
      recommendations[r.unitCode] = r
    }
    var files: [String: [ReceivedFile]] = [:]
    for f in result.files where f.findingsStand {
      if let code = f.report.unit?.code { files[code, default: []].append(f) }
    }
    return (recommendations, files)
  }

  func write(to path: String) throws(WriteError) {
    let doc = try XLSXDocument(path: path, created: result.created)
    doc.properties.title = words("Phản hồi kết quả thẩm định – ", "Review feedback – ") + unit.unit.name
    doc.properties.subject = movement.title
    try outcomes(doc)
    try fixes(doc)
    try doc.save()
  }

  private var subtitle: String {
    let form = recommendation?.form.map { words(", đề xuất: ", ", proposed: ") + $0 } ?? ""
    return "\(unit.unit.name) (\(unit.unit.code)) — "
      + words.review(result.kind, year: result.year, period: result.period)
      + words(": điểm ", ": score ") + words.number(unit.score) + "/" + words.number(unit.maxScore, digits: 0)
      + words(", hạng ", ", rank ") + "\(unit.rankInCategory)" + form
  }

  private func outcomes(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Kết quả tiêu chí", "Criteria"))
    let rows: [[CellValue]] = unit.years.flatMap { y in
      y.criteria.map { o in
        let c = movement.criterion(o.id)
        return [
          .number(Double(y.year)), .text(o.id), .text(c?.clause ?? ""), .text(c?.text ?? ""),
          .number(c?.points ?? 0), .text(words.status(o.status)), .text(OutcomeWords.reason(o, words)),
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

  private func fixes(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Cần sửa", "To fix"))
    let rows: [[CellValue]] = files.flatMap { f in f.report.findings }.enumerated().map { i, finding in
      [.number(Double(i + 1)), .text(words.severity(finding.severity))] + FindingColumns.cells(finding, words)
        + [.text(OutcomeWords.fix(finding.code, words))]
    }
    let last = try ReportTable(
      title: words("CÁC ĐIỂM CẦN SỬA", "WHAT TO FIX"),
      subtitle: rows.isEmpty ? words("Không có phát hiện nào.", "No findings.") : subtitle,
      columns: [.index(words), .init(title: words("Mức độ", "Severity"), width: 11)]
        + FindingColumns.columns(words, fileWidth: 30, sheetWidth: 16, messageWidth: 55)
        + [.init(title: words("Cách sửa", "How to fix"), width: 40, style: OutputStyles.wrapped)],
      rows: rows, words: words
    ).write(on: sheet)
    try FindingColumns.colourSeverities(sheet, column: 2, lastRow: last, words: words)
  }
}
