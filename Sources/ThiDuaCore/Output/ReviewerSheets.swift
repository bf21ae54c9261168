import SheetIO

extension ReviewerWorkbook {
  // MARK: Xếp hạng

  func ranking(_ doc: XLSXDocument, category: String) throws(WriteError) {
    let sheet = try doc.addSheet(words.rankingSheet(category))
    let criteria = movement.criteria.filter { $0.category == category && $0.decided != .nominee }
    let results = result.results.filter { $0.unit.category == category }
    let proposed = Dictionary(
      result.recommendations.filter { $0.subject == .unit }.map { ($0.unitCode, $0) }, uniquingKeysWith: { a, _ in a })
    let multi = result.period.count > 1
    // Communes have no emulation cluster: no empty columns for them.
    let clustered = results.contains { $0.unit.cluster != nil }
    var columns: [ReportTable.Column] = [
      .init(title: words("Hạng", "Rank"), width: 7, style: OutputStyles.centered),
      .init(title: words("Đơn vị", "Unit"), width: 26, style: OutputStyles.wrapped),
      .init(title: words("Mã đơn vị", "Unit code"), width: 12),
    ]
    if clustered {
      columns += [
        .init(title: words("Cụm, khối thi đua", "Cluster or block"), width: 16, style: OutputStyles.wrapped),
        .init(title: words("Hạng trong cụm, khối", "Rank in cluster"), width: 10, style: OutputStyles.centered),
      ]
    }
    columns += [
      .init(
        title: multi ? words("Điểm bình quân", "Mean score") : words("Điểm", "Score"), width: 9,
        style: OutputStyles.decimal),
      .init(title: words("Điểm tối đa", "Maximum"), width: 9, style: OutputStyles.count),
    ]
    let firstCriterion = columns.count + 1
    for c in criteria {
      columns.append(.init(title: words.criterionHeader(c), width: 12, style: OutputStyles.centered))
    }
    columns += [
      .init(title: words("Số liệu", "Data"), width: 16, style: OutputStyles.wrapped),
      .init(title: words("Đề xuất khen thưởng", "Proposed award"), width: 24, style: OutputStyles.wrapped),
    ]
    let rows: [[CellValue]] = results.map { r in
      var row: [CellValue] = [.number(Double(r.rankInCategory)), .text(r.unit.name), .text(r.unit.code)]
      if clustered { row += [.text(r.unit.cluster ?? ""), r.rankInCluster.map { .number(Double($0)) } ?? .empty] }
      row += [.number(r.score), .number(r.maxScore)]
      for c in criteria {
        if multi {
          let met = r.years.filter { y in y.criteria.contains { $0.id == c.id && $0.status == .met } }.count
          row.append(.text("\(met)/\(result.period.count) \(words("năm", "years"))"))
        } else {
          let status = r.years.last?.criteria.first { $0.id == c.id }?.status ?? .notAssessable
          row.append(.text(words.status(status)))
        }
      }
      row.append(.text(completeness(r, criteria: criteria)))
      row.append(.text(proposed[r.unit.code]?.form ?? "—"))
      return row
    }
    let table = ReportTable(
      title: words("XẾP HẠNG: ", "RANKING: ") + words.category(category).uppercased(),
      subtitle: heading
        + words(
          ". * tiêu chí bắt buộc; nội dung từng tiêu chí ở trang 'Tiêu chí thi đua'. Bằng điểm thì xét số tiêu chí bắt buộc đạt, số tiêu chí đạt",
          ". * mandatory; each criterion in full on 'Criteria'. Ties: mandatory criteria met, criteria met")
        // The reduction tie-break exists only where a criterion gives the reduction.
        + (Scoring.ranksByReduction(movement) ? words(", mức giảm nghèo", ", poverty reduction") : "")
        + words(
          "; vẫn bằng thì đồng hạng. Cột 'Số liệu' đánh dấu đơn vị có tiêu chí chưa đánh giá được: điểm của đơn vị đó dựa trên số liệu chưa đủ.",
          "; still equal, equal rank. The 'Data' column marks units with criteria that could not be assessed: their score rests on incomplete data."
        ),
      columns: columns, rows: rows, words: words)
    let last = try table.write(on: sheet)
    for (i, c) in criteria.enumerated() {
      try sheet.comment(
        at: CellAddress(row: ReportTable.headerRow, column: firstCriterion + i), text: "\(c.clause): \(c.text)")
    }
    if !criteria.isEmpty && !multi {
      try ReportTable.colourStatuses(
        sheet, columns: firstCriterion...(firstCriterion + criteria.count - 1), lastRow: last, words: words)
    }
    if last >= ReportTable.firstDataRow {
      let data = firstCriterion + criteria.count
      try sheet.conditionalFormat(
        CellRange(
          first: CellAddress(row: ReportTable.firstDataRow, column: data), last: CellAddress(row: last, column: data)),
        ConditionalFormat(.textContains(words("Thiếu", "Incomplete")), style: OutputStyles.unsure))
    }
  }

