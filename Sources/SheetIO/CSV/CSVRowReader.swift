/// Reads CSV records as rows of typed cells.
///
/// Each field is decoded (NFC) and typed: numbers in the Vietnamese or English
/// convention (`VietnameseNumber`), dates (`VietnameseDate`), otherwise text. The first
/// `profileRows` rows are read ahead to learn each column's number convention, so that
/// `1.234` is read as the rest of its column reads; where the column cannot tell, the
/// cell stays text with an `ambiguous-number` note.
public final class CSVRowReader: RowReading {
  private let tokenizer: CSVTokenizer
  private let encoding: TextEncoding
  private let profileRows: Int
  private var pending: [[String?]] = []  // rows read ahead, fields decoded
  private var pendingIndex = 0
  private var profiled = false
  private var conventions: [NumberConvention?] = []
  private var numericColumn: [Bool] = []
  public private(set) var notes: [ReadNote] = []
  public var mergedRanges: [CellRange] { [] }

  init(tokenizer: CSVTokenizer, encoding: TextEncoding, profileRows: Int) {
    self.tokenizer = tokenizer
    self.encoding = encoding
    self.profileRows = profileRows
  }

  func addNote(_ note: ReadNote) { notes.append(note) }

  public func next() throws(SheetReadError) -> Row? {
    if !profiled { try profile() }
    while pendingIndex < pending.count {
      let fields = pending[pendingIndex]
      pendingIndex += 1
      let number = pendingIndex
      if let row = typedRow(number: number, fields: fields) { return row }
    }
    if pendingIndex == pending.count && !pending.isEmpty {
      pending = []  // the look-ahead is spent: stream from here
    }
    while try tokenizer.next() {
      collectTokenizerNotes()
      if let row = typedRow(number: tokenizer.record, fields: decodedFields()) { return row }
    }
    collectTokenizerNotes()
    return nil
  }

  /// Reads ahead and counts, per column, the evidence for each number convention.
  private func profile() throws(SheetReadError) {
    profiled = true
    var vi: [Int] = []
    var en: [Int] = []
    var numbers: [Int] = []
    var texts: [Int] = []
    while pending.count < profileRows, try tokenizer.next() {
      let fields = decodedFields()
      pending.append(fields)
      while vi.count < fields.count {
        vi.append(0)
        en.append(0)
        numbers.append(0)
        texts.append(0)
      }
      for (i, field) in fields.enumerated() {
        guard let field, !field.isEmpty else { continue }
        switch VietnameseNumber.read(field) {
        case .number(_, let convention):
          numbers[i] += 1
          if convention == .vietnamese { vi[i] += 1 }
          if convention == .english { en[i] += 1 }
        case .ambiguous: numbers[i] += 1
        case .dash: break
        case .notANumber: texts[i] += 1
        }
      }
    }
    collectTokenizerNotes()
    conventions = zip(vi, en).map { NumberConvention.resolve(vietnamese: $0, english: $1) }
    numericColumn = zip(numbers, texts).map { $0 > 0 && $0 >= $1 }
  }

  private func decodedFields() -> [String?] {
    (0..<tokenizer.fieldCount).map { i in
      let bytes = tokenizer.field(i)
      return bytes.isEmpty ? nil : LegacyDecoder.decode(bytes, as: encoding)
    }
  }

  private func typedRow(number: Int, fields: [String?]) -> Row? {
    var cells: [Cell] = []
    for (i, field) in fields.enumerated() {
      guard let field, !field.isEmpty else { continue }
      let address = CellAddress(row: number, column: i + 1)
      cells.append(Cell(address: address, value: typedValue(field, column: i, at: address), styleIndex: 0))
    }
    return cells.isEmpty ? nil : Row(number: number, cells: cells)
  }

  private func typedValue(_ text: String, column: Int, at address: CellAddress) -> CellValue {
    let convention = column < conventions.count ? conventions[column] : nil
    switch VietnameseNumber.read(text) {
    case .number(let value, let shown):
      if let shown, let convention, shown != convention {
        notes.append(ReadNote(code: "convention-conflict", cell: address, detail: text))
      }
      return .number(value)
    case .ambiguous(let vietnamese, let english):
      switch convention {
      case .vietnamese: return .number(vietnamese)
      case .english: return .number(english)
      case nil:
        notes.append(ReadNote(code: "ambiguous-number", cell: address, detail: text))
        return .text(text)
      }
    case .dash:
      return column < numericColumn.count && numericColumn[column] ? .number(0) : .text(text)
    case .notANumber:
      if let serial = VietnameseDate.serial(text) { return .date(ExcelDate(serial: serial, uses1904: false)) }
      return .text(text)
    }
  }

  private func collectTokenizerNotes() {
    for note in tokenizer.notes.dropFirst(tokenizerNotesSeen) {
      let cell = CellAddress(row: note.record, column: note.field + 1)
      let code = note.kind == .unterminatedQuote ? "unterminated-quote" : "text-after-closing-quote"
      notes.append(ReadNote(code: code, cell: cell, detail: ""))
    }
    tokenizerNotesSeen = tokenizer.notes.count
  }
  private var tokenizerNotesSeen = 0
}
