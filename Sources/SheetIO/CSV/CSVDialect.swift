import Foundation

/// Guesses the delimiter of a CSV sample: the candidate (`,` `;` tab `|`) that splits
/// the most lines into about the same number of fields, and into the most, counted
/// outside quotes.
enum CSVDialect {
  static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

  static func delimiter(in sample: [UInt8]) -> UInt8 {
    var best = candidates[0]
    var bestScore = -1.0
    for candidate in candidates {
      var counts: [Int] = []
      var current = 0
      var inQuotes = false
      for b in sample.prefix(64 << 10) {
        if b == UInt8(ascii: "\"") {
          inQuotes.toggle()
        } else if !inQuotes && b == candidate {
          current += 1
        } else if !inQuotes && b == 0x0A {
          counts.append(current)
          current = 0
        }
      }
      if current > 0 { counts.append(current) }
      let nonZero = counts.filter { $0 > 0 }
      guard !nonZero.isEmpty else { continue }
      // The most common count, weighted by how many lines come near it (a row whose
      // trailing empty fields were left out has one or two fewer) and by how many fields
      // it makes: decimal commas (`2,11`) split every data row the same way too, but
      // into fewer fields than the real delimiter.
      var frequency: [Int: Int] = [:]
      for c in nonZero { frequency[c, default: 0] += 1 }
      let mode = frequency.max { ($0.value, $0.key) < ($1.value, $1.key) }!.key
      let slack = max(1, mode / 10)
      let near = nonZero.filter { abs($0 - mode) <= slack }.count
      let score = Double(near) / Double(counts.count) * log2(Double(min(mode, 1000) + 1))
      if score > bestScore {
        bestScore = score
        best = candidate
      }
    }
    return best
  }

  static func name(_ delimiter: UInt8) -> String {
    switch delimiter {
    case 0x09: return "tab"
    default: return String(UnicodeScalar(delimiter))
    }
  }
}
