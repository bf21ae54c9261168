/// A value read from text, with the text it was read from, for messages ("1.234,5 in C7").
public struct TypedText: Hashable, Sendable {
  public var value: CellValue
  public var original: String
  /// Set when the text is a number whose reading depends on the convention and none was
  /// given: the value is then the text itself.
  public var isAmbiguous: Bool

  /// Types `text` as a number (in `convention` when it reads two ways), a date, or text.
  /// A lone `-` is 0 when `numeric` (the column holds numbers), else text.
  public init(_ text: String, convention: NumberConvention? = nil, numeric: Bool = false) {
    original = text
    isAmbiguous = false
    let nfc = LegacyDecoder.nfc(text)
    switch VietnameseNumber.read(nfc) {
    case .number(let number, _):
      value = .number(number)
    case .ambiguous(let vietnamese, let english):
      switch convention {
      case .vietnamese: value = .number(vietnamese)
      case .english: value = .number(english)
      case nil:
        value = .text(nfc)
        isAmbiguous = true
      }
    case .dash:
      value = numeric ? .number(0) : .text(nfc)
    case .notANumber:
      value = VietnameseDate.serial(nfc).map { .date(ExcelDate(serial: $0, uses1904: false)) } ?? .text(nfc)
    }
  }
}
