/// A computed criterion's formulas, parsed: the condition it is met by, the values it
/// defines, what it requires to be decided at all and the conditions of its named
/// not-assessable outcomes.
struct CriterionFormulas {
  var expression: CriterionExpression
  var requires: CriterionExpression?
  var defines: [String: CriterionExpression]
  /// Each declared unknown outcome with its condition.
  var unknown: [(outcome: Criterion.DeclaredOutcome, when: CriterionExpression)]

  /// A formula that does not parse, with where it stands in criteria.json
  /// (`expression`, `define.achieved`, `outcomes.unknown[0].when`).
  struct Failure: Error {
    var key: String
    var text: String
    var error: CriterionExpression.SyntaxError
  }

  /// Nil for a criterion without an expression.
  init?(_ c: Criterion) throws(Failure) {
    guard let text = c.expression else { return nil }
    func parse(_ text: String, _ key: String) throws(Failure) -> CriterionExpression {
      do throws(CriterionExpression.SyntaxError) {
        return try CriterionExpression.parse(text)
      } catch {
        throw Failure(key: key, text: text, error: error)
      }
    }
    expression = try parse(text, "expression")
    requires = try c.requires.map { (t) throws(Failure) in try parse(t, "requires") }
    var defines: [String: CriterionExpression] = [:]
    for (name, text) in (c.define ?? [:]).sorted(by: { $0.key < $1.key }) {
      defines[name] = try parse(text, "define.\(name)")
    }
    self.defines = defines
    var unknown: [(Criterion.DeclaredOutcome, CriterionExpression)] = []
    for (i, outcome) in (c.outcomes?.unknown ?? []).enumerated() {
      unknown.append((outcome, try parse(outcome.when ?? "true", "outcomes.unknown[\(i)].when")))
    }
    self.unknown = unknown
  }

  /// The formulas to evaluate, in the order they are: what is required, the condition,
  /// then the unknown outcomes' conditions; a defined value counts where it is used.
  var used: [CriterionExpression] { [requires].compactMap { $0 } + [expression] + unknown.map(\.when) }

  /// Every `FORM.field` read, through the defined values too, in order of first use.
  var fields: [String] { reads(\.fields, \.names) }

  /// The same, of the year decided only: what `previous(…)` reads is last year's.
  var fieldsThisYear: [String] { reads(\.fieldsThisYear, \.namesThisYear) }

  private func reads(
    _ fieldsOf: KeyPath<CriterionExpression, [String]>, _ namesOf: KeyPath<CriterionExpression, [String]>
  ) -> [String] {
    var out: [String] = []
    var seen: Set<String> = []
    func walk(_ e: CriterionExpression) {
      for field in e[keyPath: fieldsOf] where !out.contains(field) { out.append(field) }
      for name in e[keyPath: namesOf] where seen.insert(name).inserted { defines[name].map(walk) }
    }
    used.forEach(walk)
    return out
  }
}
