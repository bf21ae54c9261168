import Foundation
import Testing

@testable import SheetIO

@Suite struct CSVRowReaderTests {
  /// Writes `bytes` to a temporary .csv and reads every row and note.
  static func read(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws -> (rows: [Row], notes: [ReadNote]) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let workbook = try CSVWorkbook(path: url.path, encoding: encoding)
    let reader = try workbook.rows(of: workbook.sheets[0])
    var rows: [Row] = []
    while let row = try reader.next() { rows.append(row) }
    return (rows, reader.notes)
  }

  static func values(_ rows: [Row]) -> [String: CellValue] {
    Dictionary(uniqueKeysWithValues: rows.flatMap(\.cells).map { ($0.address.description, $0.value) })
  }

  @Test func columnEvidenceResolvesAmbiguousNumbers() throws {
    // Số hộ: 1.234 is ambiguous alone; 2.345.678 below shows the Vietnamese convention.
    // Tỷ lệ: 1,234 has no evidence of its own, so the file's (Vietnamese) decides.
    let (rows, notes) = try Self.read(Array("Số hộ;Tỷ lệ\n1.234;1,234\n2.345.678;x\n-;\n".utf8))
    let v = Self.values(rows)
    #expect(v["A2"] == .number(1234))
    #expect(v["A3"] == .number(2_345_678))
    #expect(v["A4"] == .number(0))  // a dash in a numeric column
    #expect(v["B2"] == .number(1.234))
    #expect(notes.isEmpty)
  }

  @Test func columnWithEvidenceOfItsOwnKeepsItAgainstTheFile() throws {
    // Column A is English (1,234.5; 12,345.75); B and C are Vietnamese: A's 1.234 is
    // English by its own column, whatever the file says.
    let csv = "a,b,c\n\"1,234.5\",\"3,5\",3.200.000\n1.234,\"1.234,5\",\"2,25\"\n\"12,345.75\",1,2\n"
    let (rows, notes) = try Self.read(Array(csv.utf8))
    let v = Self.values(rows)
    #expect(v["A3"] == .number(1.234))
    #expect(v["B3"] == .number(1234.5))
    #expect(notes.isEmpty)
  }

  @Test func ambiguousWhenNeitherColumnNorFileTells() throws {
    // Only plain integers and one-group values anywhere: nothing tells 1.348 from 1,348.
    let (rows, notes) = try Self.read(Array("Số hộ,Số khẩu\n1.348,12\n987,1.005\n".utf8))
    let v = Self.values(rows)
    #expect(v["A2"] == .text("1.348"))
    #expect(v["B3"] == .text("1.005"))
    #expect(
      notes == [
        ReadNote(code: "ambiguous-number", cell: CellAddress("A2"), detail: "1.348"),
        ReadNote(code: "ambiguous-number", cell: CellAddress("B3"), detail: "1.005"),
      ])
  }

  /// Excel on Vietnamese Windows, "CSV (Comma delimited)": Windows-1258, decimal commas
  /// in quotes, `3.200.000.000`, dd/mm/yyyy; the household column alone cannot tell.
  @Test func excelOnVietnameseWindowsReadsExactly() throws {
    let workbook = try CSVWorkbook(path: Fixtures.path("encodings/excel-vi-windows.csv"))
    #expect(workbook.detection.encoding == .windows1258)
    #expect(workbook.delimiterName == ",")
    expectSameLines(
      try dump(workbook),
      try String(contentsOfFile: Fixtures.path("encodings/excel-vi-windows.expected.txt"), encoding: .utf8))
    let reader = try workbook.rows(of: workbook.sheets[0])
    while try reader.next() != nil {}
    #expect(reader.notes.isEmpty)
  }

  @Test func englishColumnsReadEnglish() throws {
    let (rows, notes) = try Self.read(Array("amount\n\"1,234\"\n\"12,345.5\"\n".utf8))
    #expect(Self.values(rows)["A2"] == .number(1234))
    #expect(notes.isEmpty)
  }

  @Test func decomposedInputReadsComposed() throws {
    let nfd = Array("Qua\u{0309}ng Nam,Đa\u{0300} Na\u{0306}\u{0303}ng\n".utf8)
    let (rows, _) = try Self.read(nfd)
    #expect(Self.values(rows)["A1"] == .text("Quảng Nam"))
    #expect(Self.values(rows)["B1"] == .text("Đà Nẵng"))
  }

  @Test func rowNumbersFollowTheFileIncludingBlankLines() throws {
    let (rows, _) = try Self.read(Array("a\n\n\nb\r\n\r\nc".utf8))
    #expect(rows.map(\.number) == [1, 4, 6])
  }

  @Test func stringsStayTextAndDatesBecomeDates() throws {
    let (rows, _) = try Self.read(Array("Tam Kỳ,27/09/2017,=1+1,0123\n".utf8))
    let v = Self.values(rows)
    #expect(v["A1"] == .text("Tam Kỳ"))
    #expect(v["B1"] == .date(ExcelDate(serial: 43005, uses1904: false)))
    #expect(v["C1"] == .text("=1+1"))
    #expect(v["D1"] == .number(123))
  }

  @Test func lenientQuotesAreNotedAtTheirCells() throws {
    let (rows, notes) = try Self.read(Array("a,\"b\"c\nx,\"open".utf8))
    #expect(Self.values(rows)["B1"] == .text("bc"))
    #expect(Self.values(rows)["B2"] == .text("open"))
    #expect(notes.map(\.code) == ["text-after-closing-quote", "unterminated-quote"])
    #expect(notes.map(\.cell) == [CellAddress("B1"), CellAddress("B2")])
  }

  @Test func droppingAReaderEndsItsThread() throws {
    // Far more records than the producer keeps ahead (four batches of 2,048).
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID().uuidString).csv")
    try Data(String(repeating: "Xã Tam Quang,1.234,27/09/2017\n", count: 60_000).utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let workbook = try CSVWorkbook(path: url.path)
    workbook.profileRows = 10
    let before = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
    for _ in 0..<8 {
      let reader = try workbook.rows(of: workbook.sheets[0])
      #expect(try reader.next()?.cells.count == 3)
    }
    let after = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
    #expect(after < before + 4)
  }
}
