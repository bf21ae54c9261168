/// One cell on a column's header path: its words and how many columns it spans (a parent
/// merged over `Số hộ | Tỷ lệ %` spans two).
struct HeaderCell: Hashable, Sendable {
  var text: HeaderText
  var span: Int
  /// The cell stands over this column only by inference (a parent typed over the first
  /// of its columns, nothing merged): it rules a field out only when the field needs its
  /// words.
  var inferred = false
}

/// A field's match rule, folded once, and the score of a header path against it
/// (docs/findings.md, "Matching columns to fields").
struct FieldRule: Sendable {
  let field: String
  private let groups: [[[String]]]
  private let bonus: [[String]]
  private let exclusions: [[String]]

  /// Score of each word of the phrase that satisfies a group, of each bonus word, and
  /// the cost of each word that nothing in the rule explains.
  static let groupWeight = 2.0
  static let bonusWeight = 0.5
  static let unexplainedCost = 0.2

  init(field: FieldSchema) {
    self.field = field.name
    if let rule = field.match {
      groups = rule.all.map { $0.map(HeaderText.phrase) }
      bonus = (rule.any ?? []).map(HeaderText.phrase)
      exclusions = (rule.none ?? []).map(HeaderText.phrase)
    } else {
      // No rule: the title or any variant, its remarks in parentheses aside.
      let titles = [field.title] + (field.variants ?? [])
      groups = [titles.map { HeaderText($0).words.filter { !$0.aside }.map(\.text) }.filter { !$0.isEmpty }]
      bonus = []
      exclusions = []
    }
  }

  /// The score of `path` (top cell first) for this field, or nil when the field does not
  /// match: some group is missing, or an excluded phrase stands in the part of the path
  /// that names the column.
  ///
  /// The part that names the column is the shortest run of cells ending at the leaf that
  /// holds every group, together with the narrow parents above it (spanning at most
  /// `qualifyingSpan` columns, as `Số hộ nghèo đầu năm` over `Số hộ | Tỷ lệ %`): wide
  /// parents are the table's topic (`Kết quả rà soát hộ nghèo năm 2017` over every
  /// figure) and do not exclude a `Tổng số hộ` below them; nor does a parent only
  /// inferred over the column.
  func score(_ path: [HeaderCell], qualifyingSpan: Int, stopWords: Set<String>) -> Double? {
    guard !path.isEmpty, !groups.isEmpty else { return nil }
    for start in stride(from: path.count - 1, through: 0, by: -1) {
      let naming = path[start...]
      guard
        groups.allSatisfy({ group in
          group.contains { phrase in naming.contains { !$0.text.occurrences(of: phrase).isEmpty } }
        })
      else { continue }
      let qualifying = path[..<start].filter { $0.span <= qualifyingSpan && !$0.inferred } + naming
      if exclusions.contains(where: { phrase in qualifying.contains { !$0.text.occurrences(of: phrase).isEmpty } }) {
        return nil
      }
      return score(naming: Array(naming), whole: path, stopWords: stopWords)
    }
    return nil
  }

  private func score(naming: [HeaderCell], whole: [HeaderCell], stopWords: Set<String>) -> Double {
    var covered = naming.map { Array(repeating: false, count: $0.text.words.count) }
    var total = 0.0
    func mark(_ phrase: [String]) -> Bool {
      var hit = false
      for (i, cell) in naming.enumerated() {
        for range in cell.text.occurrences(of: phrase) {
          for k in range { covered[i][k] = true }
          hit = true
        }
      }
      return hit
    }
    for group in groups {
      // The longest phrase of the group that stands counts.
      if let best = group.filter({ mark($0) }).max(by: { $0.count < $1.count }) {
        total += Self.groupWeight * Double(best.count)
      }
    }
    for phrase in bonus where mark(phrase) || whole.contains(where: { !$0.text.occurrences(of: phrase).isEmpty }) {
      total += Self.bonusWeight * Double(phrase.count)
    }
    var unexplained = 0
    for (i, cell) in naming.enumerated() {
      for (k, word) in cell.text.words.enumerated() where !covered[i][k] && !word.aside && !word.isNeutral(stopWords) {
        unexplained += 1
      }
    }
    return total - Self.unexplainedCost * Double(unexplained)
  }
}
