/// The CSV field of every shared string, escaped once: a sheet that uses a string a
/// thousand times copies its bytes a thousand times instead of checking and quoting it.
struct SharedStringFields {
  private var bytes: [UInt8] = []
  private var ends: [Int] = []

  init(_ strings: [String]) {
    ends.reserveCapacity(strings.count)
    for string in strings {
      CanonicalCSV.appendField(.text(string), to: &bytes)
      ends.append(bytes.count)
    }
  }

  /// Whether string `index` is empty: its field has no bytes, whereas any other string's
  /// has at least one.
  @inline(__always)
  func isEmpty(_ index: Int) -> Bool { range(index).isEmpty }

  @inline(__always)
  func append(_ index: Int, to output: inout [UInt8]) {
    let range = range(index)
    bytes.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
  }

  @inline(__always)
  private func range(_ index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }
}
