import SheetIO

/// Matches column headers to form fields by folded words: a field matches a header when
/// every word of its title, or of one of its variants, appears in the header. The most
/// specific match wins (the variant with the most words); each field and each column is
/// used at most once. So `Số hộ nghèo đầu năm`, `SO HO NGHEO DAU NAM` and a two-row header
/// `Đầu năm` / `Số hộ nghèo` all find `ho_ngheo_dau_nam`.
public struct HeaderMatcher: Sendable {
  struct Candidate: Sendable {
    var field: String
    var words: Set<String>
  }

  let form: FormSchema
  private let candidates: [Candidate]

  public init(form: FormSchema) {
    self.form = form
    var list: [Candidate] = []
    for field in form.fields {
      for title in [field.title] + (field.variants ?? []) {
        list.append(Candidate(field: field.name, words: HeaderMatcher.words(title)))
      }
    }
    // Most specific first.
    candidates = list.sorted { $0.words.count > $1.words.count }
  }

  /// Folded words, without the words of units in parentheses (`(hộ)`, `(%)`).
  static func words(_ text: String) -> Set<String> {
    var cleaned = ""
    var depth = 0
    for ch in text {
      if ch == "(" {
        depth += 1
      } else if ch == ")" {
        depth = max(0, depth - 1)
      } else if depth == 0 {
        cleaned.append(ch)
      }
    }
    return Set(TextFolding.fold(cleaned).split(separator: " ").map(String.init))
  }

  /// Field code by column, for headers given by column.
  public func match(_ headers: [Int: String]) -> [Int: String] {
    match(words: headers.mapValues { HeaderMatcher.words($0) })
  }

  /// Field code by column, for headers already cut into folded words.
  func match(words headerWords: [Int: Set<String>]) -> [Int: String] {
    var byColumn: [Int: String] = [:]
    var usedFields: Set<String> = []
    var bestScore: [Int: Int] = [:]
    // Greedy by specificity: the candidate with most words claims its best column first.
    for candidate in candidates where !usedFields.contains(candidate.field) && !candidate.words.isEmpty {
      let columns = headerWords.filter { candidate.words.isSubset(of: $0.value) && byColumn[$0.key] == nil }
      // Prefer the column whose header has the fewest extra words.
      guard let column = columns.min(by: { ($0.value.count, $0.key) < ($1.value.count, $1.key) })?.key else { continue }
      byColumn[column] = candidate.field
      usedFields.insert(candidate.field)
      bestScore[column] = candidate.words.count
    }
    return byColumn
  }
}
