import SheetIO

/// The unit a file belongs to when the file could not say so itself (it could not be
/// read): its name begins with a unit's code (`512-bao-cao.xlsx`) or holds a unit's name
/// (`tam-quang-gui-lai-bi-loi.xlsx` is Xã Tam Quang's). Only the review's units are
/// candidates, and a name that fits two units belongs to neither.
enum FileOwner {
  static func unit(named file: String, among units: [RegistryUnit]) -> RegistryUnit? {
    let stem = file.split(separator: ".").dropLast().joined(separator: ".")
    let words = TextFolding.fold(stem.isEmpty ? file : stem).split(separator: " ").map(String.init)
    guard let first = words.first else { return nil }
    if let byCode = units.first(where: { $0.code.lowercased() == first }) { return byCode }
    let named = units.filter { u in
      let key = nameKey(u.name)
      return key.count >= 2 && contains(words, key)
    }
    return named.count == 1 ? named[0] : nil
  }

  /// The unit's name without its administrative kind: `xa tam quang` → `tam quang`.
  static func nameKey(_ name: String) -> [String] {
    var words = TextFolding.fold(name).split(separator: " ").map(String.init)
    for kind in [["thi", "tran"], ["thi", "xa"], ["thanh", "pho"], ["xa"], ["phuong"], ["huyen"]]
    where words.starts(with: kind) {
      words.removeFirst(kind.count)
      break
    }
    return words
  }

  private static func contains(_ words: [String], _ key: [String]) -> Bool {
    guard words.count >= key.count else { return false }
    return (0...(words.count - key.count)).contains { Array(words[$0..<($0 + key.count)]) == key }
  }
}
