import SheetIO

/// The reviewers' sheets of the household review lists (docs/households.md): one per
/// district whose communes sent lists for the review's year, a row per commune with what
/// its list held, what thidua recomputed and whether its review holds ("rà soát chính
/// xác", plan III.2.c–d).
extension ReviewerWorkbook {
  func householdLists(_ doc: XLSXDocument) throws(WriteError) {
    let defects = HouseholdListAccuracy.defectsByFile(result.findings)
    let lists = result.submissions.filter { $0.year == result.year }.compactMap {
      s -> (Submission, FileReport.Table, HouseholdListAccuracy)? in
      guard let list = s.table(.householdList, in: movement)?.table,
        let accuracy = HouseholdListAccuracy(s, defectsByFile: defects, movement: movement)
      else { return nil }
      return (s, list, accuracy)
    }
    let byDistrict = Dictionary(grouping: lists) { $0.0.unit.parent ?? "" }
    for district in byDistrict.keys.sorted() {
      let name = movement.registry.unit(code: district)?.name ?? words("Không rõ huyện", "District unknown")
      let sheet = try doc.addSheet(String((words("Rà soát hộ - ", "Households - ") + name).prefix(31)))
      let rows: [[CellValue]] = byDistrict[district]!.sorted { $0.0.unit.code < $1.0.unit.code }.enumerated().map {
        i, sent in
        let (s, list, accuracy) = sent
        let counts = list.households!.villages.values
        func recorded(_ c: HouseholdListCheck.Recorded) -> CellValue {
          .number(Double(counts.map { $0.recorded[c] ?? 0 }.reduce(0, +)))
        }
        func computed(_ c: PovertyStandard.HouseholdClass) -> CellValue {
          .number(Double(counts.map { $0.computed[c] ?? 0 }.reduce(0, +)))
        }
        let (misclassified, disagreeing, other) = (accuracy.misclassified, accuracy.summaryCells, accuracy.otherDefects)
        let verdict =
          accuracy.isAccurate
          ? words("Rà soát chính xác", "Review accurate")
          : words(
            "Chưa chính xác: \(misclassified) hộ phân loại sai, \(disagreeing) ô lệch biểu tổng hợp, \(other) lỗi khác",
            "Not accurate: \(misclassified) misclassified, \(disagreeing) summary cells off, \(other) other errors")
        return [
          .number(Double(i + 1)), .text(s.unit.name), .text(list.file),
          .number(Double(accuracy.households)), recorded(.poor), recorded(.nearPoor),
          recorded(.escaped), computed(.poor), computed(.nearPoor), .number(Double(misclassified)),
          .number(Double(disagreeing)), .text(verdict),
        ]
      }
      try ReportTable(
        title: words("KIỂM TRA DANH SÁCH HỘ QUA RÀ SOÁT", "HOUSEHOLD REVIEW LISTS CHECKED") + " — " + name.uppercased(),
        subtitle: heading
          + words(
            ". Phân loại từng hộ được tính lại theo chuẩn nghèo của năm; chi tiết ở trang Phát hiện.",
            ". Each household reclassified under the year's poverty standard; details on the Findings sheet."),
        columns: [
          .index(words),
          .init(title: words("Xã, phường, thị trấn", "Commune"), width: 26),
          .init(title: words("Tệp danh sách", "List file"), width: 30),
          .init(title: words("Số hộ đã xét", "Households checked"), width: 12, style: OutputStyles.count),
          .init(title: words("Nghèo (xã ghi)", "Poor (recorded)"), width: 11, style: OutputStyles.count),
          .init(title: words("Cận nghèo (xã ghi)", "Near-poor (recorded)"), width: 11, style: OutputStyles.count),
          .init(
            title: words("Thoát nghèo (xã ghi)", "Out of poverty (recorded)"), width: 11, style: OutputStyles.count),
          .init(title: words("Nghèo (tính lại)", "Poor (recomputed)"), width: 11, style: OutputStyles.count),
          .init(title: words("Cận nghèo (tính lại)", "Near-poor (recomputed)"), width: 11, style: OutputStyles.count),
          .init(title: words("Hộ phân loại sai", "Misclassified"), width: 11, style: OutputStyles.count),
          .init(title: words("Ô lệch biểu tổng hợp", "Summary cells off"), width: 11, style: OutputStyles.count),
          .init(title: words("Kết luận", "Conclusion"), width: 40, style: OutputStyles.wrapped),
        ], rows: rows, words: words
      ).write(on: sheet)
    }
  }
}
