/// Reads an Outlook message saved as `.msg` ([MS-OXMSG]): a compound file whose
/// properties are streams named `__substg1.0_IIIITTTT` (property id, type) and whose
/// fixed-size values (times, numbers) are in `__properties_version1.0`. Each attachment
/// is a storage `__attach_version1.0_#N` with its file name and its bytes; an attached
/// Outlook item (an embedded message) is a storage of its own, read in turn.
public enum MSGReader {
  static let maxNesting = 5

  /// Whether the compound file at `path` is an Outlook message rather than a workbook.
  public static func isMessage(path: String) -> Bool {
    // The directory's entries in file order, not its tree: a message whose tree is
    // broken is still a message (a damaged one).
    guard let file = try? CompoundFile(path: path) else { return false }
    return file.entries.contains { $0.name == "__properties_version1.0" }
      && file.entries.contains { $0.name.hasPrefix("__substg1.0_") }
  }

  public static func read(path: String, limits: ReadLimits = .standard) throws(SheetReadError) -> MailMessage {
    let file = try CompoundFile(path: path, limits: limits)
    return try message(in: file.entries[0], of: file, headerBytes: 32, depth: 0)
  }

  /// Property ids and types of [MS-OXPROPS] that are read here.
  private enum Property {
    static let subject: UInt16 = 0x0037
    static let clientSubmitTime: UInt16 = 0x0039
    static let senderName: UInt16 = 0x0C1A
    static let senderEmail: UInt16 = 0x0C1F
    static let deliveryTime: UInt16 = 0x0E06
    static let attachData: UInt16 = 0x3701
    static let attachFileName: UInt16 = 0x3704
    static let attachLongFileName: UInt16 = 0x3707
    static let displayName: UInt16 = 0x3001
    static let internetCodepage: UInt16 = 0x3FDE
    static let messageCodepage: UInt16 = 0x3FFD
    static let senderSMTP: UInt16 = 0x5D01
  }

  /// The message in a storage; `headerBytes` is the length of its property stream's
  /// header: 32 for the file's message, 24 for an embedded one ([MS-OXMSG] §2.4.1).
  private static func message(
    in storage: DirectoryEntry, of file: CompoundFile, headerBytes: Int, depth: Int
  ) throws(SheetReadError) -> MailMessage {
    let children = try file.children(of: storage)
    let fixed = try fixedProperties(children, file, headerBytes: headerBytes)
    let codepage =
      fixed[Property.internetCodepage].map { Int($0 & 0xFFFF_FFFF) }
      ?? fixed[Property.messageCodepage].map { Int($0 & 0xFFFF_FFFF) }
    func text(_ id: UInt16) throws(SheetReadError) -> String? {
      try string(id, in: children, of: file, codepage: codepage)
    }
    let name = try text(Property.senderName)
    // `??` would not keep the error's type.
    var address = try text(Property.senderSMTP)
    if address == nil { address = try text(Property.senderEmail) }
    let from: String? =
      switch (name, address) {
      case (let n?, let a?) where n != a && a.contains("@"): "\(n) <\(a)>"
      case (let n?, _): n
      case (nil, let a): a
      }
    let time = fixed[Property.clientSubmitTime] ?? fixed[Property.deliveryTime]
    let envelope = MailEnvelope(from: from, subject: try text(Property.subject), sent: time.flatMap(vietnamTime))

    var attachments: [MailAttachment] = []
    let storages = children.filter { $0.kind == .storage && $0.name.hasPrefix("__attach_version1.0_#") }
    for (i, attachment) in storages.sorted(by: { $0.name < $1.name }).enumerated() {
      let inner = try file.children(of: attachment)
      func innerText(_ id: UInt16) throws(SheetReadError) -> String? {
        try string(id, in: inner, of: file, codepage: codepage)
      }
      var title = "tệp đính kèm \(i + 1)"
      for id in [Property.attachLongFileName, Property.attachFileName, Property.displayName] {
        if let named = try innerText(id) {
          title = named
          break
        }
      }
      if let data = inner.first(where: {
        $0.kind == .stream && $0.name.uppercased() == streamName(Property.attachData, 0x0102).uppercased()
      }) {
        attachments.append(MailAttachment(name: title, content: .bytes(try file.open(data).readAll())))
      } else if let embedded = inner.first(where: {
        $0.kind == .storage && $0.name.uppercased() == streamName(Property.attachData, 0x000D).uppercased()
      }), depth < maxNesting {
        let item = try message(in: embedded, of: file, headerBytes: 24, depth: depth + 1)
        // Outlook shows an attached item by its subject.
        let shown = item.envelope.subject ?? title
        let itemName = shown.lowercased().hasSuffix(".msg") ? shown : shown + ".msg"
        attachments.append(MailAttachment(name: itemName, content: .message(item)))
      }
      // An attachment by reference (a link to a file elsewhere) carries no bytes.
    }
    return MailMessage(envelope: envelope, attachments: attachments)
  }

