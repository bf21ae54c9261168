/// When a unit's poverty figure is unusual against its own history (`outliers` in
/// `thresholds.json`; docs/review.md *Figures that jump*). The plan sets none of these:
/// the defaults are thidua's, chosen to flag what a careful reviewer would query and to
/// stay quiet on a steady decline.
public struct OutlierRules: Codable, Hashable, Sendable {
  /// A household total that moves by more than this share of last year's in one year.
  public var householdChange: Double
  /// An end-of-year rate at or below `(1 − rateDrop)` of the start-of-year rate…
  public var rateDrop: Double
  /// …when the start-of-year rate is at least this (percent): small rates halve often.
  public var rateDropMinimumStart: Double
  /// A yearly reduction above this many times the area's minimum yearly reduction.
  public var reductionTimesMinimum: Double
  /// The robust band on the unit's own earlier years: the year's end ÷ start rate against
  /// the median of the earlier years' ratios, flagged when the modified z-score
  /// (0.6745 × deviation ÷ median absolute deviation) exceeds `modifiedZ` and the
  /// deviation is at least `minimumDeviation`, with at least `minimumHistory` earlier years.
  public var modifiedZ: Double
  public var minimumDeviation: Double
  public var minimumHistory: Int
  public var note: String?

  public static let defaults = OutlierRules(
    householdChange: 0.3, rateDrop: 0.5, rateDropMinimumStart: 1.0, reductionTimesMinimum: 3, modifiedZ: 3.5,
    minimumDeviation: 0.15, minimumHistory: 3)
}
