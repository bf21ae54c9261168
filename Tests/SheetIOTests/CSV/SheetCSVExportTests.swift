import Foundation
import Testing

@testable import SheetIO

/// The export holds each row's line and pads it at the end; past its byte limit it
/// refuses before writing anything.
@Suite struct SheetCSVExportTests {
  private func csv(_ workbook: any SheetSource, _ sheet: SheetInfo, maxBytes: Int = SheetCSVExport.maxBytes)
    throws -> String
  {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let output = try AtomicFile(destination: url)
    try SheetCSVExport.write(workbook, sheet: sheet, to: output, maxBytes: maxBytes)
    try output.commit(sync: false)
    return try String(contentsOf: url, encoding: .utf8)
  }

  private func workbook(_ text: String) throws -> (CSVWorkbook, URL) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID().uuidString).csv")
    try Data(text.utf8).write(to: url)
    return (try CSVWorkbook(path: url.path), url)
  }

  @Test func rowsAndColumnsFollowTheSheet() throws {
    // Row 1 has a value in B only, rows 2 and 3 none, row 4 in A and D: four columns,
    // four lines, the empty ones kept as commas.
    let (book, url) = try workbook(",x\n\n,,,\nA,,,\"d,1\"\n")
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(try csv(book, book.sheets[0]) == ",x,,\n,,,\n,,,\nA,,,\"d,1\"\n")
  }

  @Test func pastTheByteLimitNothingIsWritten() throws {
    // 12 bytes once padded, "a,bb\n,\nccc,\n": a limit of 11 refuses it.
    let (book, url) = try workbook("a,bb\n\nccc\n")
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(try csv(book, book.sheets[0], maxBytes: 12) == "a,bb\n,\nccc,\n")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try AtomicFile(destination: folder.appendingPathComponent("x.csv"))
    #expect(
      throws: SheetReadError.outputTooLarge(Location(file: url.path, sheet: book.sheets[0].name), bytes: 12, limit: 11)
    ) {
      try SheetCSVExport.write(book, sheet: book.sheets[0], to: output, maxBytes: 11)
    }
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.csv").path))
  }
}
