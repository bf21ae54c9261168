import Glibc

/// Reads CSV records as rows of typed cells.
///
/// Each field is decoded (NFC) and typed: numbers in the Vietnamese or English
/// convention (`VietnameseNumber`), dates (`VietnameseDate`), otherwise text. The first
/// `profileRows` rows are read ahead to learn each column's number convention, so that
/// `1.234` is read as the rest of its column reads; a column with no evidence of its own
/// (plain integers and `1.348`) reads as the file's other columns do; where neither
/// tells, the cell stays text with an `ambiguous-number` note. Tokenizing and the first look at
/// each field run on a second thread (`CSVBatch`).
public final class CSVRowReader: RowReading {
  private let producer: BackgroundProducer<CSVBatch>
  private let encoding: TextEncoding
  private let profileRows: Int
  private let typesValues: Bool
  private var batches: [CSVBatch] = []  // read ahead for the profile, then the current one
  private var record = 0  // next record of batches[0]
  private var profiled = false
  private var conventions: [NumberConvention?] = []
  /// The convention the file's columns show together, for a column with no evidence.
  private var fileConvention: NumberConvention?
  private var numericColumn: [Bool] = []
  public private(set) var notes: [ReadNote] = []
  public var mergedRanges: [CellRange] { [] }

  init(tokenizer: CSVTokenizer, encoding: TextEncoding, profileRows: Int, typesValues: Bool = true) {
    self.encoding = encoding
    self.profileRows = profileRows
    self.typesValues = typesValues
    let utf8 = encoding == .utf8
    producer = BackgroundProducer(depth: 4) { (emit) throws(SheetReadError) in
      try CSVBatch.produce(from: tokenizer, utf8: utf8, emit: emit)
    }
  }

  deinit { producer.cancelAndWait() }

  func addNote(_ note: ReadNote) { notes.append(note) }

  public func next() throws(SheetReadError) -> Row? {
    if !profiled {
      if typesValues { try profile() } else { profiled = true }
    }
    while true {
      if batches.isEmpty {
        guard let batch = try producer.take() else { return nil }
        collectNotes(batch)
        batches = [batch]
        record = 0
      }
      let batch = batches[0]
      while record < batch.recordCount {
        let r = record
        record += 1
        if let row = typedRow(batch, r) { return row }
      }
      batches.removeFirst()
      record = 0
    }
  }

  /// Reads ahead and counts, per column, the evidence for each number convention.
  private func profile() throws(SheetReadError) {
    profiled = true
    var vi: [Int] = []
    var en: [Int] = []
    var numbers: [Int] = []
    var texts: [Int] = []
    var records = 0
    while records < profileRows, let batch = try producer.take() {
      collectNotes(batch)
      batches.append(batch)
      records += batch.recordCount
      batch.bytes.withUnsafeBufferPointer { all in
        for r in 0..<batch.recordCount {
          let fields = batch.fields(ofRecord: r)
          for (column, f) in zip(0..., fields) {
            while vi.count <= column {
              vi.append(0)
              en.append(0)
              numbers.append(0)
              texts.append(0)
            }
            guard batch.fieldEnds[f] > batch.fieldStarts[f] else { continue }
            var reading = batch.readings[f]
            if reading == .other { reading = fullRead(field(all, batch, f)) }
            switch reading {
            case .number(_, let convention):
              numbers[column] += 1
              if convention == .vietnamese { vi[column] += 1 }
              if convention == .english { en[column] += 1 }
            case .ambiguous: numbers[column] += 1
            case .dash, .date: break
            case .text, .other: texts[column] += 1
            }
          }
        }
      }
    }
    // A column without evidence of its own takes the file's; one whose evidence is mixed
    // keeps its doubt.
    fileConvention = NumberConvention.resolve(vietnamese: vi.reduce(0, +), english: en.reduce(0, +))
    conventions = zip(vi, en).map { $0 == 0 && $1 == 0 ? fileConvention : .resolve(vietnamese: $0, english: $1) }
    numericColumn = zip(numbers, texts).map { $0 > 0 && $0 >= $1 }
  }

