import Foundation
import SheetIO

/// Takes the members out of the archives of an inbox (.zip, .rar, .7z, .tar.gz …) and
/// the attachments out of its saved e-mails (.eml, .msg), each to be read as a file of
/// its own, named `archive.zip › folder/file.xlsx` or `thu.eml › bao-cao.xlsx`.
///
/// Members are written into one private temporary folder (mode 0700) under names made
/// here (`12-bao-cao.xlsx`), never under the names the archive gives, so that a member
/// called `../x` lands nowhere else; an archive's members are held in memory (up to
/// `heldBytes`) until it has been read, so that one a limit stops writes nothing. A container inside a container (a zip attached to
/// an e-mail, a district's zip of its communes' zips) is opened too, up to `maxDepth`
/// deep. What cannot be taken out is a file whose record is a finding: a damaged or
/// encrypted archive or member, a damaged e-mail, a limit passed, nesting too deep.
/// Every attachment keeps its e-mail's sender, subject and date (the nearest e-mail's,
/// for a forwarded one: that is when its unit sent it).
struct InboxUnpacking {
  /// Containers inside containers: a district's zip of its communes' zips is 2, the same
  /// zip attached to an e-mail 3.
  static let maxDepth = 3

  let limits: ArchiveLimits
  /// The private folder, made at the first archive.
  private(set) var folder: String?
  private var written = 0

  init(limits: ArchiveLimits) { self.limits = limits }

  /// The files inside a container of the inbox (an archive or an e-mail), in order.
  mutating func members(of container: InboxFile, _ kind: ContainerFormat) throws -> [InboxFile] {
    var files: [InboxFile] = []
    try open(
      kind, path: container.path, name: container.name, depth: 1, modified: container.modified, mail: nil,
      into: &files)
    return files
  }

  /// What kind of container the file is; nil for a file that is read itself.
  static func container(path: String) -> ContainerFormat? {
    if case .container(let kind) = try? FormatSniffer.sniff(fileAt: path) { return kind }
    return nil
  }

  private mutating func open(
    _ kind: ContainerFormat, path: String, name: String, depth: Int, modified: Double, mail: MailEnvelope?,
    into files: inout [InboxFile]
  ) throws {
    guard depth <= Self.maxDepth else {
      return files.append(problem(name, "archive-too-deep", ["limit": String(Self.maxDepth)]))
    }
    switch kind {
    case .archive: try unpack(path: path, name: name, depth: depth, modified: modified, mail: mail, into: &files)
    case .eml, .msg:
      do {
        let message = try Self.readMail(path: path, kind: kind, limits: limits)
        try add(message, name: name, depth: depth, modified: modified, into: &files)
      } catch let failure as ContainerProblem {
        files.append(problem(name, failure))
      }
    }
  }

  /// Why a container could not be opened.
  private enum ContainerProblem: Error {
    case archive(ArchiveProblem)
    /// In English: the Vietnamese message has its own words.
    case damagedMail(reason: String)
  }

