import Foundation
public import SheetIO

/// `thidua movement diff A B`: what differs between two definitions, one line per
/// difference, keyed the way a reader finds things in the files: a criterion by its id,
/// a field by its code, a unit by its code (`criteria[b4].points: 25 → 30`), not by
/// position, so that inserting one criterion does not report all those after it.
public enum MovementDiff {
  public struct Difference: Hashable, Sendable {
    public enum Kind: Sendable { case added, removed, changed }
    public var file: String
    /// `criteria[b4].points`; empty for a whole file.
    public var path: String
    public var kind: Kind
    public var before: String?
    public var after: String?

    public func message(_ language: Language) -> String {
      let vi = language == .vi
      let what = path.isEmpty ? (vi ? "cả tệp" : "the whole file") : path
      switch kind {
      case .added: return "\(file): \(vi ? "thêm" : "added") \(what)" + (after.map { " = \($0)" } ?? "")
      case .removed:
        return "\(file): \(vi ? "bỏ" : "removed") \(what)" + (before.map { " (\(vi ? "là" : "was") \($0))" } ?? "")
      case .changed: return "\(file): \(what): \(before ?? "") → \(after ?? "")"
      }
    }
  }

  /// The JSON files compared, besides `forms/*.json`.
  static let files = ["movement.json", "criteria.json", "thresholds.json", "awards.json", "intake.json"]

  public static func differences(_ a: String, _ b: String) -> [Difference] {
    var out: [Difference] = []
    let forms = Set(formFiles(a)).union(formFiles(b)).sorted()
    for file in files + forms {
      let (x, y) = (json(a, file), json(b, file))
      switch (x, y) {
      case (nil, nil): continue
      case (nil, _): out.append(Difference(file: file, path: "", kind: .added))
      case (_, nil): out.append(Difference(file: file, path: "", kind: .removed))
      case (let x?, let y?): compare(x, y, file: file, path: "", into: &out)
      }
    }
    out += units(a, b)
    return out
  }

  private static func formFiles(_ folder: String) -> [String] {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: (folder as NSString).appendingPathComponent("forms")))
    return (names ?? []).filter { $0.hasSuffix(".json") }.map { "forms/" + $0 }
  }

  /// The file's parsed JSON; a file that is missing or not JSON counts as absent (its
  /// problems are `movement check`'s to report).
  private static func json(_ folder: String, _ file: String) -> Any? {
    guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(file)) else {
      return nil
    }
    return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
  }

  private static func compare(_ x: Any, _ y: Any, file: String, path: String, into out: inout [Difference]) {
    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    if let x = x as? [String: Any], let y = y as? [String: Any] {
      for key in Set(x.keys).union(y.keys).sorted() {
        switch (x[key], y[key]) {
        case (let a?, nil): out.append(Difference(file: file, path: child(key), kind: .removed, before: text(a)))
        case (nil, let b?): out.append(Difference(file: file, path: child(key), kind: .added, after: text(b)))
        case (let a?, let b?): compare(a, b, file: file, path: child(key), into: &out)
        case (nil, nil): break
        }
      }
    } else if let x = x as? [Any], let y = y as? [Any], let key = identity(x + y) {
      let (left, right) = (keyed(x, key), keyed(y, key))
      let order = left.map(\.0) + right.map(\.0).filter { id in !left.contains { $0.0 == id } }
      for id in order {
        let place = "\(path)[\(id)]"
        switch (left.first { $0.0 == id }?.1, right.first { $0.0 == id }?.1) {
        case (_?, nil): out.append(Difference(file: file, path: place, kind: .removed))
        case (nil, _?): out.append(Difference(file: file, path: place, kind: .added))
        case (let a?, let b?): compare(a, b, file: file, path: place, into: &out)
        case (nil, nil): break
        }
      }
    } else if text(x) != text(y) {
      out.append(Difference(file: file, path: path, kind: .changed, before: text(x), after: text(y)))
    }
  }

  /// The keys that name each object of a list (`id` of criteria, `name` of fields, the
  /// review and the form of an award rule …): present in all of them, with values that
  /// differ when some such keys have; nil for a list of values.
  private static func identity(_ items: [Any]) -> [String]? {
    let objects = items.compactMap { $0 as? [String: Any] }
    guard !objects.isEmpty, objects.count == items.count else { return nil }
    let candidates = [["id"], ["name"], ["code"], ["area"], ["category"], ["review", "form"], ["form"]]
    let present = candidates.filter { keys in objects.allSatisfy { o in keys.allSatisfy { o[$0] is String } } }
    return present.first { keys in Set(objects.map { name($0, keys) }).count == objects.count } ?? present.first
  }

  private static func name(_ object: [String: Any], _ keys: [String]) -> String {
    keys.compactMap { object[$0] as? String }.joined(separator: "/")
  }

  /// Each object under its name; a name seen twice in one list is numbered (`x#2`), so
  /// that both are compared.
  private static func keyed(_ items: [Any], _ keys: [String]) -> [(String, Any)] {
    var seen: [String: Int] = [:]
    return items.compactMap { item -> (String, Any)? in
      guard let object = item as? [String: Any] else { return nil }
      let id = name(object, keys)
      seen[id, default: 0] += 1
      return (seen[id]! == 1 ? id : "\(id)#\(seen[id]!)", item)
    }
  }

  /// A value as JSON on one line, cut at 80 characters.
  static func text(_ value: Any) -> String {
    let data = try? JSONSerialization.data(
      withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
    let whole = data.map { String(decoding: $0, as: UTF8.self) } ?? String(describing: value)
    return whole.count > 80 ? String(whole.prefix(79)) + "…" : whole
  }

  /// The registries, unit by unit: added, removed, and each column that changed.
  private static func units(_ a: String, _ b: String) -> [Difference] {
    func registry(_ folder: String) -> [String: [String: String]]? {
      guard let registry = try? UnitRegistry(csvPath: (folder as NSString).appendingPathComponent("units.csv")) else {
        return nil
      }
      var out: [String: [String: String]] = [:]
      for u in registry.units where out[u.code] == nil {
        out[u.code] = [
          "name": u.name, "aliases": u.aliases.joined(separator: "|"), "category": u.category,
          "parent": u.parent ?? "", "area_type": u.areaType ?? "", "poor_area": u.poorArea ?? "",
          "cluster": u.cluster ?? "", "sample": u.isSample ? "x" : "",
        ]
      }
      return out
    }
    guard let x = registry(a), let y = registry(b) else {
      let (hasA, hasB) = (registry(a) != nil, registry(b) != nil)
      return hasA == hasB ? [] : [Difference(file: "units.csv", path: "", kind: hasB ? .added : .removed)]
    }
    var out: [Difference] = []
    for code in Set(x.keys).union(y.keys).sorted() {
      switch (x[code], y[code]) {
      case (let u?, nil): out.append(Difference(file: "units.csv", path: code, kind: .removed, before: u["name"]))
      case (nil, let u?): out.append(Difference(file: "units.csv", path: code, kind: .added, after: u["name"]))
      case (let u?, let v?):
        for column in u.keys.sorted() where u[column] != v[column] {
          out.append(
            Difference(
              file: "units.csv", path: "\(code).\(column)", kind: .changed, before: text(u[column] ?? ""),
              after: text(v[column] ?? "")))
        }
      case (nil, nil): break
      }
    }
    return out
  }
}
