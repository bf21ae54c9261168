import SheetIO

/// The workbook the reviewers receive (docs/review.md): what came in, the plan's
/// targets, a ranking per category, the award proposals with a decision column, every
/// finding, the units that sent nothing, and every file received.
struct ReviewerWorkbook {
  let result: ReviewResult
  let movement: MovementDefinition
  let words: Words
  /// The run's stamp, printed on every page, and what changed since the run before.
  var stamp: RunStamp?
  var changes: RunChanges?

  /// Categories that expect submissions, in the registry's order.
  var categories: [String] {
    var seen: [String] = []
    for u in movement.registry.units where movement.formsByCategory[u.category] != nil && !seen.contains(u.category) {
      seen.append(u.category)
    }
    return seen
  }

  func write(to path: String) throws(WriteError) {
    let doc = try XLSXDocument(path: path, created: result.created)
    doc.properties.title =
      words("Kết quả thẩm định ", "Review ") + words.review(result.kind, year: result.year, period: result.period)
    doc.properties.subject = movement.title
    doc.properties.comments = movement.plan
    doc.pageHeader = stamp?.pageHeader(words)
    try summary(doc)
    if let changes { try changed(doc, changes) }
    // A movement without targets (no thresholds.json) has no targets sheet.
    if movement.thresholds != nil { try targets(doc) }
    for category in categories { try ranking(doc, category: category) }
    try criteriaLegend(doc)
    try proposals(doc)
    try proposalDetails(doc)
    try findings(doc)
    try householdLists(doc)
    try missing(doc)
    if result.period.count > 1 { try yearsReceived(doc) }
    try received(doc)
    try doc.save()
  }

  var heading: String {
    movement.title + " — " + words.review(result.kind, year: result.year, period: result.period)
  }

  // MARK: Tổng hợp

  private func summary(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Tổng hợp", "Summary"))
    let used = result.files.filter { $0.fate == .used }
    let sentBy = Dictionary(grouping: result.submissions.filter { result.period.contains($0.year) }, by: \.unit.code)
    var rows: [[CellValue]] = []
    var totals = [0.0, 0, 0, 0, 0]
    for category in categories {
      // A category that reports through another (communes) expects only those that sent.
      let expected = movement.registry.units.filter {
        $0.category == category && (movement.reportingCategories.contains(category) || sentBy[$0.code] != nil)
      }
      let sent = expected.filter { sentBy[$0.code] != nil }
      let files = Set(sent.flatMap { u in sentBy[u.code]!.flatMap(\.files) })
      let reports = used.filter { files.contains($0.file.name) }.map(\.report)
      let withErrors = Set(
        reports.filter { $0.findings.contains { $0.severity == .error } }.compactMap { $0.unit?.code })
      let late = Set(
        reports.filter { $0.findings.contains { $0.code == "late-submission" } }.compactMap { $0.unit?.code })
      let counts = [expected.count, sent.count, sent.count - withErrors.count, late.count, expected.count - sent.count]
      for i in 0..<5 { totals[i] += Double(counts[i]) }
      rows.append([.text(words.category(category))] + counts.map { .number(Double($0)) })
    }
    rows.append([.text(words("Tổng cộng", "Total"))] + totals.map { .number($0) })
    let table = ReportTable(
      title: words("TỔNG HỢP TIẾP NHẬN BÁO CÁO", "SUBMISSIONS RECEIVED"), subtitle: heading,
      columns: [
        .init(title: words("Loại đơn vị", "Category"), width: 38),
        .init(title: words("Phải nộp", "Expected"), width: 12, style: OutputStyles.count),
        .init(title: words("Đã nộp", "Received"), width: 12, style: OutputStyles.count),
        .init(title: words("Hợp lệ (không có lỗi)", "Valid (no errors)"), width: 14, style: OutputStyles.count),
        .init(title: words("Nộp muộn", "Late"), width: 12, style: OutputStyles.count),
        .init(title: words("Chưa nộp", "Missing"), width: 12, style: OutputStyles.count),
      ], rows: rows, words: words)
    let last = try table.write(on: sheet)
    // File outcomes, findings and proposals, beside the table: a total, then its parts.
    let findings = result.findings
    let blocks: [(String, Int, [(String, Int)])] = [
      (
        words("Tệp nhận được", "Files received"), result.files.count,
        ReceivedFile.Fate.allCases.map { fate in (words.fate(fate), result.files.filter { $0.fate == fate }.count) }
      ),
      (
        words("Phát hiện", "Findings"), findings.count,
        [Finding.Severity.error, .warning, .info].map { severity in
          (words.severity(severity), findings.filter { $0.severity == severity }.count)
        }
      ),
      (words("Đề xuất khen thưởng", "Award proposals"), result.recommendations.filter(\.eligible).count, []),
    ]
    var row = ReportTable.headerRow
    for (title, total, parts) in blocks {
      try sheet.writeText(title, at: CellAddress(row: row, column: 8), style: OutputStyles.header)
      try sheet.writeNumber(Double(total), at: CellAddress(row: row, column: 9), style: OutputStyles.boldCount)
      for (label, count) in parts {
        row += 1
        try sheet.writeText(label, at: CellAddress(row: row, column: 8), style: OutputStyles.cell)
        try sheet.writeNumber(Double(count), at: CellAddress(row: row, column: 9), style: OutputStyles.count)
      }
      row += 2
    }
    try sheet.setColumns(8...8, width: 30)
    try sheet.setColumns(9...9, width: 10)
    try doc.addChartSheet(
      words("Biểu đồ nộp báo cáo", "Chart of submissions"),
      ChartSpec(
        kind: .column, title: words("Tình hình nộp báo cáo", "Submissions by category"),
        categories: ChartSpec.reference(sheet: sheet.name, range(rowsFrom: 5, to: last - 1, column: 1)),
        series: [
          .init(
            name: words("Đã nộp", "Received"),
            values: ChartSpec.reference(sheet: sheet.name, range(rowsFrom: 5, to: last - 1, column: 3))),
          .init(
            name: words("Chưa nộp", "Missing"),
            values: ChartSpec.reference(sheet: sheet.name, range(rowsFrom: 5, to: last - 1, column: 6))),
        ]), setup: chartPage)
  }