  private static func readMail(path: String, kind: ContainerFormat, limits: ArchiveLimits) throws -> MailMessage {
    if kind == .msg {
      do { return try MSGReader.read(path: path) } catch {
        throw ContainerProblem.damagedMail(reason: error.technicalReason)
      }
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
    guard size <= limits.maxMemberBytes else {
      throw ContainerProblem.archive(.tooLarge(what: "member size", limit: limits.maxMemberBytes))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ContainerProblem.damagedMail(reason: "the file cannot be read")
    }
    return EMLReader.read([UInt8](data))
  }

  /// The attachments of an e-mail, each with the e-mail's envelope.
  private mutating func add(
    _ message: MailMessage, name: String, depth: Int, modified: Double, into files: inout [InboxFile]
  ) throws {
    let envelope = message.envelope
    if message.attachments.isEmpty {
      var empty = problem(name, "empty-mail", [:], severity: .warning)
      empty.mail = envelope
      return files.append(empty)
    }
    for attachment in message.attachments {
      let memberName = name + Self.separator + attachment.name
      switch attachment.content {
      case .message(let inner):
        guard depth < Self.maxDepth else {
          files.append(problem(memberName, "archive-too-deep", ["limit": String(Self.maxDepth)]))
          continue
        }
        try add(inner, name: memberName, depth: depth + 1, modified: modified, into: &files)
      case .bytes(let bytes):
        try place(
          bytes, named: attachment.name, as: memberName, depth: depth, modified: modified,
          mail: envelope, into: &files)
      }
    }
  }

  /// A member taken out of a container: a file of the inbox, or a container opened in turn.
  private mutating func place(
    _ bytes: [UInt8], named memberName: String, as fullName: String, depth: Int, modified: Double,
    mail: MailEnvelope?, into files: inout [InboxFile]
  ) throws {
    let stored = try store(bytes, named: memberName)
    if let kind = Self.container(path: stored) {
      try open(kind, path: stored, name: fullName, depth: depth + 1, modified: modified, mail: mail, into: &files)
    } else {
      files.append(
        InboxFile(
          name: fullName, path: stored, size: bytes.count, sha256: Inbox.sha256(bytes), modified: modified,
          mail: mail))
    }
  }

  /// Bytes of members held in memory before they are written out: an archive a limit
  /// stops within them (a flood of small entries) leaves nothing on disk at all.
  static let heldBytes = 64 << 20

  /// What an archive gave, in order, before it is placed: a member or a finding.
  private enum Taken {
    case member(ArchiveMember, fullName: String)
    case file(InboxFile)
  }

  private mutating func unpack(
    path: String, name: String, depth: Int, modified: Double, mail: MailEnvelope?, into files: inout [InboxFile]
  ) throws {
    let before = files.count
    let reader: ArchiveReader
    do {
      reader = try ArchiveReader(path: path, limits: limits)
    } catch {
      return files.append(problem(name, error))
    }
    var held: [Taken] = []
    var heldBytes = 0
    func placeHeld(_ unpacking: inout InboxUnpacking) throws {
      for taken in held {
        switch taken {
        case .file(let file): files.append(file)
        case .member(let member, let fullName):
          try unpacking.place(
            member.bytes, named: member.name, as: fullName, depth: depth, modified: member.modified ?? modified,
            mail: mail, into: &files)
        }
      }
      held.removeAll()
      heldBytes = 0
    }
    reading: while true {
      let next: Result<ArchiveMember?, ArchiveProblem>
      do { next = .success(try reader.next()) } catch { next = .failure(error) }
      switch next {
      case .success(nil): break reading
      case .failure(.encrypted(let member)) where !member.isEmpty:
        // The other members can still be read.
        held.append(.file(problem(name + Self.separator + member, .encrypted(member: member))))
      case .failure(.tooLarge(let what, let limit)):
        // A bomb or a flood of entries: nothing of it is read, not even what came first.
        held.removeAll()
        for file in files[before...] where !file.path.isEmpty { try? FileManager.default.removeItem(atPath: file.path) }
        files.removeSubrange(before...)
        files.append(problem(name, .tooLarge(what: what, limit: limit)))
        return
      case .failure(let failure):
        held.append(.file(problem(name, failure)))
        break reading
      case .success(let member?):
        // The resource forks and hidden files that archivers add (`__MACOSX/._x.xlsx`);
        // a member named `../x` is no hidden file: it is read, under a name of ours.
        let hidden = member.name.split(separator: "/").contains {
          ($0.hasPrefix(".") && $0 != "." && $0 != "..") || $0 == "__MACOSX"
        }
        if hidden { continue }
        held.append(.member(member, fullName: name + Self.separator + member.name))
        heldBytes += member.bytes.count
        if heldBytes > Self.heldBytes { try placeHeld(&self) }
      }
    }
    try placeHeld(&self)
    if files.count == before { files.append(problem(name, "empty-archive", [:], severity: .warning)) }
  }

  /// `›` between an archive and its member, as the outputs show them.
  static let separator = " › "

  /// Writes a member into the private folder under a name of its own.
  private mutating func store(_ bytes: [UInt8], named memberName: String) throws -> String {
    if folder == nil {
      var template = Array((NSTemporaryDirectory() + "thidua-inbox-XXXXXX").utf8CString)
      guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
      folder = String(cString: made)
    }
    written += 1
    let base = memberName.split(separator: "/").last.map(String.init) ?? "member"
    // Letters, digits, `.`, `-` and `_` of the name's end, so that its extension stays.
    let safe = String(
      base.unicodeScalars.suffix(60).map {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0))
          ? Character($0) : "_"
      })
    let path = folder! + "/\(written)-\(safe)"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
    }
    return path
  }

  /// The file that stands for an archive, or a member, that could not be read.
  private func problem(_ name: String, _ failure: ArchiveProblem) -> InboxFile {
    switch failure {
    case .damaged(let reason): return problem(name, "damaged-archive", ["reason": reason])
    case .encrypted(let member):
      // An empty member: the list of members is encrypted, so is the whole archive.
      return problem(name, "encrypted-archive", member.isEmpty ? ["reason": "headers"] : [:])
    case .tooLarge(let what, let limit):
      let vi = Self.limitWords[what] ?? what
      return problem(name, "archive-too-large", ["what": what, "what_vi": vi, "limit": String(limit)])
    }
  }

  private func problem(_ name: String, _ failure: ContainerProblem) -> InboxFile {
    switch failure {
    case .archive(let archive): return problem(name, archive)
    case .damagedMail(let reason): return problem(name, "damaged-mail", ["reason": reason])
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
