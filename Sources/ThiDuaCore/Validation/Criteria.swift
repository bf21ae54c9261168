public import SheetIO

/// How a criterion came out for a unit, with the reason and the cells behind it.
public struct CriterionOutcome: Sendable, Codable {
  public enum Status: String, Sendable, Codable { case met, notMet = "not-met", notAssessable = "not-assessable" }

  public var id: String
  public var status: Status
  /// A reason code (`reduction-meets-target`, `no-evidence` …) and its values, for messages.
  public var reason: String
  public var values: [String: String]
  public var sources: [Location]
}

/// Decides a unit's criteria (criteria.json) from what its submission holds: computed
/// rules from the figures, self-assessed criteria from the self-assessment form with
/// evidence. Each form is found by its role among those the unit's category submits.
struct CriteriaEvaluator {
  let movement: MovementDefinition
  let unit: RegistryUnit
  /// Form code → the submission's table of it (the first found).
  let tables: [String: FileReport.Table]

  func evaluate() -> [CriterionOutcome] {
    movement.criteria.filter { $0.category == unit.category }.map(decide)
  }

  /// The table of the unit's form with role `kind`, with the form's role.
  private func table(_ kind: FormRole.Kind) -> (role: FormRole, table: FileReport.Table)? {
    guard let form = movement.form(kind, forCategory: unit.category), let role = form.role,
      let table = tables[form.name]
    else { return nil }
    return (role, table)
  }

  /// The name of the form with role `kind` the unit was to send, for a message saying it is missing.
  private func missing(_ kind: FormRole.Kind) -> [String: String] {
    movement.form(kind, forCategory: unit.category).map { ["form": $0.name] } ?? [:]
  }

  private func location(_ table: FileReport.Table, _ cell: CellAddress?) -> Location {
    Location(file: table.file, sheet: table.sheet, cell: cell)
  }

  private func decide(_ c: Criterion) -> CriterionOutcome {
    func outcome(
      _ s: CriterionOutcome.Status, _ reason: String, _ values: [String: String] = [:], _ sources: [Location] = []
    )
      -> CriterionOutcome
    {
      CriterionOutcome(id: c.id, status: s, reason: reason, values: values, sources: sources)
    }
    switch c.decided {
    case .selfAssessed:
      guard let (role, table) = table(.selfAssessment), let idField = role.criterion, let resultField = role.result
      else { return outcome(.notAssessable, "no-self-assessment", missing(.selfAssessment)) }
      guard let index = table.rows.firstIndex(where: { $0[idField]?.text.map(TextFolding.fold) == c.id }) else {
        return outcome(.notAssessable, "criterion-not-listed")
      }
      let row = table.rows[index]
      let source = location(table, table.cells[index][resultField])
      let result = row[resultField]?.text.map(TextFolding.fold) ?? ""
      guard (role.met ?? []).contains(where: { TextFolding.fold($0) == result }), !result.isEmpty else {
        return outcome(.notMet, "self-assessed-not-met", [:], [source])
      }
      // A form without an evidence field lets a result count on its own.
      guard let evidenceField = role.evidence else { return outcome(.met, "self-assessed", [:], [source]) }
      guard let evidence = row[evidenceField]?.text, !evidence.isEmpty else {
        // The cell to fill in first: the empty evidence cell, when the column is there.
        let empty = table.cells[index][evidenceField].map { location(table, $0) }
        return outcome(.notMet, "evidence-missing", [:], [empty, source].compactMap { $0 })
      }
      return outcome(.met, "self-assessed-with-evidence", ["evidence": evidence], [source])
    case .nominee:
      return outcome(.notAssessable, "decided-per-nominee")
    case .computed:
      if let text = c.expression { return decide(c, expression: text, outcome) }
      switch c.rule ?? "" {
      case "poverty_reduction_beyond_target": return reduction(c, outcome)
      case "funds_settled_and_reports_on_time":
        let fields = ["ngay_quyet_toan", "han_quyet_toan", "bao_cao_dung_han", "bao_cao_phai_nop"]
        guard let info = readReportInfo(fields) else {
          return outcome(.notAssessable, "no-unit-figures", missing(.reportInfo))
        }
        guard case .date(let settled) = info.values[0], case .date(let deadline) = info.values[1],
          case .number(let onTime) = info.values[2], case .number(let due) = info.values[3]
        else { return outcome(.notAssessable, "figures-missing", ["read": info.read], info.sources) }
        let met = settled <= deadline && onTime >= due
        return outcome(
          met ? .met : .notMet, met ? "settled-and-reported-on-time" : "late-settlement-or-reports",
          [
            "settled": ExpressionEvaluator.text(.date(settled)), "deadline": ExpressionEvaluator.text(.date(deadline)),
            "on_time": CanonicalCSV.numberText(onTime), "due": CanonicalCSV.numberText(due),
          ], info.sources)
      case "capital_rotation_rule_exists":
        guard let info = readReportInfo(["co_quy_che_von"]) else {
          return outcome(.notAssessable, "no-unit-figures", missing(.reportInfo))
        }
        guard case .text(let answer) = info.values[0] else {
          return outcome(.notAssessable, "figures-missing", ["read": info.read], info.sources)
        }
        let met = TextFolding.fold(answer) == "co"
        return outcome(met ? .met : .notMet, met ? "rule-exists" : "no-rule", [:], info.sources)
      case "no_complaints_about_review":
        guard let info = readReportInfo(["so_don_khieu_nai"]) else {
          return outcome(.notAssessable, "no-unit-figures", missing(.reportInfo))
        }
        guard case .number(let complaints) = info.values[0] else {
          return outcome(.notAssessable, "figures-missing", ["read": info.read], info.sources)
        }
        guard complaints != 0 else { return outcome(.met, "no-complaints", [:], info.sources) }
        return outcome(.notMet, "complaints", ["complaints": CanonicalCSV.numberText(complaints)], info.sources)
      default:
        return outcome(.notAssessable, "rule-not-decided")
      }
    }
  }

