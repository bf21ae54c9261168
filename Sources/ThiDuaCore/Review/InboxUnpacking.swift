import Foundation
import SheetIO

/// Takes the members out of the archives of an inbox (.zip, .rar, .7z, .tar.gz …), each
/// to be read as a file of its own, named `archive.zip › folder/file.xlsx`.
///
/// Members are written into one private temporary folder (mode 0700) under names made
/// here (`12-bao-cao.xlsx`), never under the names the archive gives, so that a member
/// called `../x` lands nowhere else. An archive inside an archive is unpacked too, up to
/// `maxDepth` archives deep. What cannot be taken out is a file whose record is a
/// finding: a damaged or encrypted archive or member, a limit passed, nesting too deep.
struct InboxUnpacking {
  /// Archives inside archives: a district's zip of its communes' zips is 2.
  static let maxDepth = 3

  let limits: ArchiveLimits
  /// The private folder, made at the first archive.
  private(set) var folder: String?
  private var written = 0

  init(limits: ArchiveLimits) { self.limits = limits }

  /// The members of an archive of the inbox, in the archive's order.
  mutating func members(of archive: InboxFile) throws -> [InboxFile] {
    var files: [InboxFile] = []
    try unpack(path: archive.path, name: archive.name, depth: 1, modified: archive.modified, into: &files)
    return files
  }

  private mutating func unpack(
    path: String, name: String, depth: Int, modified: Double, into files: inout [InboxFile]
  ) throws {
    guard depth <= Self.maxDepth else {
      return files.append(problem(name, "archive-too-deep", ["limit": String(Self.maxDepth)]))
    }
    let before = files.count
    let reader: ArchiveReader
    do {
      reader = try ArchiveReader(path: path, limits: limits)
    } catch {
      return files.append(problem(name, error))
    }
    reading: while true {
      let next: Result<ArchiveMember?, ArchiveProblem>
      do { next = .success(try reader.next()) } catch { next = .failure(error) }
      switch next {
      case .success(nil): break reading
      case .failure(.encrypted(let member)):
        // The other members can still be read.
        files.append(problem(name + Self.separator + member, .encrypted(member: member)))
      case .failure(let failure):
        files.append(problem(name, failure))
        break reading
      case .success(let member?):
        // The resource forks and hidden files that archivers add (`__MACOSX/._x.xlsx`);
        // a member named `../x` is no hidden file: it is read, under a name of ours.
        let hidden = member.name.split(separator: "/").contains {
          ($0.hasPrefix(".") && $0 != "." && $0 != "..") || $0 == "__MACOSX"
        }
        if hidden { continue }
        let memberName = name + Self.separator + member.name
        let stored = try store(member)
        if ArchiveSniffer.isArchive(path: stored) {
          try unpack(
            path: stored, name: memberName, depth: depth + 1, modified: member.modified ?? modified, into: &files)
        } else {
          files.append(
            InboxFile(
              name: memberName, path: stored, size: member.bytes.count, sha256: Inbox.sha256(member.bytes),
              modified: member.modified ?? modified))
        }
      }
    }
    if files.count == before { files.append(problem(name, "empty-archive", [:], severity: .warning)) }
  }

  /// `›` between an archive and its member, as the outputs show them.
  static let separator = " › "

  /// Writes a member into the private folder under a name of its own.
  private mutating func store(_ member: ArchiveMember) throws -> String {
    if folder == nil {
      var template = Array((NSTemporaryDirectory() + "thidua-inbox-XXXXXX").utf8CString)
      guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
      folder = String(cString: made)
    }
    written += 1
    let base = member.name.split(separator: "/").last.map(String.init) ?? "member"
    // Letters, digits, `.`, `-` and `_` of the name's end, so that its extension stays.
    let safe = String(
      base.unicodeScalars.suffix(60).map {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0))
          ? Character($0) : "_"
      })
    let path = folder! + "/\(written)-\(safe)"
    guard FileManager.default.createFile(atPath: path, contents: Data(member.bytes)) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
    }
    return path
  }

  /// The file that stands for an archive, or a member, that could not be read.
  private func problem(_ name: String, _ failure: ArchiveProblem) -> InboxFile {
    switch failure {
    case .damaged(let reason): return problem(name, "damaged-archive", ["reason": reason])
    case .encrypted: return problem(name, "encrypted-archive", [:])
    case .tooLarge(let what, let limit):
      let vi = Self.limitWords[what] ?? what
      return problem(name, "archive-too-large", ["what": what, "what_vi": vi, "limit": String(limit)])
    }
  }

  /// The limits of `ArchiveLimits` in Vietnamese, for the message.
  static let limitWords = [
    "entries": "số tệp", "member size": "dung lượng một tệp", "total size": "tổng dung lượng",
    "compression ratio": "tỷ lệ nén", "name length": "độ dài tên tệp",
  ]

  /// A file that stands for what could not be taken out: its record is the finding.
  private func problem(
    _ name: String, _ code: String, _ values: [String: String], severity: Finding.Severity = .error
  ) -> InboxFile {
    InboxFile(
      name: name, path: "", size: 0, sha256: "", modified: 0,
      problem: Finding(code: code, severity: severity, location: Location(file: name), values: values))
  }
}
