import Foundation
import SheetIO
import Testing

/// Every conversion of a number from a file to an integer goes through `WholeNumber`:
/// `Int(_: Double)` traps on NaN, infinity and past 9.2e18, and one such cell must not
/// stop a run. The scan reads every source file and fails on an integer initializer
/// whose argument looks like floating point (a rounding, a Double, a float literal, a
/// serial, seconds, a ratio, a width); labelled forms (`exactly:`,
/// `clamping:`, `truncatingIfNeeded:`, `bitPattern:`) cannot trap and pass. It cannot
/// know every type, so it is a tripwire for the usual forms, not a proof.
@Suite struct ConversionScanTests {
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

  @Test func noTrappingConversionOutsideWholeNumber() throws {
    var hits: [String] = []
    let files = FileManager.default.enumerator(atPath: Self.sources.path)?.compactMap { $0 as? String } ?? []
    for relative in files where relative.hasSuffix(".swift") && !relative.hasSuffix("WholeNumber.swift") {
      let text = try String(contentsOfFile: Self.sources.appendingPathComponent(relative).path, encoding: .utf8)
      for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        for argument in Self.integerConversions(Self.code(of: String(line)))
        where Self.looksFloating(argument) {
          hits.append("\(relative):\(n + 1): \(argument)")
        }
      }
    }
    #expect(hits.isEmpty, "convert with WholeNumber.int/exact/clamped instead:\n\(hits.joined(separator: "\n"))")
  }

  @Test func theScanSeesTheUsualForms() {
    let trapping = [
      "let n = Int(x.rounded())", "Int64(seconds / 86_400)", "Int(Double(count) * share)", "Int(width * 0.9)",
      "Int(confidence * 100)", "Int(date.timeIntervalSince1970)", "print(\"\\(Int(x.rounded())) %\")",
    ]
    for line in trapping {
      #expect(Self.integerConversions(Self.code(of: line)).contains(where: Self.looksFloating), "\(line)")
    }
    let safe = [
      "Int(word)", "Int(byte - UInt8(ascii: \"0\"))", "Int(exactly: x)", "Int64(clamping: st.size)",
      "String(Int(exactly: n) ?? 0)", "// Int(x.rounded()) in a comment", "\"Int(1.5) in a string\"",
    ]
    for line in safe {
      #expect(!Self.integerConversions(Self.code(of: line)).contains(where: Self.looksFloating), "\(line)")
    }
  }

  /// The line without its comment and the text of its string literals; what a string
  /// interpolates (`\(...)`) is code and stays.
  static func code(of line: String) -> String {
    var out = ""
    var inString = false
    var interpolation = 0  // open parentheses of an interpolation inside a string
    var previous: Character = " "
    for c in line {
      let inCode = !inString || interpolation > 0
      if inCode && c == "/" && previous == "/" {
        out.removeLast()
        break
      }
      if inString && interpolation == 0 && c == "(" && previous == "\\" {
        interpolation = 1
      } else if interpolation > 0 && c == "(" {
        interpolation += 1
      } else if interpolation > 0 && c == ")" {
        interpolation -= 1
      } else if interpolation == 0 && c == "\"" && previous != "\\" {
        inString.toggle()
      }
      if inCode || c == "\"" || interpolation > 0 { out.append(c) }
      previous = c
    }
    return out
  }

  /// The arguments of the unlabelled integer initializers on a line of code.
  static func integerConversions(_ code: String) -> [String] {
    let pattern = /\b(?:U?Int(?:8|16|32|64)?)\(/
    var found: [String] = []
    for match in code.matches(of: pattern) {
      // A name ending in Int (`toInt(`, `parseInt(`) is not the initializer.
      if match.range.lowerBound > code.startIndex {
        let before = code[code.index(before: match.range.lowerBound)]
        if before.isLetter || before.isNumber || before == "_" || before == "." { continue }
      }
      var depth = 1
      var i = match.range.upperBound
      var argument = ""
      while i < code.endIndex, depth > 0 {
        let c = code[i]
        if c == "(" { depth += 1 }
        if c == ")" { depth -= 1 }
        if depth > 0 { argument.append(c) }
        i = code.index(after: i)
      }
      let labelled = ["exactly:", "clamping:", "truncatingIfNeeded:", "bitPattern:"]
      if labelled.contains(where: { argument.hasPrefix($0) }) { continue }
      found.append(argument)
    }
    return found
  }

  /// Whether a conversion's argument has the marks of a floating-point value.
  static func looksFloating(_ argument: String) -> Bool {
    let words = [
      "rounded", "Double", "Float", "floor(", "ceil(", "trunc(", "pow(", "sqrt(", "timeInterval", "serial", "seconds",
      "confidence", "share", "ratio", "percent", "width", "height", ".number", "scaled", "truncatingRemainder",
    ]
    if words.contains(where: argument.contains) { return true }
    return argument.contains(/\d\.\d|\d[eE][+-]?\d/)
  }
}
