/// A CSV file as a workbook of one sheet named after the file.
///
/// Opening reads the first 64 KiB to detect the encoding (unless given) and the
/// delimiter; rows are then streamed.
public final class CSVWorkbook: SheetSource {
  public let path: String
  public let sheets: [SheetInfo]
  public let uses1904 = false
  public var format: FileFormat { .csv }
  /// The encoding used, and how sure the detection was (1 when given by the caller).
  public let detection: EncodingDetection
  /// The field delimiter: `,` `;` tab or `|`.
  public let delimiter: UInt8
  /// How many leading rows decide each column's number convention.
  public var profileRows = 10_000
  /// False to read every field as its text, as for a table of identifiers (a unit
  /// registry, whose code `0502` must not become the number 502).
  public var typesValues = true

  public var delimiterName: String { CSVDialect.name(delimiter) }

  /// The style index of a number typed with `%` (`11,13%`): the only style a CSV has.
  static let percentStyle = 1

  public func isPercentStyle(_ styleIndex: Int) -> Bool { styleIndex == Self.percentStyle }

  public init(path: String, encoding: TextEncoding? = nil) throws(SheetReadError) {
    self.path = path
    let head = try FileByteSource.head(path: path, count: 64 << 10)
    if let encoding {
      var bom = 0
      if encoding == .utf8 && head.starts(with: [0xEF, 0xBB, 0xBF]) { bom = 3 }
      if encoding == .utf16LE && head.starts(with: [0xFF, 0xFE]) { bom = 2 }
      if encoding == .utf16BE && head.starts(with: [0xFE, 0xFF]) { bom = 2 }
      detection = EncodingDetection(encoding: encoding, confidence: 1, bomLength: bom, evidence: "given")
    } else {
      detection = EncodingDetector.detect(head)
    }
    var sample = Array(head.dropFirst(detection.bomLength))
    let littleEndian = detection.encoding == .utf16LE
    if !detection.encoding.isASCIICompatible {
      // The delimiter is looked for in the UTF-8 form of the sample.
      let units = stride(from: 0, to: sample.count - 1, by: 2).map { i in
        littleEndian
          ? UInt16(sample[i]) | UInt16(sample[i + 1]) << 8 : UInt16(sample[i]) << 8 | UInt16(sample[i + 1])
      }
      sample = Array(String(decoding: units, as: UTF16.self).utf8)
    }
    delimiter = CSVDialect.delimiter(in: sample)
    let file = path.split(separator: "/").last.map(String.init) ?? path
    let name = file.contains(".") ? String(file[..<file.lastIndex(of: ".")!]) : file
    sheets = [SheetInfo(name: name, state: .visible, index: 0, partPath: "")]
  }

  public func rows(of sheet: SheetInfo) throws(SheetReadError) -> any RowReading {
    var source: any ByteSource = try FileByteSource(path: path)
    if detection.bomLength > 0 {
      let skip = UnsafeMutableRawPointer.allocate(byteCount: detection.bomLength, alignment: 1)
      defer { skip.deallocate() }
      _ = try source.read(into: skip, capacity: detection.bomLength)
    }
    if !detection.encoding.isASCIICompatible {
      source = UTF16ToUTF8Source(source, littleEndian: detection.encoding == .utf16LE)
    }
    let textEncoding: TextEncoding = detection.encoding.isASCIICompatible ? detection.encoding : .utf8
    let reader = CSVRowReader(
      tokenizer: CSVTokenizer(source: source, delimiter: delimiter), encoding: textEncoding,
      profileRows: profileRows, typesValues: typesValues)
    if detection.isWeak {
      reader.addNote(
        ReadNote(
          code: "weak-encoding-evidence", cell: nil,
          detail:
            "\(detection.encoding.rawValue) (\(WholeNumber.clamped(detection.confidence * 100, to: 0...100, rounding: .toNearestOrAwayFromZero)) %): \(detection.evidence)"
        ))
    }
    return reader
  }
}
