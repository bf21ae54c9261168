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

  /// Weight of the evidence a table's areas give: the unit most of them belong to.
  static let areasWeight = 2.5

  func find(_ lines: [TitleLine], areaNames: [String] = [], file: String) -> Decision {
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
      let text = vocabulary.expandingAbbreviations(Self.withoutDocumentNumbers(line.text))
      let folded = TextFolding.fold(text)
      if FoldedVocabulary.starts(folded, with: vocabulary.recipientLabels) { continue }
      if vocabulary.mottoLines.contains(where: { folded.contains($0) }) { continue }
      if line.place == .fileName {
        for unit in identifier.units(withCodeAmong: folded.split(separator: " ").map(String.init)) {
          credit([unit], line.weight * 1.5, "code-in-file-name", line)
        }
      }
      if let label = vocabulary.unitLabels.first(where: { FoldedVocabulary.starts(folded, with: [$0]) }),
        !FoldedVocabulary.starts(folded, with: vocabulary.unitLabelExclusions)
      {
        let rest = folded.dropFirst(label.count).trimmingSpaces
        if !rest.isEmpty {
          let found = identifier.candidates(rest)
          if !found.isEmpty {
            credit(found, line.weight * 2, "unit-label", line)
            continue
          }
        }
      }
      for mention in identifier.mentions(in: folded, written: text) {
        credit(mention.units, line.weight * (mention.qualified ? 1 : 0.6), rule(for: line), line)
      }
      if decision.seen == nil, vocabulary.isIssuerLine(text) { decision.seen = line.text }
    }
    // A name broken over two cells, one under the other (`SỞ LAO ĐỘNG - THƯƠNG BINH` /
    // `VÀ XÃ HỘI QUẢNG NAM`): what the two lines name together and neither alone.
    for (upper, lower) in Self.stackedPairs(lines) {
      let alone = Set(
        (identifier.mentions(in: upper.folded) + identifier.mentions(in: lower.folded)).flatMap(\.units).map(\.code))
      let joined = upper.text + " " + lower.text
      for mention in identifier.mentions(in: TextFolding.fold(joined), written: joined) {
        let new = mention.units.filter { !alone.contains($0.code) }
        guard !new.isEmpty else { continue }
        credit(new, upper.weight * (mention.qualified ? 1 : 0.6), rule(for: upper), upper)
      }
    }
    // The areas a table lists belong to its sender (a district's communes, a commune's
    // villages none of which the registry knows), and an area is not the sender.
    let areas = areaUnits(areaNames)
    // Only where no letterhead says who sent it may the areas bring in a unit of their own;
    // under `UBND HUYỆN X` they can only add to a unit named there.
    let stated = lines.contains { $0.place != .fileName && vocabulary.isIssuerLine($0.text) }
    if let parent = areas.parent, parent.category != "TINH", !stated || weights[parent.code] != nil {
      units[parent.code] = parent
      weights[parent.code, default: 0] += Self.areasWeight
      if order[parent.code] == nil { order[parent.code] = order.count }
      decision.evidence.append(
        Evidence(
          rule: "areas-of", text: "\(areas.listed.count)/\(areaNames.count)", location: Location(file: file),
          value: parent.code, weight: Self.areasWeight))
    }
    for code in areas.listed where weights[code] != nil && code != areas.parent?.code { weights[code] = 0 }
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

  /// Lines of cells standing one right under the other on the same sheet.
  static func stackedPairs(_ lines: [TitleLine]) -> [(TitleLine, TitleLine)] {
    var byCell: [String: TitleLine] = [:]
    for line in lines {
      guard let cell = line.cell, let sheet = line.sheet else { continue }
      byCell["\(sheet)|\(cell.row)|\(cell.column)"] = line
    }
    return lines.compactMap { upper in
      guard let cell = upper.cell, let sheet = upper.sheet,
        let lower = byCell["\(sheet)|\(cell.row + 1)|\(cell.column)"]
      else { return nil }
      return (upper, lower)
    }
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

  /// The registry units a table's area names designate (exact names only), and the
  /// unit most of them belong to when at least three do and most share it.
  private func areaUnits(_ names: [String]) -> (listed: Set<String>, parent: RegistryUnit?) {
    var listed: Set<String> = []
    var parents: [String: Int] = [:]
    for name in names {
      let found = identifier.match(name, fuzzy: false).units
      guard found.count == 1 else { continue }
      listed.insert(found[0].code)
      if let parent = found[0].parent { parents[parent, default: 0] += 1 }
    }
    guard listed.count >= 3, let top = parents.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
      top.value * 5 >= listed.count * 3
    else { return (listed, nil) }
    return (listed, identifier.registry.unit(code: top.key))
  }

  private func rule(for line: TitleLine) -> String {
    switch line.place {
    case .title, .cover: return "letterhead-or-title"
    case .fileName: return "file-name"
    case .below: return "below-table"
    case .hidden: return "hidden-sheet"
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
