/// Tells an archive that packs files (.zip, .rar, .7z, .tar and compressed tar) from a
/// workbook, whose own container may be a zip too (`FormatSniffer.sniff` decides zips by
/// their parts).
public enum ArchiveSniffer {
  public static func isArchive(path: String) -> Bool {
    (try? FormatSniffer.sniff(fileAt: path)) == .container(.archive)
  }

  /// A RAR, 7z, gzip, bzip2 or xz signature, or a POSIX tar header.
  static func hasSignature(_ head: [UInt8]) -> Bool {
    let signatures: [[UInt8]] = [
      Array("Rar!\u{1A}\u{07}".utf8),  // RAR 4 and 5
      [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C],  // 7z
      [0x1F, 0x8B],  // gzip
      Array("BZh".utf8),  // bzip2
      [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00],  // xz
    ]
    if signatures.contains(where: { head.starts(with: $0) }) { return true }
    // `ustar` at offset 257.
    return head.count >= 262 && Array(head[257..<262]) == Array("ustar".utf8)
  }
}
