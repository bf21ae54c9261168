import Foundation
import SheetIO
import ThiDuaCore

/// What `thidua inspect` prints for an archive or a saved e-mail: the files inside it,
/// as the intake takes them.
struct ContainerListing: Encodable {
  struct Member: Encodable {
    /// `archive.zip › folder/file.xlsx`, as every output names the member.
    var name: String
    var size: Int
    var sha256: String?
    /// The member's format by its content (`xlsx`, `csv` …); absent for no format.
    var format: String?
    /// Why the member could not be taken out, in the chosen language.
    var problem: String?
    /// The e-mail the member came attached to (the nearest one, for a forwarded e-mail).
    var mail: MailJSON?
  }

  var file: String
  /// `archive`, `eml` or `msg`.
  var format: String
  var members: [Member]

  func json() -> String { prettyJSON }

  func text(_ language: Language) -> String {
    let vi = language == .vi
    let kind = format == "archive" ? (vi ? "tệp nén" : "archive") : (vi ? "thư điện tử" : "e-mail")
    var lines = ["\(file) (\(kind), \(members.count) \(vi ? "tệp" : "files"))"]
    for (i, m) in members.enumerated() {
      if let problem = m.problem {
        lines.append("\(i + 1). \(m.name): \(problem)")
      } else {
        lines.append("\(i + 1). \(m.name) (\(m.format ?? "?"), \(m.size) byte)")
      }
      // The e-mail once, under its first attachment.
      if let mail = m.mail, i == 0 || mail != members[i - 1].mail {
        let sent = mail.sent.map { " \($0)" } ?? ""
        lines.append("   \(vi ? "thư của" : "e-mail from") \(mail.from ?? "?")\(sent): \(mail.subject ?? "")")
      }
    }
    return lines.joined(separator: "\n")
  }
}
