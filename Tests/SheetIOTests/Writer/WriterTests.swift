import Foundation
import TestSupport
import Testing

@testable import SheetIO

/// A folder of its own for each test, removed afterwards.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-writer-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: url) }
  return try body(url)
}

/// Every cell of every sheet, by sheet name and address.
func readBack(_ path: String) throws -> [String: [String: CellValue]] {
  let book = try XLSXWorkbook(path: path)
  var result: [String: [String: CellValue]] = [:]
  for sheet in book.sheets {
    let reader = try book.rowReader(of: sheet)
    var cells: [String: CellValue] = [:]
    while let row = try reader.next() { for cell in row.cells { cells[cell.address.description] = cell.value } }
    result[sheet.name] = cells
  }
  return result
}

@Suite struct WriterRoundTripTests {
  static let texts: [String] = [
    "Quảng Nam chung tay vì người nghèo", "=1+1", "+84 235 3810 000", "-", "@thidua", "_x0041_ stays",
    "_x005F_ too", "dòng 1\r\ndòng 2", "tab\tend", "control \u{1}\u{1F}", "nul\u{0}inside", "  spaces  ",
    "😀 ngoài BMP", String(repeating: "ư", count: 32_767),
  ]

  @Test func valuesComeBackExactlyAtTheirAddresses() throws {
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent("round.xlsx").path
      let doc = try XLSXDocument(path: path, created: 1_506_470_400)
      let sheet = try doc.addSheet("Dữ liệu")
      for (i, text) in Self.texts.enumerated() { try sheet.writeText(text, at: CellAddress(row: i + 1, column: 1)) }
      let numbers: [Double] = [0, -0.5, 1234.5, 0.1 + 0.2, 1e-300, 9.007199254740993e15, -1e308]
      for (i, n) in numbers.enumerated() { try sheet.writeNumber(n, at: CellAddress(row: i + 1, column: 2)) }
      try sheet.writeBoolean(true, at: CellAddress("C1")!)
      try sheet.writeDate(ExcelDate(serial: 43005, uses1904: false), at: CellAddress("C2")!)
      try sheet.writeFormula("=SUM(B1:B3)", result: 1234, at: CellAddress("C3")!)
      try sheet.merge(CellRange("D1:F2")!, text: "Tiêu đề")
      try sheet.writeBlank(at: CellAddress("C4")!, style: .plain.with { $0.border = true })
      try doc.save()
      keepForCrosscheck(path)

      let cells = try readBack(path)["Dữ liệu"]!
      for (i, text) in Self.texts.enumerated() {
        #expect(cells["A\(i + 1)"] == .text(text), "A\(i + 1)")
      }
      // libxlsxwriter 1.1.4 writes 16 significant digits ("%.16G"): 0.1 + 0.2 comes back
      // as 0.3, every other value here exactly.
      for (i, n) in numbers.enumerated() {
        let expected = Double(String(format: "%.16g", n))!
        #expect(cells["B\(i + 1)"] == .number(expected), "B\(i + 1)")
      }
      #expect(cells["B4"] == .number(0.3))
      #expect(cells["C1"] == .boolean(true))
      #expect(cells["C2"] == .date(ExcelDate(serial: 43005, uses1904: false)))
      #expect(cells["C3"] == .number(1234))  // the stored result of the formula
      #expect(cells["D1"] == .text("Tiêu đề"))
      #expect(cells["C4"] == nil)  // a styled blank has no value
    }
  }

  @Test func theSameContentGivesTheSameBytes() throws {
    try withTemporaryFolder { folder in
      func write(_ name: String, created: Int) throws -> Data {
        let path = folder.appendingPathComponent(name).path
        let doc = try XLSXDocument(path: path, created: created)
        doc.properties.title = "Tổng hợp"
        let sheet = try doc.addSheet("Tổng hợp")
        try sheet.writeText("Tam Kỳ", at: CellAddress("A1")!, style: .plain.with { $0.bold = true })
        try sheet.writeNumber(11.13, at: CellAddress("B1")!)
        try sheet.validate(CellRange("C1:C9")!, ValidationRule(.list(["Đạt", "Không đạt", "Vượt"])))
        try doc.save()
        return try Data(contentsOf: URL(fileURLWithPath: path))
      }
      let a = try write("a.xlsx", created: 1_506_470_400)
      Thread.sleep(forTimeInterval: 1.1)
      let b = try write("b.xlsx", created: 1_506_470_400)
      let c = try write("c.xlsx", created: 1_600_000_000)
      #expect(a == b)
      #expect(a != c)
    }
  }

  @Test func aFailedDocumentLeavesNothingAndKeepsTheOldFile() throws {
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent("keep.xlsx").path
      try Data("the good file".utf8).write(to: URL(fileURLWithPath: path))
      do {
        let doc = try XLSXDocument(path: path)
        let sheet = try doc.addSheet("S")
        #expect(throws: WriteError.self) {
          try sheet.writeText(String(repeating: "x", count: 32_768), at: CellAddress("A1")!)
        }
        // Dropped without saving.
      }
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "the good file")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["keep.xlsx"])
    }
  }

  @Test func savingReplacesAnOlderFile() throws {
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent("again.xlsx").path
      for value in [1.0, 2.0] {
        let doc = try XLSXDocument(path: path, created: 0)
        try doc.addSheet("S").writeNumber(value, at: CellAddress("A1")!)
        try doc.save()
      }
      #expect(try readBack(path)["S"]?["A1"] == .number(2))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["again.xlsx"])
    }
  }

  @Test func everyValueIsCheckedBeforeTheLibrary() throws {
    try withTemporaryFolder { folder in
      let doc = try XLSXDocument(path: folder.appendingPathComponent("x.xlsx").path)
      let sheet = try doc.addSheet("S")
      #expect(throws: WriteError.textTooLong(sheet: "S", cell: CellAddress("B2")!, length: 32_768)) {
        try sheet.writeText(String(repeating: "ư", count: 32_768), at: CellAddress("B2")!)
      }
      #expect(throws: WriteError.outsideGrid(sheet: "S", row: 1_048_577, column: 1)) {
        try sheet.writeNumber(1, at: CellAddress(row: 1_048_577, column: 1))
      }
      #expect(throws: WriteError.notFinite(sheet: "S", cell: CellAddress("A1")!)) {
        try sheet.writeNumber(.nan, at: CellAddress("A1")!)
      }
      #expect(throws: WriteError.self) {
        try sheet.validate(CellRange("A1:A2")!, ValidationRule(.list(Array(repeating: "Không đạt yêu cầu", count: 20))))
      }
    }
  }
}

@Suite struct SheetNamerTests {
  @Test func namesAreValidAndUnique() throws {
    var namer = SheetNamer()
    #expect(try namer.name(for: "UBND huyện Núi Thành: báo cáo [2017]") == "UBND huyện Núi Thành báo cáo 20")
    #expect(try namer.name(for: "Tam Kỳ/Hội An?") == "Tam Kỳ Hội An")
    #expect(try namer.name(for: "tam kỳ hội an") == "tam kỳ hội an (2)")
    #expect(try namer.name(for: "'Quoted'") == "Quoted")
    #expect(try namer.name(for: "History") == "History 1")
    let long = String(repeating: "Xã Trà Giác ", count: 5)
    let first = try namer.name(for: long)
    let second = try namer.name(for: long)
    #expect(first.count <= 31 && second.count <= 31 && second.hasSuffix(" (2)") && first != second)
    #expect(throws: WriteError.invalidSheetName("[]:*")) { try namer.name(for: "[]:*") }
  }
}
