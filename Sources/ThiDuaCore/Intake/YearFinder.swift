import SheetIO

/// The year a file reports on, from what the report is about, weighed: the form's own
/// `Năm báo cáo` and a `Năm báo cáo: 2017` label first; then `… NĂM 2017` in a title,
/// the year in the header (`Số hộ nghèo cuối năm 2017`), the year in the file name. A
/// period (`giai đoạn 2016-2020`), a date (`ngày 09 tháng 01 năm 2018`, `09/01/2018`) and
/// a document number are not the reporting year; the signing date is a hint (signed by
/// June, the year before), weaker than any title.
struct YearFinder {
  let vocabulary: FoldedVocabulary

  /// Weights of the kinds of evidence (docs/findings.md).
  static let fieldWeight = 10.0
  static let labelWeight = 10.0
  static let headerWeight = 4.0
  static let fileNameWeight = 3.0
  static let signingHint = 1.5

  struct Decision {
    var year: Int?
    var evidence: [Evidence] = []
    /// A year that strong evidence states too, unlike the one chosen.
    var conflict: (year: Int, evidence: Evidence)?
  }

  /// Year evidence in one line of text.
  func evidence(in line: TitleLine, file: String) -> [Evidence] {
    let words = line.folded.split(separator: " ")
    guard !words.isEmpty, !DateLine.isDateLine(line.folded) else { return [] }
    let location = Location(file: file, sheet: line.sheet, cell: line.cell)
    func item(_ rule: String, _ year: Int, _ weight: Double) -> Evidence {
      Evidence(rule: rule, text: line.text, location: location, value: String(year), weight: weight)
    }
    if let label = vocabulary.reportYearLabels.first(where: { FoldedVocabulary.starts(line.folded, with: [$0]) }) {
      let rest = line.folded.dropFirst(label.count).split(separator: " ")
      if let year = rest.lazy.compactMap({ self.year($0) }).first {
        return [item("report-year-label", year, Self.labelWeight)]
      }
    }
    let reference = FoldedVocabulary.starts(line.folded, with: vocabulary.referenceWords)
    // A note on the start-of-year figures names last year's review (`Số hộ nghèo đầu năm
    // theo … kết quả rà soát năm 2016`), not the year reported on.
    if line.place == .below, FoldedVocabulary.contains(line.folded, ["dau nam", "dau ky", "nam truoc"]) { return [] }
    var found: [Evidence] = []
    for (i, word) in words.enumerated() {
      guard let year = year(word) else { continue }
      let previous = i > 0 ? words[i - 1] : ""
      // A period: `2016 2020` (from 2016-2020), or after `giai đoạn`, `từ năm`, `đến năm`.
      if (i + 1 < words.count && self.year(words[i + 1]) != nil) || (i > 0 && self.year(previous) != nil) { continue }
      let before = words[..<i].suffix(3).joined(separator: " ")
      if vocabulary.periodWords.contains(where: { before.hasSuffix($0) }) { continue }
      // A date: `tháng 01 năm 2018`, `tháng năm 2018`, `09 01 2018` (from 09/01/2018).
      if previous == "nam" && i >= 2 && (words[i - 2] == "thang" || (i >= 3 && words[i - 3] == "thang")) { continue }
      if i >= 2, Int(words[i - 1]).map({ $0 <= 12 }) == true, Int(words[i - 2]).map({ $0 <= 31 }) == true { continue }
      var weight = line.weight * (previous == "nam" ? 2 : 0.7)
      if line.place == .fileName { weight = Self.fileNameWeight }
      if reference { weight /= 2 }
      if !found.isEmpty { weight /= 2 }  // "… năm 2017 và phương hướng năm 2018"
      found.append(item(line.place == .fileName ? "file-name-year" : "title-year", year, weight))
    }
    return found
  }

  /// A word that is a year in the movement's range.
  func year(_ word: Substring) -> Int? {
    guard word.count == 4, let n = Int(word), vocabulary.years.contains(n) else { return nil }
    return n
  }

  /// The year with the most weight; on a tie the one with the strongest single piece.
  func decide(_ evidence: [Evidence]) -> Decision {
    var decision = Decision(evidence: evidence)
    var totals: [Int: Double] = [:]
    var strongest: [Int: Double] = [:]
    for e in evidence {
      guard let y = Int(e.value) else { continue }
      totals[y, default: 0] += e.weight
      strongest[y] = max(strongest[y] ?? 0, e.weight)
    }
    let ranked = totals.sorted { a, b in
      if abs(a.value - b.value) > 1e-9 { return a.value > b.value }
      if strongest[a.key] != strongest[b.key] { return (strongest[a.key] ?? 0) > (strongest[b.key] ?? 0) }
      return a.key > b.key
    }
    guard let top = ranked.first else { return decision }
    decision.year = top.key
    // Two sources that each state a year plainly and disagree: say so.
    let plain = evidence.filter { $0.weight >= Self.headerWeight + 1 && $0.value != String(top.key) }
    if let other = plain.max(by: { $0.weight < $1.weight }), let year = Int(other.value) {
      decision.conflict = (year, other)
    }
    return decision
  }
}
