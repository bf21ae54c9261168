/// A whole file read into memory within `ReadLimits.maxDocumentBytes`.
enum DocumentBytes {
  static func read(_ path: String, limits: ReadLimits) throws(SheetReadError) -> [UInt8] {
    let location = Location(file: path)
    let source = try FileByteSource(path: path)
    var bytes: [UInt8] = []
    let chunkSize = 1 << 16
    let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 1)
    defer { chunk.deallocate() }
    while true {
      let n = try source.read(into: chunk, capacity: chunkSize)
      if n == 0 { return bytes }
      bytes.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: n))
      if Int64(bytes.count) > limits.maxDocumentBytes {
        throw .partTooLarge(location, bytes: Int64(bytes.count), limit: limits.maxDocumentBytes)
      }
    }
  }

  /// XML in an encoding expat does not know (`windows-1258`, say) as UTF-8 with its
  /// declaration saying so; other bytes as they are.
  static func expatReady(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.starts(with: Array("<?xml".utf8)), let end = firstIndex(of: Array("?>".utf8), in: bytes, within: 512)
    else { return bytes }
    let declaration = String(decoding: bytes[..<end], as: UTF8.self)
    guard let label = attribute("encoding", in: declaration) else { return bytes }
    let expatKnows = ["utf-8", "utf8", "utf-16", "iso-8859-1", "us-ascii"]
    guard !expatKnows.contains(label.lowercased()), let encoding = TextEncoding(name: label),
      encoding.isASCIICompatible
    else { return bytes }
    let text = LegacyDecoder.decode(bytes[(end + 2)...], as: encoding)
    return Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8) + Array(text.utf8)
  }

  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], within limit: Int) -> Int? {
    let last = min(bytes.count, limit) - needle.count
    guard last >= 0 else { return nil }
    return (0...last).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
  }

  /// The value of `name="…"` or `name='…'` in a declaration.
  private static func attribute(_ name: String, in text: String) -> String? {
    let key = Array((name + "=").utf8)
    let bytes = Array(text.utf8)
    guard let start = firstIndex(of: key, in: bytes, within: bytes.count) else { return nil }
    let rest = String(decoding: bytes[(start + key.count)...], as: UTF8.self)
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    return rest.dropFirst().prefix { $0 != quote }.description
  }
}