  /// Charts have sheets of their own, one A4 landscape page each: on a table's sheet a
  /// chart would straddle page breaks and sit under the repeated header row.
  var chartPage: PrintSetup {
    var setup = PrintSetup()
    setup.landscape = true
    setup.footer = ReportTable.footer(words)
    return setup
  }

  // MARK: Thay đổi

  /// What changed since the run before, one line per kind of change.
  private func changed(_ doc: XLSXDocument, _ changes: RunChanges) throws(WriteError) {
    let sheet = try doc.addSheet(words("Thay đổi", "Changes"))
    let rows: [[CellValue]] = changes.lines(words).enumerated().map {
      [.number(Double($0.offset + 1)), .text($0.element)]
    }
    try ReportTable(
      title: words("THAY ĐỔI SO VỚI LẦN TRƯỚC", "CHANGES SINCE THE RUN BEFORE"),
      subtitle: heading
        + words(
          ". Lần chạy \(changes.previousRun) → \(stamp?.run ?? changes.previousRun + 1).",
          ". Run \(changes.previousRun) → \(stamp?.run ?? changes.previousRun + 1)."),
      columns: [.index(words), .init(title: words("Thay đổi", "Change"), width: 120, style: OutputStyles.wrapped)],
      rows: rows, words: words
    ).write(on: sheet)
  }

  // MARK: Mục tiêu kế hoạch

