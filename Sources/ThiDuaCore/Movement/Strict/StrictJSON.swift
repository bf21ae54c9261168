import Foundation
import SheetIO

/// What strict loading refuses in one definition file, at its line and column.
struct DefinitionFileProblem: Hashable, Sendable {
  enum Kind: Hashable, Sendable {
    /// Not JSON: `expected` is what the grammar needed there.
    case syntax(JSONLayout.Expected)
    /// A key that nothing reads: a misspelling, which would silently switch a setting off.
    case unknownKey(String, suggestion: String?)
    case duplicateKey(String)
    case missingKey(String)
    /// A value of the wrong kind (text for a number …) or outside what the key allows.
    case badValue(expected: String, found: String)
  }

  var kind: Kind
  /// Where in the file's structure: `fields[3].constraints`; empty for the top level.
  var path: String
  var line: Int?
  var column: Int?

  /// Stable kebab-case code (docs/movement.md).
  var code: String {
    switch kind {
    case .syntax: return "json-syntax"
    case .unknownKey: return "unknown-key"
    case .duplicateKey: return "duplicate-key"
    case .missingKey: return "missing-key"
    case .badValue: return "bad-value"
    }
  }

  func message(_ language: Language) -> String {
    let vi = language == .vi
    let place = path.isEmpty ? "" : (vi ? " (trong \(path))" : " (in \(path))")
    switch kind {
    case .syntax(let expected):
      return (vi ? "không phải JSON: cần " : "not JSON: expected ") + Self.words(expected, language)
    case .unknownKey(let key, let suggestion):
      let hint = suggestion.map { vi ? "; có phải «\($0)»?" : "; did you mean “\($0)”?" } ?? ""
      return (vi ? "khóa «\(key)» không có trong định nghĩa" : "unknown key “\(key)”") + place + hint
    case .duplicateKey(let key):
      return (vi ? "khóa «\(key)» lặp lại" : "key “\(key)” given twice") + place
    case .missingKey(let key):
      return (vi ? "thiếu khóa bắt buộc «\(key)»" : "required key “\(key)” is missing") + place
    case .badValue(let expected, let found):
      return vi
        ? "giá trị \(found) không hợp lệ, cần \(Self.viType(expected))\(place)"
        : "value \(found) is not valid, expected \(expected)\(place)"
    }
  }

  private static func words(_ expected: JSONLayout.Expected, _ language: Language) -> String {
    let vi = language == .vi
    switch expected {
    case .value: return vi ? "một giá trị" : "a value"
    case .endOfFile: return vi ? "hết tệp (có ký tự thừa sau giá trị cuối)" : "the end of the file"
    case .key: return vi ? "một khóa trong dấu \"" : "a key in quotes"
    case .colon: return vi ? "dấu «:» sau khóa" : "“:” after the key"
    case .commaOrBrace: return vi ? "dấu «,» hoặc «}»" : "“,” or “}”"
    case .commaOrBracket: return vi ? "dấu «,» hoặc «]»" : "“,” or “]”"
    case .closingQuote: return vi ? "dấu \" đóng chuỗi" : "a closing quote"
    case .quoteBeforeLineEnd:
      return vi ? "dấu \" đóng chuỗi trước khi hết dòng" : "a closing quote before the line ends"
    case .digit: return vi ? "một chữ số" : "a digit"
    case .shallowerNesting: return vi ? "không quá 64 cấp lồng nhau" : "at most 64 levels of nesting"
    }
  }

  private static func viType(_ expected: String) -> String {
    switch expected {
    case "number": return "một số"
    case "text": return "một chuỗi"
    case "true or false": return "true hoặc false"
    case "a list": return "một danh sách [ … ]"
    case "an object": return "một đối tượng { … }"
    case "one of the values docs/movement.md lists": return "một trong các giá trị mà docs/movement.md liệt kê"
    default: return expected
    }
  }
}

/// Decoding a definition file strictly: `JSONDecoder` reads the values; `JSONLayout`
/// places every problem at its line and column; `KeyReadLog` finds the keys nothing
/// reads.
enum StrictJSON {
  static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> (value: T?, problems: [DefinitionFileProblem]) {
    let layout = JSONLayout([UInt8](data))
    if let error = layout.syntaxError {
      return (nil, [problem(.syntax(error.expected), "", error.position)])
    }
    let value: T
    do {
      value = try JSONDecoder().decode(T.self, from: data)
    } catch {
      return (nil, [decodingProblem(error, layout, data)])
    }
    return (value, keyProblems(T.self, layout, data))
  }

