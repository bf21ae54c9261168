import Foundation
import Testing

@testable import ThiDuaCore

/// The JSON Schemas shipped with the definition (`schema/*.schema.json`) say what the
/// loader reads, no more and no less: at every object of every shipped file the schema's
/// properties are the keys the Swift types ask for, and a key is `required` exactly when
/// leaving it out is a `missing-key` problem. A key added to a type and not to its
/// schema (or the reverse) fails here. scripts/check-schemas.py validates the files
/// against the schemas with an independent validator.
@Suite struct DefinitionSchemaTests {
  static let folder = try! MovementDefinition.shippedFolder()

  /// (file, schema, what reads it)
  static let files: [(String, String, any Decodable.Type)] =
    [
      ("movement.json", "movement", MovementDefinition.Header.self), ("criteria.json", "criteria", CriteriaFile.self),
      ("thresholds.json", "thresholds", ThresholdsFile.self), ("awards.json", "awards", AwardRules.self),
      ("intake.json", "intake", IntakeVocabulary.self),
    ]
    + ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/forms")) ?? []).sorted().map {
      ("forms/" + $0, "form", FormSchema.self)
    }
    + MovementDefinition.standardFiles(in: folder).map { ("standards/" + $0, "standard", PovertyStandard.self) }

  static func json(_ path: String) throws -> Any {
    try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  @Test(arguments: files.map { $0.0 })
  func theSchemaDeclaresExactlyTheKeysRead(_ file: String) throws {
    let (_, schemaName, type) = try #require(Self.files.first { $0.0 == file })
    let schema = try #require(try Self.json("\(Self.folder)/schema/\(schemaName).schema.json") as? [String: Any])
    let value = try Self.json("\(Self.folder)/\(file)")
    let log = try Self.log(type, value)
    for (path, keys) in log.read where !log.open.contains(path) {
      let node = try #require(SchemaWalk(root: schema).node(at: path), "\(file): no schema at \(path)")
      // `$schema` at the top is for editors: declared, never read.
      let declared = Set((node["properties"] as? [String: Any] ?? [:]).keys).subtracting(
        path.isEmpty ? ["$schema"] : [])
      #expect(declared == keys, "\(file) at “\(path)”: schema \(declared.sorted()), read \(keys.sorted())")
      #expect(node["additionalProperties"] as? Bool == false, "\(file) at “\(path)”: other keys not refused")
    }
    for path in log.open {
      let node = try #require(SchemaWalk(root: schema).node(at: path), "\(file): no schema at \(path)")
      #expect(node["additionalProperties"] is [String: Any], "\(file) at “\(path)”: a dictionary is not open")
    }
  }

  @Test(arguments: files.map { $0.0 })
  func aKeyIsRequiredExactlyWhenLeavingItOutIsAProblem(_ file: String) throws {
    let (_, schemaName, type) = try #require(Self.files.first { $0.0 == file })
    let schema = try #require(try Self.json("\(Self.folder)/schema/\(schemaName).schema.json") as? [String: Any])
    let walk = SchemaWalk(root: schema)
    for removal in Self.removals(try Self.json("\(Self.folder)/\(file)"), path: "") {
      // A dictionary's keys are data: none is required.
      guard let node = walk.node(at: removal.path), node["properties"] != nil else { continue }
      let required = Set(node["required"] as? [String] ?? []).contains(removal.key)
      let data = try JSONSerialization.data(withJSONObject: removal.without)
      let missing = Self.problems(type, data).contains {
        if case .missingKey(removal.key) = $0.kind { return true }
        return false
      }
      #expect(required == missing, "\(file): “\(removal.key)” at “\(removal.path)”: schema required \(required)")
    }
  }

  static func log<T: Decodable>(_ type: T.Type, _ value: Any) throws -> KeyReadLog {
    try KeyReadLog.reading(type, from: value)
  }

  static func problems<T: Decodable>(_ type: T.Type, _ data: Data) -> [DefinitionFileProblem] {
    StrictJSON.decode(type, from: data).problems
  }

  /// Every way to leave one key out of `value`: the path of its object, the key, and the
  /// whole value without it.
  static func removals(_ value: Any, path: String) -> [(path: String, key: String, without: Any)] {
    var out: [(path: String, key: String, without: Any)] = []
    if let object = value as? [String: Any] {
      for (key, child) in object.sorted(by: { $0.key < $1.key }) {
        var copy = object
        copy[key] = nil
        out.append((path, key, copy))
        for inner in removals(child, path: path.isEmpty ? key : path + "." + key) {
          var changed = object
          changed[key] = inner.without
          out.append((inner.path, inner.key, changed))
        }
      }
    } else if let array = value as? [Any] {
      for (index, child) in array.enumerated() {
        for inner in removals(child, path: "\(path)[\(index)]") {
          var changed = array
          changed[index] = inner.without
          out.append((inner.path, inner.key, changed))
        }
      }
    }
    return out
  }
}

/// Finds the schema of a value by its path in the file (`fields[3].constraints`),
/// through properties, items, dictionaries' `additionalProperties` and local `$ref`s.
struct SchemaWalk {
  let root: [String: Any]

  func resolve(_ node: [String: Any]) -> [String: Any]? {
    guard let ref = node["$ref"] as? String else { return node }
    guard ref.hasPrefix("#/$defs/"), let defs = root["$defs"] as? [String: Any],
      let target = defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any]
    else { return nil }
    return resolve(target)
  }

  func node(at path: String) -> [String: Any]? {
    guard var current = resolve(root) else { return nil }
    for component in path.split(separator: ".") {
      let name = String(component.prefix { $0 != "[" })
      if !name.isEmpty {
        if let next = (current["properties"] as? [String: Any])?[name] as? [String: Any] {
          current = next
        } else if let entry = current["additionalProperties"] as? [String: Any] {
          current = entry
        } else {
          return nil
        }
      }
      for _ in 0..<component.filter({ $0 == "[" }).count {
        guard let node = resolve(current), let items = node["items"] as? [String: Any] else { return nil }
        current = items
      }
      guard let resolved = resolve(current) else { return nil }
      current = resolved
    }
    return current
  }
}
