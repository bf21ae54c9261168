import SheetIO

/// A unit's to-do list, in the order that costs it most: what it did not send (a form,
/// figures, a whole year) and the points that waits on, its files that could not be
/// read, then the findings in the files it sent, with the points each one costs.
/// Without the first two a unit that sent nothing read "nothing to fix" and lost 80
/// points.
struct FeedbackToDo {
  struct Item {
    var severity: String
    var file = ""
    var sheet = ""
    var cell = ""
    var message: String
    var fix: String
    /// Points the criterion (or the year) is worth that the item stands in the way of.
    var points: Double?
  }

  let result: ReviewResult
  let unit: UnitResult
  /// The unit's submissions, to tell which of a criterion's figures are missing.
  let submissions: [Submission]
  let movement: MovementDefinition
  let words: Words

  /// A list's households to re-examine are one item, in the place of their first finding.
  func items(standing files: [ReceivedFile], unused: [ReceivedFile], households: FeedbackHouseholds) -> [Item] {
    missingYears() + missingForms() + unreadable(unused) + findings(files, households: households)
  }

  /// Over a period, a year nothing came for counts 0 in the mean.
  private func missingYears() -> [Item] {
    guard result.period.count > 1 else { return [] }
    let sent = Set(unit.years.map(\.year))
    let share = unit.maxScore / Double(result.period.count)
    return result.period.filter { !sent.contains($0) }.map { year in
      Item(
        severity: words("Cần bổ sung", "To send"),
        message: words(
          "Năm \(year): chưa nhận được báo cáo của đơn vị. Năm không có báo cáo được tính 0 điểm trong điểm bình quân \(result.period.count) năm.",
          "\(year): no report of the unit came in. A year without a report counts 0 in the mean of \(result.period.count) years."
        ),
        fix: words("Gửi báo cáo năm \(year)", "Send the report for \(year)"), points: share)
    }
  }

  /// Criteria that could not be assessed because a form or figures were not sent, one
  /// item per year and missing thing, with the criteria and points waiting on it.
  private func missingForms() -> [Item] {
    var items: [Item] = []
    for year in unit.years {
      var waiting: [String: [CriterionOutcome]] = [:]
      var order: [String] = []
      for o in year.criteria where Self.missingThings.contains(o.reason) {
        if waiting[o.reason] == nil { order.append(o.reason) }
        waiting[o.reason, default: []].append(o)
      }
      for reason in order {
        let outcomes = waiting[reason]!
        let criteria = outcomes.map { o in
          let c = movement.criterion(o.id)
          return "\(o.id) (\(words.number(c?.points ?? 0, digits: 0)) \(words("đ", "pts")))"
        }
        let points = outcomes.reduce(0) { $0 + (movement.criterion($1.id)?.points ?? 0) }
        let prefix = result.period.count > 1 ? words("Năm \(year.year): ", "\(year.year): ") : ""
        items.append(
          Item(
            severity: words("Cần bổ sung", "To send"),
            message: prefix + OutcomeWords.reason(outcomes[0], words, of: movement.criterion(outcomes[0].id))
              + words(": chưa đánh giá được tiêu chí ", ": criteria not assessable: ")
              + criteria.joined(separator: ", ")
              + ".",
            fix: fix(reason, outcomes, year: year.year), points: points))
      }
    }
    return items
  }

  /// The reasons that are something missing, and the role of the form each is sent on.
  private static let missingThings: Set<String> = [
    "no-self-assessment", "criterion-not-listed", "no-unit-figures", "no-poverty-figures", "form-not-sent",
    "figures-missing", "no-assigned-target",
  ]
  private static let roleToSend: [String: FormRole.Kind] = [
    "no-self-assessment": .selfAssessment, "criterion-not-listed": .selfAssessment, "no-unit-figures": .reportInfo,
    "no-poverty-figures": .areaFigures, "no-assigned-target": .areaFigures,
  ]

  private func fix(_ reason: String, _ outcomes: [CriterionOutcome], year: Int) -> String {
    // The form the outcome names, else the one of the role the reason is about.
    let named = outcomes.lazy.compactMap { $0.values["form"].flatMap { movement.forms[$0] } }.first
    let form =
      (named ?? Self.roleToSend[reason].flatMap { movement.form($0, forCategory: unit.unit.category) })
      .map(words.form) ?? ""
    switch reason {
    case "criterion-not-listed":
      return words("Bổ sung các tiêu chí này vào biểu ", "Add these criteria to the form ") + "'\(form)'"
    case "figures-missing":
      return words("Bổ sung số liệu: ", "Add the figures: ")
        + missingFields(outcomes, year: year).joined(separator: "; ")
    case "no-assigned-target":
      return words(
        "Ghi chỉ tiêu giảm tỷ lệ hộ nghèo được giao vào biểu ", "Give the assigned reduction target on the form ")
        + "'\(form)'"
    default:
      return words("Gửi bổ sung biểu ", "Send the form ") + "'\(form)'"
        + words(
          " (mẫu: thidua templates --unit \(unit.unit.code))", " (template: thidua templates --unit \(unit.unit.code))")
    }
  }

  /// The titles of the fields the criteria read that the year's submission leaves
  /// empty; all of them when it has none of their form.
  private func missingFields(_ outcomes: [CriterionOutcome], year: Int) -> [String] {
    let sent = submissions.first { $0.year == year }
    var seen: Set<String> = []
    return outcomes.flatMap { movement.criterion($0.id)?.references ?? [] }.compactMap { ref -> String? in
      let parts = ref.split(separator: ".").map(String.init)
      guard parts.count == 2, seen.insert(ref).inserted,
        let field = movement.forms[parts[0]]?.fields.first(where: { $0.name == parts[1] })
      else { return nil }
      let given = sent?.tables[parts[0]]?.rows.contains { !($0[parts[1]]?.isEmpty ?? true) } ?? false
      return given ? nil : field.title
    }
  }

  /// The unit's files that could not be read or held no form: nothing of them counted.
  private func unreadable(_ files: [ReceivedFile]) -> [Item] {
    files.filter { [.unreadable, .noForm, .unidentified].contains($0.fate) }.map { f in
      let why = f.report.findings.first { $0.severity == .error } ?? f.report.findings.first
      return Item(
        severity: words.severity(.error), file: f.file.name,
        message: words("Tệp không được dùng (", "The file was not used (") + words.fate(f.fate) + ")"
          + (why.map { ": " + Messages.text($0, words.language) } ?? "."),
        fix: words("Gửi lại tệp, mở được bằng Excel", "Send the file again, one that Excel opens"))
    }
  }

  private func findings(_ files: [ReceivedFile], households: FeedbackHouseholds) -> [Item] {
    var listItems = Dictionary(uniqueKeysWithValues: households.toDoItems(movement: movement).map { ($0.file, $0) })
    return files.flatMap { f in f.report.findings }.compactMap { finding -> Item? in
      if FeedbackHouseholds.codes.contains(finding.code) {
        return listItems.removeValue(forKey: finding.location.file)
      }
      // A finding that keeps a criterion from being met costs that criterion's points.
      let criterion = finding.values["criterion"].flatMap { movement.criterion($0) }
      let cost = criterion.map {
        words(" — tiêu chí \($0.id) chưa đạt vì lỗi này", " — criterion \($0.id) is not met because of it")
      }
      return Item(
        severity: words.severity(finding.severity), file: finding.location.file, sheet: finding.location.sheet ?? "",
        cell: finding.location.cell?.description ?? "", message: Messages.text(finding, words.language),
        fix: OutcomeWords.fix(finding.code, words) + (cost ?? ""), points: criterion?.points)
    }
  }
}
