import Crypto
import Foundation

/// Which definition a run used: the SHA-256 of every file the loader reads (each file's
/// name and bytes, in name order), so that outputs made with an edited copy say so, and
/// two copies that differ in nothing a review reads count as the same.
enum DefinitionFingerprint {
  /// The definition in `folder`: its JSON files, `forms/*.json`, `standards/*.json` and `units.csv`; without
  /// an `intake.json`, the shipped one that serves in its place.
  static func of(folder: String) -> String {
    let manager = FileManager.default
    var names = ["movement.json", "criteria.json", "thresholds.json", "awards.json", "units.csv", "intake.json"]
    let forms = (try? manager.contentsOfDirectory(atPath: (folder as NSString).appendingPathComponent("forms"))) ?? []
    names += forms.filter { $0.hasSuffix(".json") }.map { "forms/" + $0 }
    names += MovementDefinition.standardFiles(in: folder).map { "standards/" + $0 }
    var hash = SHA256()
    for name in names.sorted() {
      var path = (folder as NSString).appendingPathComponent(name)
      if name == "intake.json", !manager.fileExists(atPath: path), let shipped = try? MovementDefinition.shippedFolder()
      {
        path = (shipped as NSString).appendingPathComponent(name)
      }
      guard let bytes = manager.contents(atPath: path) else { continue }
      hash.update(data: Data("\(name)\n\(bytes.count)\n".utf8))
      hash.update(data: bytes)
    }
    return hash.finalize().map { String(format: "%02x", $0) }.joined()
  }

  /// The shipped definition's, computed once.
  static let shipped: String? = (try? MovementDefinition.shippedFolder()).map(of(folder:))
}
