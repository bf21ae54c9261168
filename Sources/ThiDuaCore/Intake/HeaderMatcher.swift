import SheetIO

/// Which field each column of a header holds, and how sure the matcher is.
public struct ColumnMatch: Hashable, Sendable {
  public var field: String
  public var score: Double
  /// The next best field for the column and its score, when another field matched too.
  public var runnerUp: String?
  public var runnerUpScore: Double?
}

/// Matches the columns of a header to a form's fields: each column's header path is
/// scored against every field's rule (`FieldRule`), then fields are assigned to columns
/// as one assignment with the best total score (`ColumnAssignment`), each column to at
/// most one field. A column whose best score is below `minimumScore` stays unmapped.
struct HeaderMatcher: Sendable {
  let form: FormSchema
  private let rules: [FieldRule]
  private let minimumScore: Double
  private let qualifyingSpan: Int
  private let stopWords: Set<String>

  init(form: FormSchema, vocabulary: FoldedVocabulary) {
    self.form = form
    rules = form.fields.map(FieldRule.init)
    minimumScore = vocabulary.limits.minimumScore
    qualifyingSpan = vocabulary.limits.qualifyingSpan
    stopWords = vocabulary.stopWords
  }

  /// Each field's score for a path, nil where it does not match.
  func scores(_ path: [HeaderCell]) -> [Double?] {
    rules.map { rule in
      rule.score(path, qualifyingSpan: qualifyingSpan, stopWords: stopWords).flatMap { $0 >= minimumScore ? $0 : nil }
    }
  }

  /// Column → its match, for columns given by their header paths. `cache` keeps the
  /// scores of paths already seen on the sheet, by key.
  func match(_ block: HeaderBlock, cache: inout [String: [Double?]]) -> [Int: ColumnMatch] {
    let columns = block.paths.keys.sorted()
    var byColumn: [[Double?]] = []
    for column in columns {
      let key = block.keys[column] ?? ""
      if let known = cache[key] {
        byColumn.append(known)
      } else {
        let computed = scores(block.paths[column] ?? [])
        cache[key] = computed
        byColumn.append(computed)
      }
    }
    return assign(columns: columns, byColumn: byColumn)
  }

  /// Field codes by label, for labels matched one by one (a key-value sheet's titles).
  func match(labels: [Int: HeaderText]) -> [Int: ColumnMatch] {
    let keys = labels.keys.sorted()
    return assign(columns: keys, byColumn: keys.map { scores([HeaderCell(text: labels[$0]!, span: 1)]) })
  }

  private func assign(columns: [Int], byColumn: [[Double?]]) -> [Int: ColumnMatch] {
    guard !columns.isEmpty, byColumn.contains(where: { $0.contains { $0 != nil } }) else { return [:] }
    let byField = rules.indices.map { f in byColumn.map { $0[f] } }
    let chosen = ColumnAssignment.best(byField)
    var result: [Int: ColumnMatch] = [:]
    for (f, index) in chosen.enumerated() {
      guard let index, let score = byField[f][index] else { continue }
      let others = byColumn[index].enumerated().filter { $0.offset != f && $0.element != nil }
      let runnerUp = others.max { ($0.element ?? 0) < ($1.element ?? 0) }
      result[columns[index]] = ColumnMatch(
        field: rules[f].field, score: score, runnerUp: runnerUp.map { rules[$0.offset].field },
        runnerUpScore: runnerUp?.element)
    }
    return result
  }
}
