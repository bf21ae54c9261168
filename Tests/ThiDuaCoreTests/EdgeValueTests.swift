import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore

/// Values at the edges of what a cell can hold, typed into every field of every form (a
/// district's, a commune's and a department's templates), then read, checked and
/// reviewed: nothing traps, each number no figure can be is a `value-out-of-range`
/// finding at its cell, and the review's outputs are written and parse.
@Suite struct EdgeValueTests {
  /// NaN and ±infinity cannot be written by a writer (thidua's refuses them): the
  /// hostile fixtures `nan-inf-figures.xlsx` carry them, cached under formulas.
  static let edges: [CellValue] = [
    .number(1e308), .number(-1e308), .number(-Double.greatestFiniteMagnitude), .number(-0.0),
    .number(9_007_199_254_740_993), .number(9_223_372_036_854_775_808), .number(1e19),
    .number(123_456_789_012_345_678), .number(-1), .text(""), .text(String(repeating: "ạ", count: 32_767)),
    .text("1e19"), .text("NaN"), .text("-0"),
  ]

  /// SplitMix64: a seeded generator, so a failing round can be replayed.
  struct Seeded {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  /// What the fill typed where: (sheet row, column) by form.
  final class Planted: @unchecked Sendable {
    var random: Seeded
    var outOfRange: Set<String> = []
    var edgeCells: Set<String> = []
    init(seed: UInt64) { random = Seeded(state: seed) }
  }

  static func normal(_ field: FieldSchema, _ random: inout Seeded) -> CellValue {
    switch field.type {
    case .integer: .number(Double(random.next(500)))
    case .number: .number(1.5)
    case .percent: .number(3.25)
    case .date: .date(ExcelDate(serial: 43_080, uses1904: false))
    case .enum: .text(field.constraints?.enum?.first ?? "Đạt")
    case .string: .text("Thôn \(random.next(9) + 1)")
    }
  }

  @Test(arguments: [UInt64(2017), 2018, 2019, 2020, 5201, 59])
  func edgeValuesInEveryFieldOfEveryForm(seed: UInt64) throws {
    let m = try MovementDefinition.shipped()
    let inbox = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-edge-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: inbox) }
    let planted = Planted(seed: seed)
    var reports: [FileReport] = []
    for (code, category) in [("504", "HUYEN"), ("20998", "XA"), ("SNV", "SO_NGANH")] {
      let forms = try m.forms(forCategory: category)
      let sheets = forms.map { $0.sheetName ?? $0.title }
      var writer = TemplateWriter(movement: m)
      writer.blankRows = 3
      writer.fill = { formName, row, fieldName in
        guard let form = forms.first(where: { $0.name == formName }), row < 3,
          let index = form.fields.firstIndex(where: { $0.name == fieldName })
        else { return nil }
        if ["ten_dia_ban", "ma_dia_ban", "nam_bao_cao"].contains(fieldName) {
          return fieldName == "nam_bao_cao" ? .number(2017) : nil
        }
        let field = form.fields[index]
        guard planted.random.next(2) == 0 else { return Self.normal(field, &planted.random) }
        let value = Self.edges[planted.random.next(Self.edges.count)]
        let cell =
          form.layout == .keyValue
          ? CellAddress(row: TemplateWriter.Layout.firstDataRow + index, column: 2)
          : CellAddress(row: TemplateWriter.Layout.firstDataRow + row, column: index + 1)
        let sheet = sheets[forms.firstIndex(of: form) ?? 0]
        planted.edgeCells.insert("\(code) \(sheet)!\(cell)")
        if case .number(let x) = value, [.integer, .number, .percent].contains(field.type), !WholeNumber.inRange(x) {
          planted.outOfRange.insert("\(code) \(sheet)!\(cell)")
        }
        return value
      }
      let path = inbox.appendingPathComponent("mau-\(code).xlsx").path
      _ = try writer.write(unit: m.registry.unit(code: code), category: category, to: path, created: 0)
      reports.append(SubmissionValidator(movement: m).validate(path: path, name: code))
    }
    let found = Set(
      reports.flatMap { r in
        r.findings.filter { $0.code == "value-out-of-range" }.map {
          "\(r.file) \($0.location.sheet ?? "")!\($0.location.cell?.description ?? "-")"
        }
      })
    #expect(!planted.outOfRange.isEmpty)
    #expect(planted.outOfRange.isSubset(of: found), "missed: \(planted.outOfRange.subtracting(found).sorted())")
    #expect(found.isSubset(of: planted.edgeCells), "not planted: \(found.subtracting(planted.edgeCells).sorted())")
    // No value past the range reaches the rows the rules and the outputs use as a number.
    for r in reports {
      for table in r.tables {
        for row in table.rows + [table.total ?? [:]] {
          for value in row.values { if case .number(let x) = value { #expect(WholeNumber.inRange(x)) } }
        }
      }
    }
    // The whole review, its outputs written and its JSON parsed.
    let result = try Review(movement: m).run(inbox: inbox.path)
    #expect(result.year == 2017)
    let out = inbox.appendingPathComponent("out").path
    let written = try ReviewOutputs(result: result, movement: m, language: .vi).write(to: out)
    #expect(written.count > 3)
    let json = try ReviewJSON(result, movement: m, language: .en).text()
    #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
  }
}
