// libFuzzer targets for the readers, one binary: `THIDUA_FUZZ_TARGET` names the target.
//   xlsx            bytes as a file: zip, .xlsx parts, every cell of every sheet
//   worksheet       bytes as a sheet part's XML (the pull scanner, the cell parser)
//   shared-strings  bytes as a shared-string part
//   csv             bytes as a CSV file: encoding detection, tokenizer, typing
//   encoding        bytes through the detector and every legacy decoder
//   xls             bytes as an .xls file: the compound file, BIFF records
//   ods             bytes as an .ods file: zip, content.xml
//   html            bytes as an HTML page: encoding, libxml2's parser, the table grid
//   spreadsheetml   bytes as an Excel 2003 XML workbook
//   docx            bytes as a Word document: zip, word/document.xml, the table grid
//   sniff           bytes through the format sniffer, then the reader it chooses
//   archive         bytes as an archive: libarchive, every member, the name decoding
//   mail            bytes as a saved e-mail: the MIME parser, header words, .eml or .msg
// `scripts/fuzz/readers` builds it with -sanitize=fuzzer,address and THIDUA_FUZZ, under
// which the program hands over to libFuzzer's driver; an ordinary build replays files:
// `THIDUA_FUZZ_TARGET=csv thidua-fuzz-readers FILE...`.
import Foundation
import FuzzDriver
@_spi(Fuzzing) import SheetIO

private let target = ProcessInfo.processInfo.environment["THIDUA_FUZZ_TARGET"] ?? "xlsx"

/// One scratch file per process for the targets that read from a path.
private let scratch = NSTemporaryDirectory() + "thidua-fuzz-readers-\(getpid())"

/// Opens the file as the command line does and reads every cell of every sheet, and the
/// notes; an error is the reader's answer, not a failure.
private func readAll(_ open: () throws -> any SheetSource) {
  guard let workbook = try? open() else { return }
  for sheet in workbook.sheets {
    guard let reader = try? workbook.rows(of: sheet) else { continue }
    while let row = try? reader.next() { _ = row.cells.map { CanonicalCSV.text($0.value) } }
    _ = reader.mergedRanges
    _ = reader.notes.map { $0.message(.vi) }
  }
}

private func fromFile(_ bytes: [UInt8], _ open: (String) throws -> any SheetSource) {
  guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes)) else { return }
  readAll { try open(scratch) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // The first byte picks a chunk size, so that every token boundary is tried.
  let chunk = Int(bytes.first ?? 0) % 17 + 1
  switch target {
  case "xlsx": fromFile(bytes) { try XLSXWorkbook(path: $0) }
  case "xls": fromFile(bytes) { try XLSWorkbook(path: $0) }
  case "ods": fromFile(bytes) { try ODSWorkbook(path: $0) }
  case "csv": fromFile(bytes) { try CSVWorkbook(path: $0) }
  case "html": fromFile(bytes) { try ReaderParts.html(path: $0) }
  case "spreadsheetml": fromFile(bytes) { try ReaderParts.spreadsheetML(path: $0) }
  case "docx": fromFile(bytes) { try ReaderParts.docx(path: $0) }
  case "sniff": fromFile(bytes) { try Workbooks.open(path: $0) }
  case "archive":
    guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes)),
      let reader = try? ArchiveReader(path: scratch)
    else { break }
    while true {
      do {
        guard let member = try reader.next() else { break }
        _ = member.name.count
      } catch .encrypted {
        continue
      } catch {
        break
      }
    }
  case "mail":
    // Both readers on every input: the sniffer would send most mutations to one.
    let message = EMLReader.read(bytes)
    _ = (message.envelope.from?.count, message.envelope.subject?.count, message.attachments.map(\.name.count))
    guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes)) else { break }
    _ = try? FormatSniffer.sniff(fileAt: scratch)
    if let outlook = try? MSGReader.read(path: scratch) { _ = outlook.attachments.map(\.name.count) }
  case "worksheet":
    let strings = ["Xã Tam Thanh", "Số hộ nghèo", ""]
    if let cells = try? ReaderParts.worksheet(bytes, strings: strings, uses1904: chunk % 2 == 0, chunkSize: chunk) {
      _ = cells.map { CanonicalCSV.text($0.value) }
    }
    // `convert` reads in batches: they must hold what the rows hold, failure included.
    let agree = ReaderParts.batchesAgree(
      bytes, strings: strings, uses1904: chunk % 2 == 0, chunkSize: chunk, batchCells: 1 + chunk % 5)
    if !agree { fatalError("cell batches differ from rows") }
  case "shared-strings": _ = try? ReaderParts.sharedStrings(bytes, chunkSize: chunk)
  case "encoding":
    _ = EncodingDetector.detect(bytes)
    for encoding in TextEncoding.allCases where encoding != .utf16LE && encoding != .utf16BE {
      _ = LegacyDecoder.decode(bytes, as: encoding)
    }
  default: fatalError("unknown THIDUA_FUZZ_TARGET \(target)")
  }
  return 0
}

fuzzMain { fuzzReaders($0, $1) }
