import Crypto
import Foundation
public import SheetIO

/// A proposal for the reviewers, never a decision: a unit or a nominee, the award form
/// proposed (none when not eligible) and why, in words and by source cells.
public struct Recommendation: Sendable {
  public enum Subject: String, Sendable { case unit, nominee }

  public var subject: Subject
  public var name: String
  /// The unit itself, or the unit that nominated.
  public var unitCode: String
  public var category: String
  /// `Hộ gia đình`, `Doanh nghiệp` … for nominees.
  public var kind: String?
  public var score: Double?
  public var rank: Int?
  public var eligible: Bool
  public var form: String?
  public var basis: String?
  public var reason: Bilingual
  public var sources: [Location]
  /// Its name across copies of the reviewers' workbook (`ProposalKeys`).
  public var key = ""
  /// The reason without its first clause, the score and rank (a unit's feedback gives
  /// those itself), and the achievement for the final list: the reason without the
  /// higher forms it missed. The reason itself for a nominee.
  public var reasonWithoutScore: Bilingual?
  public var achievement: Bilingual?
}

/// Stable names of proposals, so that a reviewer's copy matches its rows to them however
/// the rows were sorted, filtered or moved: `U-516` for a unit, `N-502-1a2b3c4d` for a
/// nominee (the proposing unit, then the start of the SHA-256 of the nominee's name),
/// `-2`, `-3` … after a repeat.
enum ProposalKeys {
  static func assign(_ proposals: inout [Recommendation]) {
    var seen: [String: Int] = [:]
    for i in proposals.indices {
      let x = proposals[i]
      var key: String
      switch x.subject {
      case .unit: key = "U-\(x.unitCode)"
      case .nominee:
        let digest = SHA256.hash(data: Data(x.name.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
        key = "N-\(x.unitCode)-\(digest)"
      }
      let n = (seen[key] ?? 0) + 1
      seen[key] = n
      if n > 1 { key += "-\(n)" }
      proposals[i].key = key
    }
  }
}

/// A text in both languages of the outputs.
public struct Bilingual: Hashable, Sendable {
  public var vi: String
  public var en: String
  public init(vi: String, en: String) {
    self.vi = vi
    self.en = en
  }
  public func text(_ language: Language) -> String { language == .vi ? vi : en }
}

/// Applies the award rules of one review kind (awards.json) to the ranked units and to
/// the nominees of the nominees form. Each subject gets at most one form.
struct Recommender {
  let movement: MovementDefinition
  let review: String
  let periodYears: Int
  let vi = Words(language: .vi)
  let en = Words(language: .en)

  func units(_ results: [UnitResult]) -> [Recommendation] {
    let rules = movement.awards.rules.filter { $0.review == review }
    let ranked = Dictionary(grouping: results, by: \.unit.category).mapValues(\.count)
    var granted: [String: (count: Int, lastRank: Int)] = [:]
    var out: [Recommendation] = []
    for r in results {
      let category = r.unit.category
      let applicable = rules.filter { $0.categories.contains(category) }
      var chosen: AwardRules.Rule?
      var misses: [Bilingual] = []
      var within: Bilingual?
      for rule in applicable {
        let quota = rule.quotaShare.map {
          max(1, WholeNumber.clamped(Double(ranked[category] ?? 0) * $0, to: 0...Int.max, rounding: .down))
        }
        let key = rule.form + "|" + category
        let miss = self.miss(r, rule, quota: quota, granted: granted[key])
        if let miss {
          misses.append(Bilingual(vi: rule.form + ": " + miss.vi, en: rule.form + ": " + miss.en))
          continue
        }
        chosen = rule
        let before = granted[key]?.count ?? 0
        granted[key] = (before + 1, r.rankInCategory)
        if let quota, let share = rule.quotaShare {
          let percent = vi.number(share * 100, digits: 1)
          within = Bilingual(
            vi: "trong hạn mức \(quota) đơn vị (\(percent) % của \(ranked[category] ?? 0))",
            en: "within the quota of \(quota) (\(en.number(share * 100, digits: 1)) % of \(ranked[category] ?? 0))")
        }
        break
      }
      let why = reason(
        r, rank: ranked[category] ?? 0, misses: misses, proposed: chosen != nil, within: within, rules: applicable)
      var proposal = Recommendation(
        subject: .unit, name: r.unit.name, unitCode: r.unit.code, category: category, kind: nil, score: r.score,
        rank: r.rankInCategory, eligible: chosen != nil, form: chosen?.form, basis: chosen?.basis,
        reason: why.full, sources: r.years.flatMap { $0.criteria.flatMap(\.sources) })
      proposal.reasonWithoutScore = why.withoutScore
      proposal.achievement = why.achievement
      out.append(proposal)
    }
    return out
  }

  /// Why `rule` does not apply to the unit, or nil when it does.
  private func miss(
    _ r: UnitResult, _ rule: AwardRules.Rule, quota: Int?, granted: (count: Int, lastRank: Int)?
  ) -> Bilingual? {
    if r.score < rule.minScore {
      return Bilingual(
        vi: "điểm \(vi.number(r.score)) dưới mức \(vi.number(rule.minScore))",
        en: "score \(en.number(r.score)) below \(en.number(rule.minScore))")
    }
    let latestMandatory = r.years.last?.allMandatoryMet ?? false
    if rule.allMandatoryMet && rule.minYearsAllMandatoryMet == nil && !latestMandatory {
      return Bilingual(vi: "chưa đạt đủ tiêu chí bắt buộc", en: "not every mandatory criterion met")
    }
    if let years = rule.minYearsAllMandatoryMet, r.yearsAllMandatoryMet < years {
      return Bilingual(
        vi: "đạt đủ tiêu chí bắt buộc \(r.yearsAllMandatoryMet)/\(periodYears) năm, cần \(years) năm",
        en: "all mandatory criteria met in \(r.yearsAllMandatoryMet)/\(periodYears) years, \(years) needed")
    }
    if let maxRank = rule.maxRank, r.rankInCategory > maxRank {
      return Bilingual(
        vi: "xếp hạng \(r.rankInCategory), chỉ xét hạng 1–\(maxRank)",
        en: "rank \(r.rankInCategory); only ranks 1–\(maxRank)")
    }
    if let quota, let granted, granted.count >= quota, r.rankInCategory != granted.lastRank {
      return Bilingual(
        vi: "đã hết hạn mức \(quota) đơn vị", en: "the quota of \(quota) is filled")
    }
    return nil
  }

  private func reason(
    _ r: UnitResult, rank total: Int, misses: [Bilingual], proposed: Bool, within: Bilingual?,
    rules: [AwardRules.Rule]
  ) -> (full: Bilingual, withoutScore: Bilingual, achievement: Bilingual) {
    let latest = r.years.last?.criteria ?? []
    let met = latest.filter { $0.status == .met }.map(\.id)
    let missed = latest.filter { $0.status != .met }
    var vi = ["Điểm \(self.vi.number(r.score))/\(self.vi.number(r.maxScore)), hạng \(r.rankInCategory)/\(total)"]
    var en = ["Score \(self.en.number(r.score))/\(self.en.number(r.maxScore)), rank \(r.rankInCategory) of \(total)"]
    let lastYear = r.years.last.map { periodYears > 1 ? " (\($0.year))" : "" } ?? ""
    if periodYears > 1 {
      vi.append(
        "bình quân \(periodYears) năm, có số liệu \(r.years.count) năm, "
          + "đạt đủ tiêu chí bắt buộc \(r.yearsAllMandatoryMet)/\(periodYears) năm")
      en.append(
        "mean of \(periodYears) years, \(r.years.count) with figures, "
          + "all mandatory criteria met in \(r.yearsAllMandatoryMet) of \(periodYears)")
    }
    vi.append("đạt\(lastYear): \(met.isEmpty ? "không" : met.joined(separator: ", "))")
    en.append("met\(lastYear): \(met.isEmpty ? "none" : met.joined(separator: ", "))")
    if !missed.isEmpty {
      vi.append(
        "chưa đạt\(lastYear): "
          + missed.map { "\($0.id) (\(OutcomeWords.reason($0, self.vi, of: movement.criterion($0.id))))" }.joined(
            separator: ", "))
      en.append(
        "not met\(lastYear): "
          + missed.map { "\($0.id) (\(OutcomeWords.reason($0, self.en, of: movement.criterion($0.id))))" }.joined(
            separator: ", ")
      )
    }
    if let within {
      vi.append(within.vi)
      en.append(within.en)
    }
    // What it achieved, before what it missed.
    let achieved = (vi: vi, en: en)
    if !misses.isEmpty {
      // The higher forms it missed, and why: with a lower form too, so reviewers see it.
      vi.append((proposed ? "chưa đủ điều kiện — " : "không đề xuất — ") + misses.map(\.vi).joined(separator: "; "))
      en.append((proposed ? "not eligible for — " : "not proposed — ") + misses.map(\.en).joined(separator: "; "))
    } else if rules.isEmpty {
      vi.append("không có quy tắc khen thưởng cho loại đơn vị này")
      en.append("no award rule for this category")
    }
    func sentence(_ parts: [String]) -> String {
      let text = parts.joined(separator: "; ") + "."
      return text.prefix(1).uppercased() + text.dropFirst()
    }
    return (
      Bilingual(vi: sentence(vi), en: sentence(en)),
      Bilingual(vi: sentence(Array(vi.dropFirst())), en: sentence(Array(en.dropFirst()))),
      proposed
        ? Bilingual(vi: sentence(achieved.vi), en: sentence(achieved.en))
        : Bilingual(vi: sentence(vi), en: sentence(en))
    )
  }
}
