/// Tells an archive that packs files (.zip, .rar, .7z, .tar and compressed tar) from a
/// workbook, whose own container may be a zip too.
public enum ArchiveSniffer {
  /// A zip without the parts of an Office Open XML or OpenDocument package, or a RAR, 7z,
  /// gzip, bzip2, xz or tar file.
  public static func isArchive(path: String) -> Bool {
    guard let head = try? FileByteSource.head(path: path, count: 512) else { return false }
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
      // A zip that libzip cannot open goes to the .xlsx reader, which names what is wrong.
      guard let zip = try? ZipArchive(path: path) else { return false }
      let packageParts = [
        "[Content_Types].xml", "mimetype", "META-INF/manifest.xml", "xl/workbook.xml", "word/document.xml",
      ]
      return packageParts.allSatisfy { zip.stat($0) == nil }
    }
    let signatures: [[UInt8]] = [
      Array("Rar!\u{1A}\u{07}".utf8),  // RAR 4 and 5
      [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C],  // 7z
      [0x1F, 0x8B],  // gzip
      Array("BZh".utf8),  // bzip2
      [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00],  // xz
    ]
    if signatures.contains(where: { head.starts(with: $0) }) { return true }
    // A POSIX tar header: `ustar` at offset 257.
    return head.count >= 262 && Array(head[257..<262]) == Array("ustar".utf8)
  }
}
