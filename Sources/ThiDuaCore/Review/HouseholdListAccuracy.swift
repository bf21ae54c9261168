public import SheetIO

/// Whether a commune's review of its households holds ("rà soát công nhận hộ nghèo đảm
/// bảo … chính xác", plan III.2.c–d), judged from its household list of the year and the
/// findings about it: accurate when none of the list's defects was found.
public struct HouseholdListAccuracy: Sendable, Hashable {
  public var households: Int
  public var misclassified: Int
  /// Cells of the commune's (or its district's) summary the list disagrees with.
  public var summaryCells: Int
  /// Repeated codes, households without members, negative incomes, a household in two communes.
  public var otherDefects: Int
  /// The defects' cells, in the order found.
  public var sources: [Location]

  public var isAccurate: Bool { misclassified + summaryCells + otherDefects == 0 }

  /// The findings that make a review not accurate.
  public static let defects: Set<String> = [
    "classification-mismatch", "duplicate-household", "household-no-members", "household-income-negative",
    "household-in-two-communes", "list-summary-mismatch",
  ]

  /// The accuracy of `submission`'s household list, from the defects found in the
  /// review's files (`defectsByFile`: a summary in another file, a household in another
  /// commune); nil when the submission holds no checked list.
  public init?(_ submission: Submission, defectsByFile: [String: [Finding]], movement: MovementDefinition) {
    guard let list = submission.table(.householdList, in: movement)?.table, let counts = list.households else {
      return nil
    }
    let mine = Set(submission.files).sorted().flatMap { defectsByFile[$0] ?? [] }
    households = counts.villages.values.map(\.households).reduce(0, +)
    misclassified = mine.filter { $0.code == "classification-mismatch" }.count
    summaryCells = mine.filter { $0.code == "list-summary-mismatch" }.count
    otherDefects = mine.count - misclassified - summaryCells
    sources = mine.map(\.location)
  }

  /// The review's findings that are defects of a list, by the file they are in.
  public static func defectsByFile(_ findings: [Finding]) -> [String: [Finding]] {
    Dictionary(grouping: findings.filter { defects.contains($0.code) }) { $0.location.file }
  }

  /// The values an outcome's words may show (`Criterion.HouseholdListOutcomes`).
  public var values: [String: String] {
    [
      "households": String(households), "misclassified": String(misclassified), "summary_cells": String(summaryCells),
      "other_defects": String(otherDefects),
    ]
  }

  /// The names of `values`.
  public static let valueNames: Set<String> = ["households", "misclassified", "summary_cells", "other_defects"]

  /// Sources an outcome keeps: the first defects (a list may have thousands).
  static let keptSources = 20

  /// `outcome` of `criterion` once the list has its say: a list not accurate makes it not
  /// met (its defects the sources), an accurate one keeps a met criterion met in the
  /// `accurate` words; a criterion without `householdList` is left as it is.
  func decide(_ outcome: CriterionOutcome, of criterion: Criterion) -> CriterionOutcome {
    guard let words = criterion.householdList else { return outcome }
    var decided = outcome
    if !isAccurate {
      decided.status = .notMet
      decided.reason = words.notAccurate.reason
      decided.values = values.filter { words.notAccurate.names.contains($0.key) }
      decided.sources = Array(sources.prefix(Self.keptSources))
    } else if outcome.status == .met, let accurate = words.accurate {
      decided.reason = accurate.reason
      decided.values = outcome.values.merging(values.filter { accurate.names.contains($0.key) }) { $1 }
    }
    return decided
  }
}
