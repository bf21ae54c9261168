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
  /// The same of the unit's report of the year before, when the review has one.
  var previous: [String: FileReport.Table]? = nil

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
      // `movement check` refuses a computed criterion without a formula.
      guard let text = c.expression else { return outcome(.notAssessable, "rule-not-decided") }
      return decide(c, expression: text, outcome)
    }
  }

  /// A criterion's formulas on the unit's tables. A form they read that the unit did not
  /// send (or sent with no rows) leaves it not assessable for that reason; what it
  /// `requires` must hold; then true is met, false not met, and unknown is the first
  /// declared unknown outcome whose condition holds, else `figures-missing`. The sources
  /// are what was read; the values, those the outcome's words show (a plain formula's
  /// outcomes keep the formula and what it read).
  private func decide(
    _ c: Criterion, expression text: String,
    _ outcome: (CriterionOutcome.Status, String, [String: String], [Location]) -> CriterionOutcome
  ) -> CriterionOutcome {
    // `movement check` has parsed them already: a definition that fails never gets here.
    guard let formulas = try? CriterionFormulas(c) else { return outcome(.notAssessable, "rule-not-decided", [:], []) }
    for form in formulas.fieldsThisYear.compactMap({ $0.split(separator: ".").first.map(String.init) })
    where tables[form]?.rows.isEmpty ?? true {
      let role = movement.forms[form]?.role?.kind
      return outcome(.notAssessable, Self.notSent(role), ["form": form], [])
    }
    var evaluator = ExpressionEvaluator(tables: tables, forms: movement.forms, defines: formulas.defines)
    evaluator.previousTables = previous
    evaluator.planMinimum = movement.thresholds?.minimumReduction(
      areas: [unit.areaType, unit.poorArea].compactMap { $0 })
    func declared(_ s: CriterionOutcome.Status, _ o: Criterion.DeclaredOutcome) -> CriterionOutcome {
      var values: [String: String] = [:]
      for name in o.names {
        let v = evaluator.value(.defined(name))
        if v != .missing { values[name] = ExpressionEvaluator.text(v) }
      }
      return outcome(s, o.reason, values, evaluator.sources)
    }
    let required = formulas.requires.map { evaluator.value($0) } ?? .bool(true)
    let result = required == .bool(true) ? evaluator.value(formulas.expression) : .missing
    let read = evaluator.read.joined(separator: "; ")
    guard let declaredOutcomes = c.outcomes else {
      let values = ["expression": text, "read": read]
      switch result {
      case .bool(true): return outcome(.met, "expression-met", values, evaluator.sources)
      case .bool(false): return outcome(.notMet, "expression-not-met", values, evaluator.sources)
      default: return outcome(.notAssessable, "figures-missing", values, evaluator.sources)
      }
    }
    switch result {
    case .bool(true): return declared(.met, declaredOutcomes.met)
    case .bool(false): return declared(.notMet, declaredOutcomes.notMet)
    default:
      if required == .bool(true), let named = formulas.unknown.first(where: { evaluator.value($0.when) == .bool(true) })
      {
        return declared(.notAssessable, named.outcome)
      }
      return outcome(.notAssessable, "figures-missing", read.isEmpty ? [:] : ["read": read], evaluator.sources)
    }
  }

  /// Why a criterion is not assessable when the unit did not send a form it reads.
  static func notSent(_ role: FormRole.Kind?) -> String {
    switch role {
    case .reportInfo: "no-unit-figures"
    case .areaFigures: "no-poverty-figures"
    case .selfAssessment: "no-self-assessment"
    default: "form-not-sent"
    }
  }
}
