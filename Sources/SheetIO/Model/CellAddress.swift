/// A cell position such as `B7`, stored as 1-based integers.
///
/// Limits are Excel's (Microsoft, "Excel specifications and limits"): 16,384 columns
/// (`XFD`) and 1,048,576 rows. ECMA-376 itself sets none.
public struct CellAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
  public static let maxColumn = 16_384
  public static let maxRow = 1_048_576

  /// Row number, 1 … 1,048,576.
  public var row: Int
  /// Column number, 1 (`A`) … 16,384 (`XFD`).
  public var column: Int

  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// Parses an A1-style reference (`B7`, `$B$7`, lower case accepted); nil when malformed
  /// or outside Excel's grid.
  public init?(_ text: some StringProtocol) {
    guard
      let parsed = text.utf8.withContiguousStorageIfAvailable({ CellAddress.parse($0) })
        ?? CellAddress.parse(Array(text.utf8))
    else { return nil }
    self = parsed
  }

  /// Parses the bytes of an A1 reference without `$` signs: the reader's hot path.
  @inline(__always)
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CellAddress? {
    var i = 0
    let n = bytes.count
    var column = 0
    while i < n, i < 3 {
      let c = bytes[i] &- UInt8(ascii: "A")
      guard c < 26 else { break }
      column = column * 26 + Int(c) + 1
      i += 1
    }
    let letters = i
    var row = 0
    while i < n, i - letters < 7 {
      let d = bytes[i] &- UInt8(ascii: "0")
      guard d < 10 else { break }
      row = row * 10 + Int(d)
      i += 1
    }
    guard i == n, letters > 0, i > letters, column <= maxColumn, (1...maxRow).contains(row) else {
      return parse(bytes as any Collection<UInt8>)
    }
    return CellAddress(row: row, column: column)
  }

  /// Parses the bytes of an A1 reference without allocating.
  static func parse(_ bytes: any Collection<UInt8>) -> CellAddress? {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "$") where digits == 0: continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
        column = column * 26 + Int(byte - UInt8(ascii: "A") + 1)
        letters += 1
      case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
        column = column * 26 + Int(byte - UInt8(ascii: "a") + 1)
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      default: return nil
      }
      if letters > 3 || digits > 7 { return nil }
    }
    guard letters > 0, digits > 0, (1...maxColumn).contains(column), (1...maxRow).contains(row)
    else { return nil }
    return CellAddress(row: row, column: column)
  }

  /// Column letters for a 1-based column number: 1 → `A`, 28 → `AB`.
  public static func columnName(_ column: Int) -> String {
    var n = column
    var letters: [UInt8] = []
    while n > 0 {
      let rem = (n - 1) % 26
      letters.append(UInt8(ascii: "A") + UInt8(rem))
      n = (n - 1) / 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }

  public var description: String { CellAddress.columnName(column) + String(row) }

  public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
    (lhs.row, lhs.column) < (rhs.row, rhs.column)
  }
}

/// A rectangular block of cells such as `A1:C3`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
  public var first: CellAddress
  public var last: CellAddress

  public init(first: CellAddress, last: CellAddress) {
    self.first = CellAddress(row: min(first.row, last.row), column: min(first.column, last.column))
    self.last = CellAddress(row: max(first.row, last.row), column: max(first.column, last.column))
  }

  /// Parses `A1:C3` or a single cell `B2`.
  public init?(_ text: some StringProtocol) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2,
      let a = CellAddress(parts[0]), let b = CellAddress(parts[parts.count - 1])
    else { return nil }
    self.init(first: a, last: b)
  }

  public var description: String {
    first == last ? first.description : first.description + ":" + last.description
  }

  /// Grows the range to include `address`.
  public mutating func include(_ address: CellAddress) {
    first = CellAddress(row: min(first.row, address.row), column: min(first.column, address.column))
    last = CellAddress(row: max(last.row, address.row), column: max(last.column, address.column))
  }
}