  /// "Đủ", or how many of the unit's criteria (criterion-years over a period) could not
  /// be assessed, which its score then rests on.
  private func completeness(_ r: UnitResult, criteria: [Criterion]) -> String {
    let ids = Set(criteria.map(\.id))
    let years = result.period.count > 1 ? result.period.count : 1
    let assessed = r.years.suffix(years).flatMap {
      $0.criteria.filter { ids.contains($0.id) && $0.status != .notAssessable }
    }
    let total = criteria.count * years
    let open = total - assessed.count
    guard open > 0 else { return words("Đủ", "Complete") }
    return words(
      "Thiếu: \(open)/\(total) tiêu chí chưa đánh giá được", "Incomplete: \(open)/\(total) criteria not assessable")
  }

  // MARK: Tiêu chí thi đua

  /// The clause every criterion's clause is under (`III.2` of `III.2.b`, `III.2.d (thôn)`),
  /// when they share one.
  static func sharedClause(_ clauses: [String]) -> String? {
    let parts = clauses.map { $0.split(separator: " ").first.map { $0.split(separator: ".") } ?? [] }
    guard var shared = parts.first else { return nil }
    for p in parts.dropFirst() {
      shared = Array(zip(shared, p).prefix { $0 == $1 }.map(\.0))
    }
    // A criterion's own clause is not the section they share.
    if parts.contains(where: { $0.count <= shared.count }) { shared.removeLast(min(1, shared.count)) }
    return shared.isEmpty ? nil : shared.joined(separator: ".")
  }

  /// The legend of the ranking columns: every criterion in the plan's words.
  func criteriaLegend(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Tiêu chí thi đua", "Criteria"))
    let rows: [[CellValue]] = categories.flatMap { category in
      movement.criteria.filter { $0.category == category && $0.decided != .nominee }.map { c -> [CellValue] in
        [
          .text(words.category(category)), .text(words.criterionTitle(c)), .text(c.id), .text(c.clause),
          .number(c.points), .text(c.mandatory ? words("Có", "Yes") : words("Không", "No")),
          .text(words.decided(c.decided)), .text(c.text),
        ]
      }
    }
    try ReportTable(
      title: words("TIÊU CHÍ THI ĐUA", "EMULATION CRITERIA")
        + (Self.sharedClause(movement.criteria.map(\.clause)).map { words(" (MỤC \($0) KẾ HOẠCH)", " (PLAN \($0))") }
          ?? ""),
      subtitle: heading
        + words(
          ". Tên ngắn là của thidua để đặt ở đầu cột; nội dung là nguyên văn Kế hoạch. Điểm và tính bắt buộc là mặc định, có thể sửa trong criteria.json.",
          ". The short names are thidua's, for column headers; the text is the plan's. Points and mandatory marks are defaults, set in criteria.json."
        ),
      columns: [
        .init(title: words("Loại đơn vị", "Category"), width: 22, style: OutputStyles.wrapped),
        .init(title: words("Tiêu chí", "Criterion"), width: 26, style: OutputStyles.wrapped),
        .init(title: words("Mã", "Code"), width: 6),
        .init(title: words("Mục", "Clause"), width: 9),
        .init(title: words("Điểm", "Points"), width: 7, style: OutputStyles.count),
        .init(title: words("Bắt buộc", "Mandatory"), width: 9, style: OutputStyles.centered),
        .init(title: words("Cách đánh giá", "How assessed"), width: 22, style: OutputStyles.wrapped),
        .init(
          title: words("Nội dung theo Kế hoạch", "The plan's text (Vietnamese)"), width: 60, style: OutputStyles.wrapped
        ),
      ], rows: rows, words: words
    ).write(on: sheet)
  }

  // MARK: Đề xuất khen thưởng