  @inline(__always)
  private func field(_ all: UnsafeBufferPointer<UInt8>, _ batch: CSVBatch, _ f: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: all[Int(batch.fieldStarts[f])..<Int(batch.fieldEnds[f])])
  }

  /// The reading of a field whose bytes alone could not tell: from its text.
  private func fullRead(_ field: UnsafeBufferPointer<UInt8>) -> CSVFieldReading {
    let text = decode(field)
    switch VietnameseNumber.read(text) {
    case .number(let value, let convention): return .number(value, convention: convention)
    case .ambiguous(let vi, let en): return .ambiguous(vietnamese: vi, english: en)
    case .dash: return .dash
    case .notANumber: return VietnameseDate.serial(text).map { .date(serial: $0) } ?? .text
    }
  }

  /// Field bytes as NFC text; UTF-8 is composed only when a combining mark's lead byte
  /// (0xCC or 0xCD: U+0300–U+036F) is present.
  private func decode(_ field: UnsafeBufferPointer<UInt8>) -> String {
    guard encoding == .utf8 else { return LegacyDecoder.decode(field, as: encoding) }
    let text = String(decoding: field, as: UTF8.self)
    for byte in field where byte == 0xCC || byte == 0xCD { return LegacyDecoder.nfc(text) }
    return text
  }

  /// Text values repeat a great deal in reports (commune names, categories): a small
  /// direct-mapped cache of recent texts, by a hash of their bytes, shares one String
  /// among equal fields instead of making a new one for each.
  private var internKeys = [[UInt8]](repeating: [], count: 1024)
  private var internValues = [String](repeating: "", count: 1024)

  private func text(_ field: UnsafeBufferPointer<UInt8>) -> String {
    guard field.count <= 64 else { return decode(field) }
    var h: UInt32 = 2_166_136_261
    for byte in field { h = (h ^ UInt32(byte)) &* 16_777_619 }
    let slot = Int(h & 1023)
    let hit = internKeys[slot].withUnsafeBufferPointer { key in
      key.count == field.count && (key.count == 0 || memcmp(key.baseAddress!, field.baseAddress!, key.count) == 0)
    }
    if hit { return internValues[slot] }
    let value = decode(field)
    internKeys[slot] = Array(field)
    internValues[slot] = value
    return value
  }

  private func typedRow(_ batch: CSVBatch, _ r: Int) -> Row? {
    let fields = batch.fields(ofRecord: r)
    let number = batch.recordNumbers[r]
    var cells: [Cell] = []
    cells.reserveCapacity(fields.count)
    batch.bytes.withUnsafeBufferPointer { all in
      for (column, f) in zip(0..., fields) where batch.fieldEnds[f] > batch.fieldStarts[f] {
        let address = CellAddress(row: number, column: column + 1)
        let bytes = field(all, batch, f)
        guard typesValues else {
          cells.append(Cell(address: address, value: .text(decode(bytes))))
          continue
        }
        let value = typedValue(bytes, batch.readings[f], column: column, at: address)
        // `5,21%` is stored as 0.0521, as a spreadsheet stores it: say it was a percentage.
        let percent = value.number != nil && bytes.last(where: { $0 != 0x20 }) == UInt8(ascii: "%")
        cells.append(Cell(address: address, value: value, styleIndex: percent ? CSVWorkbook.percentStyle : 0))
      }
    }
    return cells.isEmpty ? nil : Row(number: number, cells: cells)
  }

  private func typedValue(
    _ field: UnsafeBufferPointer<UInt8>, _ quick: CSVFieldReading, column: Int, at address: CellAddress
  ) -> CellValue {
    let convention = column < conventions.count ? conventions[column] : fileConvention
    switch quick == .other ? fullRead(field) : quick {
    case .number(let value, let shown):
      if let shown, let convention, shown != convention {
        notes.append(ReadNote(code: "convention-conflict", cell: address, detail: decode(field)))
      }
      return .number(value)
    case .ambiguous(let vietnamese, let english):
      switch convention {
      case .vietnamese: return .number(vietnamese)
      case .english: return .number(english)
      case nil:
        let text = decode(field)
        notes.append(ReadNote(code: "ambiguous-number", cell: address, detail: text))
        return .text(text)
      }
    case .dash:
      return column < numericColumn.count && numericColumn[column] ? .number(0) : .text(decode(field))
    case .date(let serial):
      return .date(ExcelDate(serial: serial, uses1904: false))
    case .text, .other:
      return .text(text(field))
    }
  }

  private func collectNotes(_ batch: CSVBatch) {
    for note in batch.notes {
      let code = note.kind == .unterminatedQuote ? "unterminated-quote" : "text-after-closing-quote"
      notes.append(ReadNote(code: code, cell: CellAddress(row: note.record, column: note.field + 1), detail: ""))
    }
  }
}