  /// A criterion's formula on the unit's tables: met when true, not met when false, not
  /// assessable when a value it needs is not there; the cells it read are the sources.
  private func decide(
    _ c: Criterion, expression text: String,
    _ outcome: (CriterionOutcome.Status, String, [String: String], [Location]) -> CriterionOutcome
  ) -> CriterionOutcome {
    // `movement check` has parsed it already: a definition that fails never gets here.
    guard let expression = try? CriterionExpression.parse(text) else {
      return outcome(.notAssessable, "rule-not-decided", [:], [])
    }
    var evaluator = ExpressionEvaluator(tables: tables, forms: movement.forms)
    let result = evaluator.value(expression)
    let values = ["expression": text, "read": evaluator.read.joined(separator: "; ")]
    switch result {
    case .bool(true): return outcome(.met, "expression-met", values, evaluator.sources)
    case .bool(false): return outcome(.notMet, "expression-not-met", values, evaluator.sources)
    default: return outcome(.notAssessable, "figures-missing", values, evaluator.sources)
    }
  }

  /// Fields of the unit's report-info form, read as a formula reads them: the values,
  /// `FORM.field = value` of each, and the cells there are for them (else the sheet);
  /// nil when the unit sent no such form.
  private func readReportInfo(_ fields: [String]) -> (
    values: [ExpressionEvaluator.Value], read: String, sources: [Location]
  )? {
    guard let form = movement.form(.reportInfo, forCategory: unit.category), tables[form.name]?.rows.isEmpty == false
    else {
      return nil
    }
    var evaluator = ExpressionEvaluator(tables: tables, forms: movement.forms)
    let values = fields.map { evaluator.value(.field(form: form.name, field: $0)) }
    return (values, evaluator.read.joined(separator: "; "), evaluator.sources)
  }

  /// Start rate − end rate of the unit, in percentage points, against the assigned target.
  private func reduction(
    _ c: Criterion, _ outcome: (CriterionOutcome.Status, String, [String: String], [Location]) -> CriterionOutcome
  ) -> CriterionOutcome {
    guard let table = table(.areaFigures)?.table, !table.rows.isEmpty else {
      return outcome(.notAssessable, "no-poverty-figures", missing(.areaFigures), [])
    }
    guard let figures = PovertyFigures(table) else {
      return outcome(.notAssessable, "figures-missing", [:], [location(table, nil)])
    }
    let achieved = figures.reduction
    guard let target = figures.target else {
      return outcome(
        .notAssessable, "no-assigned-target", ["achieved": CanonicalCSV.numberText(achieved)], [location(table, nil)])
    }
    return outcome(
      achieved >= target ? .met : .notMet, achieved >= target ? "reduction-meets-target" : "reduction-below-target",
      ["achieved": CanonicalCSV.numberText(achieved), "target": CanonicalCSV.numberText(target)], [location(table, nil)]
    )
  }

}