  /// The proposals in few columns, so that the printed list stays at 10 points or more;
  /// the basis, the reasons and the source cells of each are on `proposalDetails`,
  /// under the same number.
  func proposals(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Đề xuất khen thưởng", "Award proposals"))
    let rows: [[CellValue]] = result.recommendations.enumerated().map { i, x in
      [
        .number(Double(i + 1)), .text(x.name),
        .text(x.subject == .unit ? words.category(x.category) : (x.kind ?? "")), .text(proposer(x)),
        x.score.map { .number($0) } ?? .empty, x.rank.map { .number(Double($0)) } ?? .empty,
        .text(x.eligible ? words("Có", "Yes") : words("Không", "No")), .text(x.form ?? "—"), .empty, .empty,
        .text(x.key),
      ]
    }
    let table = ReportTable(
      title: words("ĐỀ XUẤT KHEN THƯỞNG", "AWARD PROPOSALS"),
      subtitle: heading
        + words(
          ". Đề xuất để Hội đồng xem xét, không phải quyết định. Ghi ý kiến ở cột 'Ý kiến thẩm định'. Căn cứ, lý do và ô nguồn của từng đề xuất ở trang 'Căn cứ đề xuất', cùng số thứ tự.",
          ". Proposals for the council, not decisions. Record the decision in the 'Reviewer decision' column. The basis, reasons and source cells of each proposal are on 'Proposal details', under the same number."
        ),
      columns: [
        .index(words),
        .init(
          title: words("Đơn vị, cá nhân được đề xuất", "Proposed unit or person"), width: 26,
          style: OutputStyles.wrapped),
        .init(title: words("Loại", "Kind"), width: 14, style: OutputStyles.wrapped),
        .init(title: words("Đơn vị đề nghị", "Proposed by"), width: 20, style: OutputStyles.wrapped),
        .init(title: words("Điểm", "Score"), width: 8, style: OutputStyles.decimal),
        .init(title: words("Hạng", "Rank"), width: 6, style: OutputStyles.centered),
        .init(title: words("Đủ điều kiện", "Eligible"), width: 9, style: OutputStyles.centered),
        .init(title: words("Hình thức đề xuất", "Proposed form"), width: 22, style: OutputStyles.wrapped),
        .init(title: words("Ý kiến thẩm định", "Reviewer decision"), width: 14, style: OutputStyles.input),
        .init(title: words("Ghi chú của người thẩm định", "Reviewer note"), width: 20, style: OutputStyles.input),
        .init(title: words("Mã đề xuất", "Proposal key"), width: 14),
      ], rows: rows, words: words)
    let last = try table.write(on: sheet)
    // What `thidua decisions` reads back: each row's key, and the run that made the
    // workbook, in a hidden column that sorting and filtering leave with their rows.
    try sheet.setColumns(11...11, width: 14, hidden: true)
    try sheet.writeText(
      ProposalSheet.runMarker + RunStamp.fingerprint(result, movement: movement),
      at: CellAddress(row: ReportTable.headerRow - 1, column: 11))
    guard last >= ReportTable.firstDataRow else { return }
    try sheet.validate(
      CellRange(
        first: CellAddress(row: ReportTable.firstDataRow, column: 9), last: CellAddress(row: last, column: 9)),
      ValidationRule(
        .list(words.decisions), inputTitle: words("Ý kiến thẩm định", "Decision"),
        inputMessage: words.decisions.joined(separator: " / "), errorTitle: words("Ý kiến thẩm định", "Decision"),
        errorMessage: words("Chọn một ý kiến trong danh sách.", "Choose one answer from the list.")))
    try sheet.conditionalFormat(
      CellRange(first: CellAddress(row: ReportTable.firstDataRow, column: 7), last: CellAddress(row: last, column: 7)),
      ConditionalFormat(.equalText(words("Có", "Yes")), style: OutputStyles.good))
  }

  /// Who proposes: the nominating unit by name for a nominee; a unit is proposed by the
  /// review itself, from the ranking.
  private func proposer(_ x: Recommendation) -> String {
    guard x.subject == .nominee else { return words("Theo xếp hạng phong trào", "From the ranking") }
    return movement.registry.unit(code: x.unitCode)?.name ?? x.unitCode
  }