  private static func problem(
    _ kind: DefinitionFileProblem.Kind, _ path: String, _ at: JSONLayout.Position?
  ) -> DefinitionFileProblem {
    DefinitionFileProblem(kind: kind, path: path, line: at?.line, column: at?.column)
  }

  /// Unknown and repeated keys, in file order.
  private static func keyProblems<T: Decodable>(_ type: T.Type, _ layout: JSONLayout, _ data: Data)
    -> [DefinitionFileProblem]
  {
    guard let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
      let log = try? KeyReadLog.reading(T.self, from: json)
    else { return [] }
    var problems: [DefinitionFileProblem] = []
    for (path, keys) in layout.keys {
      var seen: Set<String> = []
      for key in keys {
        if !seen.insert(key.name).inserted {
          problems.append(problem(.duplicateKey(key.name), path, key.position))
        }
        guard log.visited(path), !log.open.contains(path) else { continue }
        // `$schema` at the top names the file's JSON Schema for an editor; thidua ignores it.
        if path.isEmpty && key.name == "$schema" { continue }
        let known = log.read[path] ?? []
        if !known.contains(key.name) {
          problems.append(problem(.unknownKey(key.name, suggestion: nearest(key.name, in: known)), path, key.position))
        }
      }
    }
    return problems.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
  }

  private static func decodingProblem(_ error: any Error, _ layout: JSONLayout, _ data: Data) -> DefinitionFileProblem {
    func text(_ codingPath: [any CodingKey]) -> String {
      var out = ""
      for key in codingPath {
        if let index = key.intValue {
          out += "[\(index)]"
        } else {
          out += out.isEmpty ? key.stringValue : "." + key.stringValue
        }
      }
      return out
    }
    switch error as? DecodingError {
    case .keyNotFound(let key, let context):
      let path = text(context.codingPath)
      // A required key that is missing is most often there, misspelt: name that one (a
      // key thidua reads elsewhere is itself, not a misspelling).
      if let typo = layout.keys[path]?.first(where: {
        !DefinitionKeys.all.contains($0.name) && nearest($0.name, in: [key.stringValue]) != nil
      }) {
        return problem(.unknownKey(typo.name, suggestion: key.stringValue), path, typo.position)
      }
      return problem(.missingKey(key.stringValue), path, layout.values[path])
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      let path = text(context.codingPath)
      return problem(.badValue(expected: kind(of: type), found: found(at: path, data)), path, layout.values[path])
    case .dataCorrupted(let context):
      let path = text(context.codingPath)
      return problem(
        .badValue(expected: "one of the values docs/movement.md lists", found: found(at: path, data)), path,
        layout.values[path])
    default:
      return problem(.syntax(.value), "", nil)
    }
  }

  private static func kind(of type: Any.Type) -> String {
    switch type {
    case is String.Type: return "text"
    case is Bool.Type: return "true or false"
    case is Double.Type, is Int.Type: return "number"
    default:
      // A list or a nested object (a struct or a dictionary).
      return "\(type)".hasPrefix("Array") ? "a list" : "an object"
    }
  }

  /// The value at `path`, as written (JSON), for the message.
  private static func found(at path: String, _ data: Data) -> String {
    guard var node = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return "?" }
    var rest = Substring(path)
    while !rest.isEmpty {
      if rest.hasPrefix("[") {
        guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
          let array = node as? [Any], array.indices.contains(index)
        else { return "?" }
        node = array[index]
        rest = rest[rest.index(after: close)...]
      } else {
        if rest.hasPrefix(".") { rest = rest.dropFirst() }
        let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
        guard let object = node as? [String: Any], let next = object[String(rest[..<end])] else { return "?" }
        node = next
        rest = rest[end...]
      }
    }
    if node is NSNull { return "null" }
    if let string = node as? String { return "\"\(string)\"" }
    guard JSONSerialization.isValidJSONObject(node),
      let bytes = try? JSONSerialization.data(withJSONObject: node, options: [.sortedKeys])
    else { return "\(node)" }
    return String(decoding: bytes.prefix(80), as: UTF8.self)
  }

  /// The known key a misspelt one most likely meant: one that starts with it or it with
  /// one (`quota` for `quotaShare`), or within two edits, ignoring case.
  static func nearest(_ key: String, in known: Set<String>) -> String? {
    let folded = key.lowercased()
    var best: (String, Int)?
    for candidate in known.sorted() {
      let c = candidate.lowercased()
      let distance =
        (c.hasPrefix(folded) || folded.hasPrefix(c)) && min(c.count, folded.count) >= 3 ? 1 : editDistance(folded, c)
      if distance <= 2, distance < (best?.1 ?? .max) { best = (candidate, distance) }
    }
    return best?.0
  }

  private static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in 1...max(b.count, 1) where j <= b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
