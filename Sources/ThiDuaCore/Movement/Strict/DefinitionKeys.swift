import Foundation

/// Every key thidua reads anywhere in a definition, from the shipped files read through
/// the key log: a key in this set is a real key, never taken for a misspelling of a
/// missing one (`plan` missing beside `planDate`, `all` beside `any`).
enum DefinitionKeys {
  static let all: Set<String> = {
    guard let folder = try? MovementDefinition.shippedFolder() else { return [] }
    let forms = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/forms")) ?? []
    let files: [(String, any Decodable.Type)] =
      [
        ("movement.json", MovementDefinition.Header.self), ("criteria.json", CriteriaFile.self),
        ("thresholds.json", ThresholdsFile.self), ("awards.json", AwardRules.self),
        ("intake.json", IntakeVocabulary.self),
      ] + forms.map { ("forms/" + $0, FormSchema.self) }
      + MovementDefinition.standardFiles(in: folder).map { ("standards/" + $0, PovertyStandard.self) }
    var keys: Set<String> = []
    for (file, type) in files {
      guard let data = FileManager.default.contents(atPath: folder + "/" + file),
        let json = try? JSONSerialization.jsonObject(with: data), let log = try? read(type, json)
      else { continue }
      for (path, read) in log.read where !log.open.contains(path) { keys.formUnion(read) }
    }
    return keys
  }()

  private static func read<T: Decodable>(_ type: T.Type, _ json: Any) throws -> KeyReadLog {
    try KeyReadLog.reading(type, from: json)
  }
}
