import Foundation
public import SheetIO

/// One piece of evidence for a decision of the intake: what was seen, where, by which
/// rule, and what it points to. `validate --explain` prints them.
public struct Evidence: Hashable, Sendable {
  /// `letterhead`, `unit-label`, `file-name`, `code-in-file-name`, `title-year` …
  public var rule: String
  public var text: String
  public var location: Location?
  /// What it points to: a unit code, a year, a date.
  public var value: String
  public var weight: Double
}

/// Who sent a file: every unit its title lines and file name mention, weighed by where
/// the mention stands; a commune named under its district is the commune (the lower
/// level names the sender, the higher one its context), a department under the
/// province the department. The province itself never sends. A name that several units
/// share is ambiguous, never a guess.
struct SenderFinder {
  let identifier: UnitIdentifier
  var vocabulary: FoldedVocabulary { identifier.vocabulary }

  struct Decision {
    var unit: RegistryUnit?
    /// Units the strongest evidence fits equally well.
    var ambiguous: [RegistryUnit] = []
    /// The issuing line seen when no unit was found, for the message.
    var seen: String?
    var evidence: [Evidence] = []
    /// The next best unit and its weight, when another unit was mentioned.
    var runnerUp: (unit: RegistryUnit, weight: Double)?
  }

  func find(_ lines: [TitleLine], file: String) -> Decision {
    var decision = Decision()
    var weights: [String: Double] = [:]
    var units: [String: RegistryUnit] = [:]
    var order: [String: Int] = [:]
    var ambiguousSets: [[RegistryUnit]] = []
    func credit(_ found: [RegistryUnit], _ weight: Double, _ rule: String, _ line: TitleLine) {
      let candidates = found.filter { $0.category != "TINH" }
      guard !candidates.isEmpty else { return }
      if candidates.count > 1 { ambiguousSets.append(candidates) }
      for unit in candidates {
        units[unit.code] = unit
        weights[unit.code, default: 0] += weight / Double(candidates.count)
        if order[unit.code] == nil { order[unit.code] = order.count }
        decision.evidence.append(
          Evidence(
            rule: rule, text: line.text,
            location: Location(file: file, sheet: line.sheet, cell: line.cell), value: unit.code, weight: weight))
      }
    }
    for line in lines {
      // A document number (`19/BC-LĐTBXH`) names the office that wrote it, not the sender.
      let folded = TextFolding.fold(Self.withoutDocumentNumbers(line.text))
      if FoldedVocabulary.starts(folded, with: vocabulary.recipientLabels) { continue }
      if vocabulary.mottoLines.contains(where: { folded.contains($0) }) { continue }
      if line.place == .fileName {
        let codes = Set(folded.split(separator: " ").map(String.init))
        for entry in identifier.entries
        where entry.unit.code.count >= 3 && codes.contains(TextFolding.fold(entry.unit.code)) {
          credit([entry.unit], line.weight * 1.5, "code-in-file-name", line)
        }
      }
      if let label = vocabulary.unitLabels.first(where: { FoldedVocabulary.starts(folded, with: [$0]) }),
        !FoldedVocabulary.starts(folded, with: vocabulary.unitLabelExclusions)
      {
        let rest = String(folded.dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty {
          let found = identifier.candidates(rest)
          if !found.isEmpty {
            credit(found, line.weight * 2, "unit-label", line)
            continue
          }
        }
      }
      for mention in identifier.mentions(in: folded, written: Self.withoutDocumentNumbers(line.text)) {
        credit(mention.units, line.weight * (mention.qualified ? 1 : 0.6), rule(for: line), line)
      }
      if decision.seen == nil, isIssuerLine(folded) { decision.seen = line.text }
    }
    // A unit mentioned with one of its own areas is their context: the area sent it.
    for code in weights.keys {
      guard let unit = units[code] else { continue }
      let descendants = weights.keys.filter { other in other != code && isAncestor(unit, of: units[other]) }
      guard !descendants.isEmpty else { continue }
      for d in descendants { weights[d, default: 0] += (weights[code] ?? 0) / Double(descendants.count) }
      weights[code] = 0
    }
    let ranked = weights.filter { $0.value > 0 }.sorted { a, b in
      if abs(a.value - b.value) > 1e-9 { return a.value > b.value }
      let la = vocabulary.levels[units[a.key]?.category ?? ""] ?? 0
      let lb = vocabulary.levels[units[b.key]?.category ?? ""] ?? 0
      if la != lb { return la > lb }
      return (order[a.key] ?? 0) < (order[b.key] ?? 0)
    }
    guard let top = ranked.first, let unit = units[top.key] else { return decision }
    let tied = ranked.filter { abs($0.value - top.value) <= 1e-9 }.compactMap { units[$0.key] }
    if tied.count > 1,
      ambiguousSets.contains(where: { set in tied.allSatisfy { t in set.contains { $0.code == t.code } } })
    {
      decision.ambiguous = tied
      return decision
    }
    decision.unit = unit
    if let second = ranked.dropFirst().first, let other = units[second.key] {
      decision.runnerUp = (other, second.value)
    }
    return decision
  }

  /// `text` without document numbers: digits, a slash, and what follows up to a space
  /// (`Số: 19/BC-LĐTBXH`, `QĐ số 3986/QĐ-UBND`).
  static func withoutDocumentNumbers(_ text: String) -> String {
    var out = ""
    var i = text.startIndex
    while i < text.endIndex {
      if text[i].isNumber, let slash = text[i...].firstIndex(where: { !$0.isNumber }), text[slash] == "/",
        text.index(after: slash) < text.endIndex, text[text.index(after: slash)].isLetter
      {
        var end = slash
        while end < text.endIndex, !text[end].isWhitespace, !",;)".contains(text[end]) { end = text.index(after: end) }
        out += " "
        i = end
        continue
      }
      out.append(text[i])
      i = text.index(after: i)
    }
    return out
  }

  private func rule(for line: TitleLine) -> String {
    switch line.place {
    case .title, .cover: return "letterhead-or-title"
    case .fileName: return "file-name"
    case .below: return "below-table"
    case .hidden: return "hidden-sheet"
    }
  }

  private func isIssuerLine(_ folded: String) -> Bool {
    FoldedVocabulary.starts(folded, with: vocabulary.issuerWords)
      || FoldedVocabulary.starts(folded, with: vocabulary.unitLabels)
      || vocabulary.adminWords.contains {
        $0.category == "SO_NGANH" && FoldedVocabulary.starts(folded, with: [$0.words])
      }
  }

  /// Whether `unit` is `other`'s parent, grandparent …
  private func isAncestor(_ unit: RegistryUnit, of other: RegistryUnit?) -> Bool {
    var current = other?.parent
    var steps = 0
    while let code = current, steps < 10 {
      if code == unit.code { return true }
      current = identifier.registry.unit(code: code)?.parent
      steps += 1
    }
    return false
  }
}