  /// What the reviewers read before deciding, one proposal after another.
  func proposalDetails(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Căn cứ đề xuất", "Proposal details"))
    let rows: [[CellValue]] = result.recommendations.enumerated().map { i, x in
      [
        .number(Double(i + 1)), .text(x.name), .text(x.form ?? "—"), .text(x.basis ?? ""),
        .text(x.reason.text(words.language)), .text(words.sources(x.sources)),
      ]
    }
    try ReportTable(
      title: words("CĂN CỨ CỦA CÁC ĐỀ XUẤT KHEN THƯỞNG", "WHY EACH AWARD IS PROPOSED"),
      subtitle: heading
        + words(
          ". Số thứ tự như ở trang 'Đề xuất khen thưởng'.", ". Numbered as on 'Award proposals'."),
      columns: [
        .index(words),
        .init(
          title: words("Đơn vị, cá nhân được đề xuất", "Proposed unit or person"), width: 24,
          style: OutputStyles.wrapped),
        .init(title: words("Hình thức đề xuất", "Proposed form"), width: 20, style: OutputStyles.wrapped),
        .init(title: words("Căn cứ", "Basis"), width: 26, style: OutputStyles.wrapped),
        .init(title: words("Lý do", "Reason"), width: 52, style: OutputStyles.wrapped),
        .init(title: words("Ô nguồn", "Source cells"), width: 30, style: OutputStyles.wrapped),
      ], rows: rows, words: words
    ).write(on: sheet)
  }

  // MARK: Phát hiện

  func findings(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Phát hiện", "Findings"))
    let unitOf = Dictionary(
      result.files.map { ($0.file.name, $0.report.unit?.name ?? "") }, uniquingKeysWith: { a, _ in a })
    let rows: [[CellValue]] = result.findings.enumerated().map { i, f in
      [
        .number(Double(i + 1)), .text(words.severity(f.severity)), .text(FindingNames.name(f.code, words)),
        .text(unitOf[f.location.file] ?? ""),
      ] + FindingColumns.cells(f, words) + [.text(f.code)]
    }
    let table = ReportTable(
      title: words("PHÁT HIỆN KHI KIỂM TRA BÁO CÁO", "FINDINGS"),
      subtitle: heading
        + words(
          ". Mã phát hiện (cột cuối) được giải thích trong tài liệu docs/findings.md.",
          ". The finding codes (last column) are explained in docs/findings.md."),
      columns: [
        .index(words),
        .init(title: words("Mức độ", "Severity"), width: 10),
        .init(title: words("Phát hiện", "Finding"), width: 22, style: OutputStyles.wrapped),
        .init(title: words("Đơn vị", "Unit"), width: 22, style: OutputStyles.wrapped),
      ] + FindingColumns.columns(words, fileWidth: 26, sheetWidth: 14, messageWidth: 60)
        + [.init(title: words("Mã phát hiện", "Code"), width: 20)], rows: rows, words: words)
    let last = try table.write(on: sheet)
    try FindingColumns.colourSeverities(sheet, column: 2, lastRow: last, words: words)
  }

  // MARK: Chưa nộp

  func missing(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Chưa nộp", "Not submitted"))
    let rows: [[CellValue]] = result.missing.enumerated().map { i, u in
      [.number(Double(i + 1)), .text(u.code), .text(u.name), .text(words.category(u.category)), .text(u.cluster ?? "")]
    }
    try ReportTable(
      title: words("ĐƠN VỊ CHƯA NỘP BÁO CÁO", "UNITS THAT SENT NOTHING"), subtitle: heading,
      columns: [
        .index(words),
        .init(title: words("Mã", "Code"), width: 10),
        .init(title: words("Đơn vị", "Unit"), width: 40),
        .init(title: words("Loại đơn vị", "Category"), width: 34),
        .init(title: words("Cụm, khối thi đua", "Cluster or block"), width: 24),
      ], rows: rows, words: words
    ).write(on: sheet)
  }

  // MARK: Báo cáo theo năm

