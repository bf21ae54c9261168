/// Guesses the encoding of text bytes, with a confidence, from a sample.
///
/// Order of evidence: a byte-order mark; valid UTF-8; then, for the single-byte legacy
/// encodings, how much of the decoded text is made of well-formed Vietnamese words.
/// Wrongly decoded text is worse than an error, so a weak guess says so.
public struct EncodingDetection: Hashable, Sendable {
  public var encoding: TextEncoding
  /// 0…1: 1 for a byte-order mark or pure ASCII.
  public var confidence: Double
  /// Bytes of byte-order mark to skip.
  public var bomLength: Int
  /// What decided it, in English, for `inspect` and messages.
  public var evidence: String

  /// Below this the choice is reported as weak evidence.
  public static let weakBelow = 0.75
  public var isWeak: Bool { confidence < Self.weakBelow }
}

public enum EncodingDetector {
  public static func detect(_ sample: [UInt8]) -> EncodingDetection {
    if sample.starts(with: [0xEF, 0xBB, 0xBF]) {
      return EncodingDetection(encoding: .utf8, confidence: 1, bomLength: 3, evidence: "UTF-8 byte-order mark")
    }
    if sample.starts(with: [0xFF, 0xFE]) {
      return EncodingDetection(encoding: .utf16LE, confidence: 1, bomLength: 2, evidence: "UTF-16 LE byte-order mark")
    }
    if sample.starts(with: [0xFE, 0xFF]) {
      return EncodingDetection(encoding: .utf16BE, confidence: 1, bomLength: 2, evidence: "UTF-16 BE byte-order mark")
    }
    switch utf8Validity(sample) {
    case .ascii:
      return EncodingDetection(encoding: .utf8, confidence: 1, bomLength: 0, evidence: "ASCII only")
    case .valid(let multiByte):
      // Legacy text almost never forms valid multi-byte UTF-8 by chance; a handful of
      // sequences is weaker evidence than hundreds.
      let confidence = min(0.99, 0.8 + Double(multiByte) * 0.02)
      return EncodingDetection(
        encoding: .utf8, confidence: confidence, bomLength: 0, evidence: "valid UTF-8 (\(multiByte) multi-byte letters)"
      )
    case .invalid:
      break
    }
    let candidates: [TextEncoding] = [.windows1258, .tcvn3, .vni]
    let scored = candidates.map { ($0, VietnameseWords.score(LegacyDecoder.decode(sample, as: $0))) }
      .sorted { $0.1.value > $1.1.value }
    let (best, score) = scored[0]
    let runnerUp = scored[1].1.value
    // Confidence: how Vietnamese the best reading looks, lowered when another reading
    // looks almost as good.
    let margin = score.value - runnerUp
    let confidence = max(0, min(0.99, score.value * min(1, 0.5 + margin * 2)))
    return EncodingDetection(
      encoding: best, confidence: confidence, bomLength: 0,
      evidence: "\(score.wellFormed) of \(score.words) words with Vietnamese letters read well as \(best.rawValue)"
        + "; next best \(scored[1].0.rawValue) \(WholeNumber.clamped(runnerUp * 100, to: 0...100, rounding: .toNearestOrAwayFromZero)) %"
    )
  }

  enum UTF8Validity { case ascii, valid(multiByte: Int), invalid }

  /// Checks UTF-8 well-formedness; a sequence cut off by the end of the sample is fine.
  static func utf8Validity(_ bytes: [UInt8]) -> UTF8Validity {
    var i = 0
    var multi = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return .invalid
      }
      if i + length > n { break }  // cut off by the sample's end
      for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return .invalid }
      if b == 0xE0 && bytes[i + 1] < 0xA0 { return .invalid }  // overlong
      if b == 0xED && bytes[i + 1] >= 0xA0 { return .invalid }  // surrogates
      if b == 0xF0 && bytes[i + 1] < 0x90 { return .invalid }
      if b == 0xF4 && bytes[i + 1] >= 0x90 { return .invalid }
      multi += 1
      i += length
    }
    return multi == 0 ? .ascii : .valid(multiByte: multi)
  }
}
