import SheetIO

/// A commune's households to re-examine: every household its review lists put in doubt
/// (classified against the standard, listed twice, without members, with a negative
/// income, an unknown class, in another commune's list too), grouped by village in the
/// list's order, with what the commune recorded and what the standard gives. One row of
/// *Cần sửa* points here, so that a list with thousands of doubts keeps that sheet short.
struct FeedbackHouseholds {
  /// The findings that are about one household of a list.
  static let codes: Set<String> = [
    "classification-mismatch", "duplicate-household", "household-no-members", "household-income-negative",
    "household-class-unknown", "household-in-two-communes",
  ]

  /// The unit's household findings, by village in the order the villages first appear
  /// in each list, then by row.
  let findings: [Finding]
  let unit: UnitResult
  let result: ReviewResult
  let words: Words

  init(standing files: [ReceivedFile], unit: UnitResult, result: ReviewResult, words: Words) {
    let found = files.flatMap(\.report.findings).filter { Self.codes.contains($0.code) }
    var villageOrder: [String: Int] = [:]
    for f in found.sorted(by: Self.byPlace) {
      let key = f.location.file + "\u{1}" + (f.values["village"] ?? "")
      if villageOrder[key] == nil { villageOrder[key] = villageOrder.count }
    }
    findings = found.sorted { a, b in
      let ka = villageOrder[a.location.file + "\u{1}" + (a.values["village"] ?? "")]!
      let kb = villageOrder[b.location.file + "\u{1}" + (b.values["village"] ?? "")]!
      return ka != kb ? ka < kb : Self.byPlace(a, b)
    }
    self.unit = unit
    self.result = result
    self.words = words
  }

  static func byPlace(_ a: Finding, _ b: Finding) -> Bool {
    let (ra, rb) = (a.location.cell?.row ?? 0, b.location.cell?.row ?? 0)
    if a.location.file != b.location.file { return a.location.file < b.location.file }
    return ra != rb ? ra < rb : (a.location.cell?.column ?? 0) < (b.location.cell?.column ?? 0)
  }

  static let sheetName = (vi: "Hộ cần rà soát lại", en: "Households to re-examine")
  /// Villages the subtitle counts by name.
  static let shownVillages = 12

  /// The villages and how many of their households to re-examine, in the sheet's order.
  var villages: [(name: String, households: Int)] {
    var out: [(name: String, households: Int)] = []
    for f in findings {
      let name = f.values["village"] ?? ""
      if out.last?.name == name { out[out.count - 1].households += 1 } else { out.append((name, 1)) }
    }
    return out
  }

