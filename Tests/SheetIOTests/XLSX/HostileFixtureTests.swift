import Foundation
import TestSupport
import Testing

@testable import SheetIO

/// Each hostile fixture stops with its own error code, never a crash or a hang
/// (fixtures/hostile/expected.tsv lists file, code and exit status; code `-` with status
/// 0 marks a file that must read without error, such as a billion empty .ods columns).
@Suite struct HostileFixtureTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    var code: String
    var exitStatus: Int32
    var testDescription: String { file }
  }

  static let all = readTSV("hostile/expected.tsv").map {
    Case(file: $0[0], code: $0[1], exitStatus: Int32($0[2]) ?? -1)
  }
  static let cases = all.filter { $0.code != "-" }
  static let benign = all.filter { $0.code == "-" }

  /// Opens the file as the command line does (by content) and reads every cell of
  /// every sheet.
  private func readEverything(_ path: String, limits: ReadLimits = .standard) throws(SheetReadError) {
    let workbook = try Workbooks.open(path: path, limits: limits)
    for sheet in workbook.sheets {
      let reader = try workbook.rows(of: sheet)
      while try reader.next() != nil {}
    }
  }

  @Test func manifestListsEveryHostileFixture() throws {
    #expect(Self.cases.count == 47)
    #expect(Set(Self.cases.map(\.code)).count == 20)
    let listed = Set(Self.all.map(\.file))
    let present = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("hostile"))
    #expect(Set(present.filter { !$0.hasSuffix(".tsv") }) == listed)
  }

  @Test(arguments: benign)
  func readsWithoutError(_ c: Case) throws {
    try readEverything(Fixtures.path("hostile/" + c.file))
  }

  @Test(arguments: cases)
  func stopsWithItsOwnCode(_ c: Case) {
    let path = Fixtures.path("hostile/" + c.file)
    #expect(
      performing: { try readEverything(path) },
      throws: { error in
        guard let error = error as? SheetReadError else { return false }
        return error.code == c.code && error.exitStatus == c.exitStatus && error.location.file == path
      })
  }

  @Test func everyErrorHasDistinctMessagesInBothLanguages() {
    let location = Location(file: "x.xlsx", part: "xl/workbook.xml", line: 3, column: 7)
    let all: [SheetReadError] = [
      .unreadableFile(location, reason: "r"), .notAZip(location), .damagedZip(location, reason: "r"),
      .encryptedWorkbook(location), .legacyXLS(location), .otherCompoundFile(location),
      .missingPart(location, part: "p"), .doctypeForbidden(location),
      .partTooLarge(location, bytes: 2, limit: 1), .compressionRatioExceeded(location, ratio: 2, limit: 1),
      .xmlTooDeep(location, limit: 1), .malformedXML(location, reason: "r"),
      .badCellReference(location, text: "XFE1"), .sheetNotFound(location, name: "n", available: ["a"]),
      .damagedCompoundFile(location, reason: "r"), .compoundFileTooLarge(location, what: "w", count: 2, limit: 1),
      .damagedXLS(location, reason: "r"), .encryptedXLS(location),
      .beyondGrid(location, what: "w"), .repeatLimitExceeded(location, what: "w", limit: 1),
      .otherOpenDocument(location, mediaType: "t"), .invalidUTF8(location, byteOffset: 9, bytes: "C3 28"),
      .gridTooLarge(location, rows: 2, columns: 3, limit: 1), .outputTooLarge(location, bytes: 2, limit: 1),
      .noTable(location),
    ]
    #expect(Set(all.map(\.code)).count == all.count)
    #expect(Set(all.map(\.exitStatus)).count == all.count)
    #expect(Set(all.map { $0.message(.vi) }).count == all.count)
    #expect(Set(all.map { $0.message(.en) }).count == all.count)
    for error in all {
      #expect(error.message(.vi) != error.message(.en))
      #expect(error.message(.en).contains("x.xlsx [xl/workbook.xml:3:7]"))
    }
  }

  @Test func lyingSizeStopsAtTheActualLimit() {
    // The sheet declares 1,000 bytes and inflates to 64 MiB: with the ratio check off,
    // the byte count itself must stop it at the 1 MiB limit.
    var limits = ReadLimits()
    limits.maxSheetPartBytes = 1 << 20
    limits.maxCompressionRatio = .max
    let path = Fixtures.path("hostile/lying-size-bomb.xlsx")
    #expect(
      performing: { try readEverything(path, limits: limits) },
      throws: { error in
        guard case .partTooLarge(_, let bytes, let limit) = error as? SheetReadError else { return false }
        return limit == 1 << 20 && bytes > limit && bytes <= limit + (1 << 20)
      })
  }

  @Test func otherCompoundFileIsNamed() throws {
    // A compound file whose directory names a Word stream.
    var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
    for unit in "WordDocument".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID().uuidString).doc")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    // The .xlsx reader names it from its first bytes alone (a real compound file of
    // another kind is hostile/word-document.doc, read by content).
    #expect(
      performing: { try XLSXWorkbook(path: url.path) },
      throws: { ($0 as? SheetReadError)?.code == "other-compound-file" })
  }

  @Test func missingFileIsUnreadable() {
    #expect(
      performing: { try readEverything("/nonexistent/thidua.xlsx") },
      throws: { ($0 as? SheetReadError)?.code == "unreadable-file" })
  }
}

/// A reader dropped half-way stops its inflating thread at once.
@Suite struct AbandonedReaderTests {
  private func threadCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
  }

  @Test func droppingAReaderEndsItsPrefetchThread() throws {
    // The sheet inflates to 64 MiB: far more than the four chunks the producer keeps
    // ahead, so a producer that outlived its reader would block for ever.
    let workbook = try XLSXWorkbook(path: Fixtures.path("hostile/lying-size-bomb.xlsx"))
    let before = threadCount()
    for _ in 0..<8 {
      let reader = try workbook.rows(of: workbook.sheets[0])
      #expect(try reader.next()?.cells.first?.value == .number(1))
    }
    // Other suites run in parallel and start threads of their own; eight leaked
    // producers would add eight.
    #expect(threadCount() < before + 4)
  }
}
