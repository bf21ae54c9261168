/// The one conversion of a number read from a file to an integer.
///
/// `Int(_: Double)` traps on NaN, on ±infinity and past ±9.2e18, and a cell can hold any
/// of them (`1e19` typed in a count, a formula cached as NaN). Every conversion of file
/// data goes through here and gets nil where `Int(_:)` would stop the program; a test
/// (`ConversionScanTests`) fails when a trapping conversion is written elsewhere.
public enum WholeNumber {
  /// 2^53 = 9,007,199,254,740,992: every whole number up to it, and none past it, has
  /// its own Double. Counts, years and sums beyond it are not data but typing errors.
  public static let limit = 9_007_199_254_740_992.0

  /// Whether `x` is finite and within ±`limit`.
  @inline(__always)
  public static func inRange(_ x: Double) -> Bool { x.isFinite && x.magnitude <= limit }

  /// `x` rounded by `rule` as an Int, or nil when it is not `inRange`.
  @inline(__always)
  public static func int(_ x: Double, rounding rule: FloatingPointRoundingRule = .towardZero) -> Int? {
    guard inRange(x) else { return nil }
    return Int(x.rounded(rule))
  }

  /// `x` as an Int when it is whole and `inRange`; nil for a fraction or beyond.
  @inline(__always)
  public static func exact(_ x: Double) -> Int? { inRange(x) ? Int(exactly: x) : nil }

  /// `x` rounded by `rule` and held within `range`: for sizes and positions computed
  /// from data, where the nearest bound is the right answer (NaN gives the lower bound).
  @inline(__always)
  public static func clamped(
    _ x: Double, to range: ClosedRange<Int>, rounding rule: FloatingPointRoundingRule = .towardZero
  ) -> Int {
    guard !x.isNaN else { return range.lowerBound }
    let r = x.rounded(rule)
    if r <= Double(range.lowerBound) { return range.lowerBound }
    if r >= Double(range.upperBound) { return range.upperBound }
    return Int(r)
  }
}
