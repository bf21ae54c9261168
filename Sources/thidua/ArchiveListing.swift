import Foundation
import SheetIO

/// What `thidua inspect` prints for an archive: its members, as the intake takes them.
struct ArchiveListing: Encodable {
  struct Member: Encodable {
    /// `archive.zip › folder/file.xlsx`, as every output names the member.
    var name: String
    var size: Int
    var sha256: String?
    /// The member's format by its content (`xlsx`, `csv` …); absent for no format.
    var format: String?
    /// Why the member could not be taken out, in the chosen language.
    var problem: String?
  }

  var file: String
  let format = "archive"
  var members: [Member]

  func json() -> String { prettyJSON }

  func text(_ language: Language) -> String {
    let vi = language == .vi
    var lines = ["\(file) (\(vi ? "tệp nén" : "archive"), \(members.count) \(vi ? "tệp" : "files"))"]
    for (i, m) in members.enumerated() {
      if let problem = m.problem {
        lines.append("\(i + 1). \(m.name): \(problem)")
      } else {
        lines.append("\(i + 1). \(m.name) (\(m.format ?? "?"), \(m.size) byte)")
      }
    }
    return lines.joined(separator: "\n")
  }
}
