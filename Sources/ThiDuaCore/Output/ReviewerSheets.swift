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
    var columns: [ReportTable.Column] = [
      .init(title: words("Hạng", "Rank"), width: 7, style: OutputStyles.centered),
      .init(title: words("Hạng trong cụm, khối", "Rank in cluster"), width: 10, style: OutputStyles.centered),
      .init(title: words("Mã", "Code"), width: 9),
      .init(title: words("Đơn vị", "Unit"), width: 30),
      .init(title: words("Cụm, khối thi đua", "Cluster or block"), width: 20),
      .init(
        title: multi ? words("Điểm bình quân", "Mean score") : words("Điểm", "Score"), width: 9,
        style: OutputStyles.decimal),
      .init(title: words("Điểm tối đa", "Maximum"), width: 9, style: OutputStyles.count),
    ]
    for c in criteria {
      columns.append(
        .init(
          title: "\(c.id)\(c.mandatory ? "*" : "") (\(words.number(c.points, digits: 0)) \(words("đ", "pts")))",
          width: 13, style: OutputStyles.centered))
    }
    columns.append(.init(title: words("Đề xuất khen thưởng", "Proposed award"), width: 30, style: OutputStyles.wrapped))
    let rows: [[CellValue]] = results.map { r in
      var row: [CellValue] = [
        .number(Double(r.rankInCategory)), r.rankInCluster.map { .number(Double($0)) } ?? .empty, .text(r.unit.code),
        .text(r.unit.name), .text(r.unit.cluster ?? ""), .number(r.score), .number(r.maxScore),
      ]
      for c in criteria {
        if multi {
          let met = r.years.filter { y in y.criteria.contains { $0.id == c.id && $0.status == .met } }.count
          row.append(.text("\(met)/\(result.period.count) \(words("năm", "years"))"))
        } else {
          let status = r.years.last?.criteria.first { $0.id == c.id }?.status ?? .notAssessable
          row.append(.text(words.status(status)))
        }
      }
      row.append(.text(proposed[r.unit.code]?.form ?? "—"))
      return row
    }
    let table = ReportTable(
      title: words("XẾP HẠNG: ", "RANKING: ") + words.category(category).uppercased(),
      subtitle: heading
        + words(
          ". * tiêu chí bắt buộc. Bằng điểm thì xét số tiêu chí bắt buộc đạt, số tiêu chí đạt, mức giảm nghèo; vẫn bằng thì đồng hạng.",
          ". * mandatory. Ties: mandatory criteria met, criteria met, poverty reduction; still equal, equal rank."),
      columns: columns, rows: rows)
    let last = try table.write(on: sheet)
    for (i, c) in criteria.enumerated() {
      try sheet.comment(at: CellAddress(row: ReportTable.headerRow, column: 8 + i), text: "\(c.clause): \(c.text)")
    }
    if !criteria.isEmpty && !multi {
      try ReportTable.colourStatuses(sheet, columns: 8...(7 + criteria.count), lastRow: last, words: words)
    }
  }

  // MARK: Đề xuất khen thưởng

  func proposals(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Đề xuất khen thưởng", "Award proposals"))
    let unitName = Dictionary(movement.registry.units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    let rows: [[CellValue]] = result.recommendations.enumerated().map { i, x in
      [
        .number(Double(i + 1)), .text(x.name),
        .text(x.subject == .unit ? words.category(x.category) : (x.kind ?? "")),
        .text(x.subject == .unit ? x.unitCode : "\(unitName[x.unitCode] ?? x.unitCode) (\(x.unitCode))"),
        x.score.map { .number($0) } ?? .empty, x.rank.map { .number(Double($0)) } ?? .empty,
        .text(x.eligible ? words("Có", "Yes") : words("Không", "No")), .text(x.form ?? "—"), .text(x.basis ?? ""),
        .text(x.reason.text(words.language)),
        .text(words.sources(x.sources)), .empty, .empty,
      ]
    }
    let table = ReportTable(
      title: words("ĐỀ XUẤT KHEN THƯỞNG", "AWARD PROPOSALS"),
      subtitle: heading
        + words(
          ". Đề xuất để Hội đồng xem xét, không phải quyết định. Ghi ý kiến ở cột 'Ý kiến thẩm định'.",
          ". Proposals for the council, not decisions. Record the decision in the 'Reviewer decision' column."),
      columns: [
        .index(words),
        .init(
          title: words("Đơn vị, cá nhân được đề xuất", "Proposed unit or person"), width: 30,
          style: OutputStyles.wrapped),
        .init(title: words("Loại", "Kind"), width: 18, style: OutputStyles.wrapped),
        .init(title: words("Đơn vị (đề nghị)", "Unit (proposing)"), width: 18, style: OutputStyles.wrapped),
        .init(title: words("Điểm", "Score"), width: 8, style: OutputStyles.decimal),
        .init(title: words("Hạng", "Rank"), width: 7, style: OutputStyles.centered),
        .init(title: words("Đủ điều kiện", "Eligible"), width: 10, style: OutputStyles.centered),
        .init(title: words("Hình thức đề xuất", "Proposed form"), width: 26, style: OutputStyles.wrapped),
        .init(title: words("Căn cứ", "Basis"), width: 30, style: OutputStyles.wrapped),
        .init(title: words("Lý do", "Reason"), width: 60, style: OutputStyles.wrapped),
        .init(title: words("Ô nguồn", "Source cells"), width: 50, style: OutputStyles.wrapped),
        .init(title: words("Ý kiến thẩm định", "Reviewer decision"), width: 16, style: OutputStyles.input),
        .init(title: words("Ghi chú của người thẩm định", "Reviewer note"), width: 30, style: OutputStyles.input),
      ], rows: rows)
    let last = try table.write(on: sheet)
    guard last >= ReportTable.firstDataRow else { return }
    try sheet.validate(
      CellRange(
        first: CellAddress(row: ReportTable.firstDataRow, column: 12), last: CellAddress(row: last, column: 12)),
      ValidationRule(
        .list(words.decisions), inputTitle: words("Ý kiến thẩm định", "Decision"),
        inputMessage: words.decisions.joined(separator: " / "), errorTitle: words("Ý kiến thẩm định", "Decision"),
        errorMessage: words("Chọn một ý kiến trong danh sách.", "Choose one answer from the list.")))
    try sheet.conditionalFormat(
      CellRange(first: CellAddress(row: ReportTable.firstDataRow, column: 7), last: CellAddress(row: last, column: 7)),
      ConditionalFormat(.equalText(words("Có", "Yes")), style: OutputStyles.good))
  }

  // MARK: Phát hiện

  func findings(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Phát hiện", "Findings"))
    let unitOf = Dictionary(
      result.files.map { ($0.file.name, $0.report.unit?.code ?? "") }, uniquingKeysWith: { a, _ in a })
    let rows: [[CellValue]] = result.findings.enumerated().map { i, f in
      [
        .number(Double(i + 1)), .text(words.severity(f.severity)), .text(f.code), .text(unitOf[f.location.file] ?? ""),
      ] + FindingColumns.cells(f, words)
    }
    let table = ReportTable(
      title: words("PHÁT HIỆN KHI KIỂM TRA BÁO CÁO", "FINDINGS"), subtitle: heading,
      columns: [
        .index(words),
        .init(title: words("Mức độ", "Severity"), width: 11),
        .init(title: words("Mã", "Code"), width: 20),
        .init(title: words("Đơn vị", "Unit"), width: 9),
      ] + FindingColumns.columns(words, fileWidth: 34, sheetWidth: 18, messageWidth: 70), rows: rows)
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
      ], rows: rows
    ).write(on: sheet)
  }

  // MARK: Tệp đã nhận

  func received(_ doc: XLSXDocument) throws(WriteError) {
    let sheet = try doc.addSheet(words("Tệp đã nhận", "Files received"))
    let rows: [[CellValue]] = result.files.enumerated().map { i, f in
      [
        .number(Double(i + 1)), .text(f.file.name), .number(Double(f.file.size)), .text(f.file.sha256),
        .text(words.fate(f.fate)), .text(f.related.joined(separator: "\n")), .text(f.usedForms.joined(separator: ", ")),
        .text(f.report.unit.map { "\($0.name) (\($0.code))" } ?? ""),
        f.report.year.map { .number(Double($0)) } ?? .empty,
        f.report.reportDate.map { .date($0) } ?? .empty, .number(Double(f.report.findings.count)),
        .number(Double(f.report.findings.filter { $0.severity == .error }.count)),
      ]
    }
    try ReportTable(
      title: words("CÁC TỆP ĐÃ NHẬN", "FILES RECEIVED"),
      subtitle: heading
        + words(
          ". Mã SHA-256 nhận diện từng tệp; thidua không sửa tệp nào trong hộp thư.",
          ". SHA-256 identifies each file; thidua changes nothing in the inbox."),
      columns: [
        .index(words),
        .init(title: words("Tệp", "File"), width: 40, style: OutputStyles.wrapped),
        .init(title: words("Kích thước (byte)", "Size (bytes)"), width: 11, style: OutputStyles.count),
        .init(title: "SHA-256", width: 30, style: OutputStyles.wrapped),
        .init(title: words("Kết quả", "Fate"), width: 20),
        .init(title: words("Liên quan", "Related"), width: 34, style: OutputStyles.wrapped),
        .init(title: words("Biểu đã dùng", "Forms used"), width: 22, style: OutputStyles.wrapped),
        .init(title: words("Đơn vị", "Unit"), width: 28, style: OutputStyles.wrapped),
        .init(title: words("Năm", "Year"), width: 7, style: OutputStyles.centered),
        .init(title: words("Ngày báo cáo", "Report date"), width: 12, style: OutputStyles.date),
        .init(title: words("Số phát hiện", "Findings"), width: 10, style: OutputStyles.count),
        .init(title: words("Trong đó lỗi", "Of which errors"), width: 10, style: OutputStyles.count),
      ], rows: rows
    ).write(on: sheet)
  }
}