  /// Over a period, what came from each unit for each year: a year without a report
  /// counts 0 in the unit's mean.
  func yearsReceived(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Báo cáo theo năm", "Reports by year"))
    let sent = Set(result.submissions.map { "\($0.unit.code)|\($0.year)" })
    let units =
      result.results.map(\.unit)
      + result.missing.filter { u in !result.results.contains { $0.unit.code == u.code } }
    let rows: [[CellValue]] = units.enumerated().map { i, u in
      let marks = result.period.map { sent.contains("\(u.code)|\($0)") }
      return [.number(Double(i + 1)), .text(u.name), .text(u.code)]
        + marks.map { .text($0 ? words("Đã nộp", "Received") : words("Chưa nộp", "Missing")) }
        + [.text("\(marks.filter { $0 }.count)/\(result.period.count)")]
    }
    let last = try ReportTable(
      title: words("BÁO CÁO ĐÃ NHẬN THEO NĂM", "REPORTS RECEIVED BY YEAR"),
      subtitle: heading
        + words(
          ". Năm không có báo cáo được tính 0 điểm trong điểm bình quân của đơn vị.",
          ". A year without a report counts 0 in the unit's mean score."),
      columns: [
        .index(words), .init(title: words("Đơn vị", "Unit"), width: 30, style: OutputStyles.wrapped),
        .init(title: words("Mã đơn vị", "Unit code"), width: 12),
      ] + result.period.map { .init(title: "\($0)", width: 10, style: OutputStyles.centered) }
        + [.init(title: words("Số năm đã nộp", "Years received"), width: 10, style: OutputStyles.centered)],
      rows: rows, words: words
    ).write(on: sheet)
    guard last >= ReportTable.firstDataRow else { return }
    let range = CellRange(
      first: CellAddress(row: ReportTable.firstDataRow, column: 4),
      last: CellAddress(row: last, column: 3 + result.period.count))
    try sheet.conditionalFormat(
      range, ConditionalFormat(.equalText(words("Đã nộp", "Received")), style: OutputStyles.good))
    try sheet.conditionalFormat(
      range, ConditionalFormat(.equalText(words("Chưa nộp", "Missing")), style: OutputStyles.bad))
  }

  // MARK: Tệp đã nhận

  func received(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Tệp đã nhận", "Files received"))
    let rows: [[CellValue]] = result.files.enumerated().map { i, f in
      [
        .number(Double(i + 1)), .text(f.file.name), .text(f.report.format?.displayName ?? ""),
        .text(words.fate(f.fate)),
        .text(f.report.unit.map { "\($0.name) (\($0.code))" } ?? ""),
        f.report.year.map { .number(Double($0)) } ?? .empty, f.report.reportDate.map { .date($0) } ?? .empty,
        .text(words.forms(f.usedForms, of: movement)),
        .number(Double(f.report.findings.count)),
        .number(Double(f.report.findings.filter { $0.severity == .error }.count)),
        .text(f.related.joined(separator: "\n")), .number(Double(f.file.size)), .text(f.file.sha256),
        .text(f.file.mail?.from ?? ""), .text(f.file.mail?.subject ?? ""),
        f.file.mail?.sent.map { .date($0) } ?? .empty,
      ]
    }
    try ReportTable(
      title: words("CÁC TỆP ĐÃ NHẬN", "FILES RECEIVED"),
      subtitle: heading
        + words(
          ". Mã SHA-256 nhận diện từng tệp; thidua không sửa tệp nào trong hộp thư. Tệp lấy ra từ tệp nén hay thư điện tử mang tên 'tệp nén › tệp'.",
          ". SHA-256 identifies each file; thidua changes nothing in the inbox. A file taken out of an archive or an e-mail is named 'archive › file'."
        ),
      columns: [
        .index(words),
        .init(title: words("Tệp", "File"), width: 26, style: OutputStyles.wrapped),
        .init(title: words("Định dạng", "Format"), width: 13, style: OutputStyles.wrapped),
        .init(title: words("Kết quả", "Fate"), width: 16, style: OutputStyles.wrapped),
        .init(title: words("Đơn vị", "Unit"), width: 22, style: OutputStyles.wrapped),
        .init(title: words("Năm", "Year"), width: 7, style: OutputStyles.centered),
        .init(title: words("Ngày báo cáo", "Report date"), width: 12, style: OutputStyles.date),
        .init(title: words("Biểu đã dùng", "Forms used"), width: 22, style: OutputStyles.wrapped),
        .init(title: words("Số phát hiện", "Findings"), width: 10, style: OutputStyles.count),
        .init(title: words("Trong đó lỗi", "Of which errors"), width: 10, style: OutputStyles.count),
        .init(title: words("Liên quan", "Related"), width: 22, style: OutputStyles.wrapped),
        .init(title: words("Kích thước (byte)", "Size (bytes)"), width: 11, style: OutputStyles.count),
        .init(title: "SHA-256", width: 24, style: OutputStyles.wrapped),
        .init(title: words("Người gửi thư", "E-mail from"), width: 22, style: OutputStyles.wrapped),
        .init(title: words("Tiêu đề thư", "E-mail subject"), width: 22, style: OutputStyles.wrapped),
        .init(title: words("Thư gửi lúc", "E-mail sent"), width: 15, style: OutputStyles.dateTime),
      ], rows: rows, words: words
    ).write(on: sheet)
  }
}