  func write(_ doc: XLSXDocument) throws(WriteError) {
    guard !findings.isEmpty else { return }
    let sheet = try doc.addSheet(words(Self.sheetName.vi, Self.sheetName.en))
    let unknownVillage = words("(không ghi thôn)", "(no village given)")
    // One list names its file in the subtitle, several have a column of it.
    let files = Array(Set(findings.map(\.location.file))).sorted()
    let rows: [[CellValue]] = findings.enumerated().map { i, f in
      let v = f.values
      func classWord(_ key: String) -> CellValue {
        guard let code = v[key], let w = HouseholdWording.classes[code] else { return .empty }
        return .text(words(w.vi, w.en))
      }
      let village = v["village"].flatMap { $0.isEmpty ? nil : $0 } ?? unknownVillage
      return [
        .number(Double(i + 1)), .text(village), .text(v["household"] ?? ""), .text(v["head"] ?? ""),
        classWord("recorded"), classWord("computed"), v["income"].flatMap(Double.init).map { .number($0) } ?? .empty,
        v["deprivations"].flatMap(Double.init).map { .number($0) } ?? .empty,
        .text(FindingNames.name(f.code, words)), .text(Messages.text(f, words.language)),
      ] + (files.count > 1 ? [.text(f.location.file)] : []) + [.text(f.location.cell?.description ?? "")]
    }
    // The first villages in the subtitle; all of them are in the rows.
    let shown = Self.shownVillages
    var byVillage = villages.prefix(shown).map { "\($0.name.isEmpty ? unknownVillage : $0.name): \($0.households)" }
    if villages.count > shown {
      byVillage.append(words("và \(villages.count - shown) thôn khác", "and \(villages.count - shown) more"))
    }
    try ReportTable(
      title: words("CÁC HỘ CẦN RÀ SOÁT LẠI", "HOUSEHOLDS TO RE-EXAMINE") + " — " + unit.unit.name.uppercased(),
      subtitle: words(
        "\(unit.unit.name), danh sách hộ năm \(result.year) (\(files.joined(separator: ", "))): \(findings.count) hộ cần rà soát lại, theo thôn (\(byVillage.joined(separator: "; "))). Phân loại của mỗi hộ được tính lại theo chuẩn nghèo của năm từ thu nhập và số chỉ số thiếu hụt ghi trong danh sách. Đối chiếu lại phiếu của hộ, sửa danh sách rồi gửi lại.",
        "\(unit.unit.name), household list of \(result.year) (\(files.joined(separator: ", "))): \(findings.count) households to re-examine, by village (\(byVillage.joined(separator: "; "))). Each household's class is recomputed under the year's poverty standard from the income and deprivations the list gives. Check the household's questionnaire, correct the list and send it again."
      ),
      columns: [
        .index(words),
        .init(title: words("Thôn, tổ dân phố", "Village"), width: 18, style: OutputStyles.wrapped),
        .init(title: words("Mã hộ", "Household"), width: 14),
        .init(title: words("Chủ hộ", "Head"), width: 22, style: OutputStyles.wrapped),
        .init(title: words("Xã ghi", "Recorded"), width: 12, style: OutputStyles.wrapped),
        .init(title: words("Theo chuẩn", "By the standard"), width: 12, style: OutputStyles.wrapped),
        .init(
          title: words("Thu nhập (đồng/người/tháng)", "Income (dong/person/month)"), width: 12,
          style: OutputStyles.count),
        .init(title: words("Số chỉ số thiếu hụt", "Deprivations"), width: 10, style: OutputStyles.count),
        .init(title: words("Vấn đề", "Problem"), width: 20, style: OutputStyles.wrapped),
        .init(title: words("Nội dung", "Message"), width: 46, style: OutputStyles.wrapped),
      ] + (files.count > 1 ? [.init(title: words("Tệp", "File"), width: 24, style: OutputStyles.wrapped)] : [])
        + [.init(title: words("Ô", "Cell"), width: 7)], rows: rows, words: words
    ).write(on: sheet)
  }

  /// The one row of *Cần sửa* for each list: how many households, where to see them,
  /// and the points of the criteria the list's defects keep from being met.
  func toDoItems(movement: MovementDefinition) -> [FeedbackToDo.Item] {
    let notAccurate = Set(movement.criteria.compactMap { $0.householdList?.notAccurate.reason })
    let lost = unit.years.filter { $0.year == result.year }.flatMap(\.criteria).filter {
      notAccurate.contains($0.reason)
    }
    let points = lost.reduce(0) { $0 + (movement.criterion($1.id)?.points ?? 0) }
    let cost = lost.map {
      words(" — tiêu chí \($0.id) chưa đạt vì các hộ này", " — criterion \($0.id) is not met because of them")
    }.joined()
    let sheetName = words(Self.sheetName.vi, Self.sheetName.en)
    let byFile = Dictionary(grouping: findings) { $0.location.file }
    return byFile.keys.sorted().map { file in
      let found = byFile[file]!
      let errors = found.filter { $0.severity == .error }.count
      return FeedbackToDo.Item(
        severity: words.severity(errors > 0 ? .error : .warning), file: file, sheet: found[0].location.sheet ?? "",
        message: words(
          "Danh sách hộ: \(found.count) hộ cần rà soát lại (\(errors) lỗi), liệt kê theo thôn ở trang '\(sheetName)'.",
          "Household list: \(found.count) households to re-examine (\(errors) errors), listed by village on the '\(sheetName)' sheet."
        ),
        fix: words(
          "Đối chiếu phiếu của từng hộ, sửa phân loại hoặc số liệu trong danh sách rồi gửi lại",
          "Check each household's questionnaire, correct its class or figures and send the list again") + cost,
        points: points > 0 ? points : nil)
    }
  }
}
