/// Compact JSON forms of the cell model, for the reports workers send: an address as its
/// A1 text, a value as the JSON value it is (`null`, a number, a string, a boolean) or,
/// for a date or an error, an object with one key. The synthesized forms (`{"number":
/// {"_0": 5}}`) took a quarter of a worker's time on a report of a few hundred cells.
extension CellAddress: Codable {
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let address = CellAddress(text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an A1 address"))
    }
    self = address
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension CellValue: Codable {
  private enum Key: String, CodingKey {
    case date, uses1904, error
  }

  public init(from decoder: any Decoder) throws {
    let single = try decoder.singleValueContainer()
    if single.decodeNil() {
      self = .empty
    } else if let n = try? single.decode(Double.self) {
      self = .number(n)
    } else if let s = try? single.decode(String.self) {
      self = .text(s)
    } else if let b = try? single.decode(Bool.self) {
      self = .boolean(b)
    } else {
      let keyed = try decoder.container(keyedBy: Key.self)
      if let serial = try keyed.decodeIfPresent(Double.self, forKey: .date) {
        self = .date(
          ExcelDate(serial: serial, uses1904: try keyed.decodeIfPresent(Bool.self, forKey: .uses1904) ?? false))
      } else {
        self = .error(try keyed.decode(String.self, forKey: .error))
      }
    }
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .empty:
      var single = encoder.singleValueContainer()
      try single.encodeNil()
    case .number(let n):
      var single = encoder.singleValueContainer()
      try single.encode(n)
    case .text(let s):
      var single = encoder.singleValueContainer()
      try single.encode(s)
    case .boolean(let b):
      var single = encoder.singleValueContainer()
      try single.encode(b)
    case .date(let d):
      var keyed = encoder.container(keyedBy: Key.self)
      try keyed.encode(d.serial, forKey: .date)
      if d.uses1904 { try keyed.encode(true, forKey: .uses1904) }
    case .error(let e):
      var keyed = encoder.container(keyedBy: Key.self)
      try keyed.encode(e, forKey: .error)
    }
  }
}