  private func targets(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Mục tiêu kế hoạch", "Plan targets"))
    let final = result.kind == .tongKet
    // The review year first, so that the chart reads one block of rows.
    let years = result.targets.filter { !$0.isPeriodMean }
    let ordered =
      years.filter { $0.year == result.year } + years.filter { $0.year != result.year }
      + result.targets.filter(\.isPeriodMean)
    var columns: [ReportTable.Column] = [
      .init(title: words("Năm", "Year"), width: 7, style: OutputStyles.centered),
      .init(title: words("Mã", "Code"), width: 7),
      .init(title: words("Đơn vị", "Unit"), width: 26),
      .init(title: words("Địa bàn", "Area"), width: 12),
      .init(
        title: words("Tỷ lệ hộ nghèo đầu năm (%)", "Poverty rate at start (%)"), width: 13, style: OutputStyles.decimal),
      .init(
        title: words("Tỷ lệ hộ nghèo cuối năm (%)", "Poverty rate at end (%)"), width: 13, style: OutputStyles.decimal),
      .init(title: words("Giảm (điểm %)", "Reduction (points)"), width: 11, style: OutputStyles.decimal),
      .init(
        title: words("Mức giảm tối thiểu theo I.1 (điểm %)", "Minimum reduction, I.1 (points)"), width: 14,
        style: OutputStyles.decimal),
      .init(title: words("Đánh giá", "Status"), width: 14, style: OutputStyles.centered),
      .init(
        title: words("Chỉ tiêu được giao (điểm %)", "Assigned target (points)"), width: 11,
        style: OutputStyles.decimal),
      .init(
        title: words("Đánh giá theo chỉ tiêu giao (tiêu chí b4)", "Against the assigned target (b4)"), width: 14,
        style: OutputStyles.centered),
    ]
    if final {
      columns += [
        .init(
          title: words("Mục tiêu 2020: tỷ lệ dưới (%)", "2020 target: rate below (%)"), width: 13,
          style: OutputStyles.decimal),
        .init(title: words("Đánh giá mục tiêu 2020", "2020 target"), width: 14, style: OutputStyles.centered),
        .init(
          title: words("Thu nhập 2020 / 2015 (lần, mục tiêu 1,5)", "Income 2020 / 2015 (target 1.5)"), width: 14,
          style: OutputStyles.decimal),
        .init(title: words("Đánh giá thu nhập", "Income"), width: 14, style: OutputStyles.centered),
      ]
    }
    columns.append(.init(title: words("Nguồn số liệu", "Source"), width: 40, style: OutputStyles.wrapped))
    let rows: [[CellValue]] = ordered.map { t in
      let span = "\(result.period.first ?? t.year)–\(t.year)"
      var row: [CellValue] = [
        t.isPeriodMean ? .text(words("\(span) (bình quân)", "\(span) (mean)")) : .number(Double(t.year)),
        .text(t.code), .text(t.name), .text(t.area.map(areaName) ?? ""), number(t.startRate), number(t.endRate),
        number(t.reduction), number(t.minimum), .text(words.status(t.status)), number(t.assigned),
        .text(t.assignedStatus.map(words.status) ?? ""),
      ]
      if final {
        row += [
          number(t.rateTarget), .text(t.rateTargetStatus.map(words.status) ?? ""), number(t.incomeRatio),
          .text(t.incomeStatus.map(words.status) ?? ""),
        ]
      }
      row.append(.text(t.source.map(words.source) ?? ""))
      return row
    }
    let table = ReportTable(
      title: words("THỰC HIỆN MỤC TIÊU GIẢM NGHÈO (MỤC I.1 KẾ HOẠCH)", "POVERTY TARGETS OF PLAN I.1"),
      subtitle: heading
        + words(
          ". Giảm tính theo điểm phần trăm. Hai thước đo: mức giảm tối thiểu của Kế hoạch (mục I.1, mức chặt nhất áp dụng cho địa bàn; không tính điểm) và chỉ tiêu HĐND, UBND giao cho đơn vị (tiêu chí b4, tính điểm và xét khen thưởng): một đơn vị có thể chưa đạt mức I.1 mà vẫn đạt chỉ tiêu được giao."
            + (result.period.count > 1 ? " Dòng bình quân: mức giảm bình quân các năm có số liệu của giai đoạn." : ""),
          ". Reductions in percentage points. Two yardsticks: the plan's minimum reduction (I.1, the strictest for the area; not scored) and the target the People's Council and Committee assigned to the unit (criterion b4, scored and used for awards): a unit may miss I.1 and still meet its assigned target."
            + (result.period.count > 1
              ? " Mean rows: the mean yearly reduction over the period's years with figures." : "")),
      columns: columns, rows: rows, words: words)
    let last = try table.write(on: sheet)
    try ReportTable.colourStatuses(sheet, columns: 9...11, lastRow: last, words: words)
    if final { try ReportTable.colourStatuses(sheet, columns: 13...15, lastRow: last, words: words) }
    let block = ordered.filter { $0.year == result.year && !$0.isPeriodMean }.count
    guard block > 0 else { return }
    let first = ReportTable.firstDataRow
    try doc.addChartSheet(
      words("Biểu đồ giảm nghèo", "Chart of poverty reduction"),
      ChartSpec(
        kind: .column,
        title: words(
          "Mức giảm tỷ lệ hộ nghèo năm \(result.year) so với mức tối thiểu",
          "Poverty-rate reduction in \(result.year) against the minimum"),
        categories: ChartSpec.reference(sheet: sheet.name, range(rowsFrom: first, to: first + block - 1, column: 3)),
        series: [
          .init(
            name: words("Giảm (điểm %)", "Reduction"),
            values: ChartSpec.reference(sheet: sheet.name, range(rowsFrom: first, to: first + block - 1, column: 7))),
          .init(
            name: words("Mức tối thiểu", "Minimum"),
            values: ChartSpec.reference(sheet: sheet.name, range(rowsFrom: first, to: first + block - 1, column: 8))),
        ]), setup: chartPage)
  }

  private func areaName(_ code: String) -> String {
    switch code {
    case "dong_bang": return words("Đồng bằng", "Lowland")
    case "mien_nui": return words("Miền núi", "Mountainous")
    case "trung_du": return words("Trung du", "Midland")
    case "do_thi": return words("Đô thị", "Urban")
    case "tinh": return words("Toàn tỉnh", "Province")
    default: return code
    }
  }

  func number(_ x: Double?) -> CellValue { x.map { .number($0.hundredths) } ?? .empty }

  func range(rowsFrom first: Int, to last: Int, column: Int) -> CellRange {
    CellRange(first: CellAddress(row: first, column: column), last: CellAddress(row: max(first, last), column: column))
  }
}