  private static func streamName(_ id: UInt16, _ type: UInt16) -> String {
    "__substg1.0_" + hex(id) + hex(type)
  }

  private static func hex(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - digits.count) + digits
  }

  /// A string property: UTF-16 (`001F`), or 8-bit (`001E`) in the message's code page.
  private static func string(
    _ id: UInt16, in children: [DirectoryEntry], of file: CompoundFile, codepage: Int?
  ) throws(SheetReadError) -> String? {
    func stream(_ type: UInt16) -> DirectoryEntry? {
      let name = streamName(id, type).uppercased()
      return children.first { $0.kind == .stream && $0.name.uppercased() == name }
    }
    var text: String?
    if let unicode = stream(0x001F) {
      let bytes = try file.open(unicode).readAll()
      let units = stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
      text = String(decoding: units, as: UTF16.self)
    } else if let eight = stream(0x001E) {
      let bytes = try file.open(eight).readAll()
      let encoding: TextEncoding =
        switch codepage {
        case 1258: .windows1258
        case 1252, 28591: .windows1252
        default: .utf8
        }
      text = encoding == .utf8 ? String(decoding: bytes, as: UTF8.self) : LegacyDecoder.decode(bytes, as: encoding)
    }
    let trimmed = text.map { LegacyDecoder.nfc($0.trimming("\u{0}").trimmingSpaces) }
    return trimmed?.isEmpty == false ? trimmed : nil
  }

  /// The 8-byte values of the property stream, by property id.
  private static func fixedProperties(
    _ children: [DirectoryEntry], _ file: CompoundFile, headerBytes: Int
  ) throws(SheetReadError) -> [UInt16: UInt64] {
    guard let entry = children.first(where: { $0.kind == .stream && $0.name == "__properties_version1.0" }) else {
      return [:]
    }
    let bytes = try file.open(entry).readAll()
    var values: [UInt16: UInt64] = [:]
    var offset = headerBytes
    while offset + 16 <= bytes.count {
      let id = UInt16(bytes[offset + 2]) | UInt16(bytes[offset + 3]) << 8
      var value: UInt64 = 0
      for k in 0..<8 { value |= UInt64(bytes[offset + 8 + k]) << (8 * UInt64(k)) }
      values[id] = value
      offset += 16
    }
    return values
  }

  /// A FILETIME (100 ns since 1601-01-01 UTC) as the date and time in Vietnam (UTC+7),
  /// where the Board reads it.
  private static func vietnamTime(_ filetime: UInt64) -> ExcelDate? {
    // Whole seconds, as a message's Date: header gives them, counted in integers.
    let seconds = Int(filetime / 10_000_000) + 7 * 3600
    // 1601-01-01 is 109,205 days before 1899-12-30, day 0 of the 1900 system.
    let serial = Double(seconds / 86_400 - 109_205) + Double(seconds % 86_400) / 86_400
    guard filetime > 0, serial >= 61 else { return nil }
    return ExcelDate.inRange(serial: serial, uses1904: false)
  }
}
