extension XMLText {
  /// Decodes an attribute value as an XML processor must (XML 1.0 §3.3.3): a literal tab,
  /// line feed or carriage return becomes a space (CR LF one space), while the same
  /// characters written as character references (`&#10;`) are kept.
  static func decodeAttribute(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
    guard bytes.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
      return decode(bytes, into: &out)
    }
    var normalised: [UInt8] = []
    normalised.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      switch bytes[i] {
      case 0x0D:
        normalised.append(0x20)
        if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
      case 0x09, 0x0A: normalised.append(0x20)
      default: normalised.append(bytes[i])
      }
      i += 1
    }
    return normalised.withUnsafeBufferPointer { decode($0, into: &out) }
  }
}
