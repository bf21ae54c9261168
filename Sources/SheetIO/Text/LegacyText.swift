import Foundation

/// Legacy Vietnamese text inside .xlsx cells: a cell typed in a `.VnTime` (TCVN3) or
/// `VNI-Times` font holds the Windows-1252 reading of the legacy bytes ("Qu¶ng Nam").
public enum LegacyText {
  /// The legacy encoding a font name implies, and whether it draws capitals only:
  /// `.Vn*` is TCVN3, `.Vn*H` TCVN3 in capitals, `VNI-*` VNI Windows.
  public static func encoding(forFont name: String) -> (encoding: TextEncoding, capitals: Bool)? {
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    if trimmed.hasPrefix(".Vn") || trimmed.hasPrefix(".VN") {
      return (.tcvn3, trimmed.hasSuffix("H") || trimmed.hasSuffix("h"))
    }
    if trimmed.uppercased().hasPrefix("VNI-") || trimmed.uppercased().hasPrefix("VNI ") { return (.vni, false) }
    return nil
  }

  /// Converts the Windows-1252 reading of legacy text back to Unicode: each scalar goes
  /// back to its byte, then through the legacy table. Scalars without a Windows-1252 byte
  /// (text that was Unicode already) are kept as they are.
  public static func convert(_ text: String, from encoding: TextEncoding, capitals: Bool = false) -> String {
    var result = ""
    var run: [UInt8] = []
    func flush() {
      if !run.isEmpty { result += LegacyDecoder.decode(run, as: encoding) }
      run.removeAll()
    }
    for scalar in text.unicodeScalars {
      if let byte = LegacyDecoder.cp1252Byte(scalar) {
        run.append(byte)
      } else {
        flush()
        result.unicodeScalars.append(scalar)
      }
    }
    flush()
    return capitals ? result.uppercased() : result
  }
}
