/// The text encodings thidua reads, with the names `--encoding` accepts.
public enum TextEncoding: String, Hashable, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case utf16LE = "utf-16le"
  case utf16BE = "utf-16be"
  case windows1258 = "windows-1258"
  /// TCVN 5712:1993 VN3, the "ABC" encoding of the `.VnTime` fonts.
  case tcvn3 = "tcvn3"
  /// VNI Windows, the encoding of the `VNI-Times` fonts.
  case vni = "vni"
  case windows1252 = "windows-1252"

  /// Accepts the usual spellings: `utf8`, `UTF-8`, `cp1258`, `abc`, `vni-windows` …
  public init?(name: String) {
    let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
    switch key {
    case "utf8": self = .utf8
    case "utf16le", "utf16": self = .utf16LE
    case "utf16be": self = .utf16BE
    case "windows1258", "cp1258", "win1258": self = .windows1258
    case "tcvn3", "tcvn", "abc", "vn3", "tcvn5712": self = .tcvn3
    case "vni", "vniwindows", "vniwin": self = .vni
    case "windows1252", "cp1252", "latin1", "iso88591": self = .windows1252
    default: return nil
    }
  }

  /// True for the single-byte legacy encodings, which keep ASCII as it is.
  var isASCIICompatible: Bool { self != .utf16LE && self != .utf16BE }
}
