import Foundation
import SheetIO
import TestSupport
import Testing

@testable import ThiDuaCore

/// The committed workbooks of fixtures/checks (written by XlsxWriter, not by thidua): each
/// fires exactly the findings listed in its line of expected.tsv, at those cells.
@Suite struct CheckFixtureTests {
  static let cases: [(String, [String])] = readTSV("checks/expected.tsv").map { fields in
    (fields[0], fields.count > 1 && !fields[1].isEmpty ? fields[1].components(separatedBy: " | ") : [])
  }

  @Test(arguments: cases)
  func eachFixtureFiresExactlyItsFinding(_ file: String, _ expected: [String]) throws {
    let report = SubmissionValidator(movement: try MovementDefinition.shipped()).validate(
      path: fixturePath("checks/" + file))
    let actual = report.findings.map { "\($0.location.cell?.description ?? "-") \($0.code)" }.sorted()
    #expect(actual == expected.sorted())
  }

  @Test func twoUnitsWhoseNamesFoldAlikeAreAmbiguous() throws {
    // "UBND XA TRA DON": Xã Trà Don and Xã Trà Dơn of Nam Trà My, without diacritics.
    let report = SubmissionValidator(movement: try MovementDefinition.shipped()).validate(
      path: fixturePath("checks/ambiguous-unit.xlsx"))
    #expect(report.findings.map(\.code) == ["ambiguous-unit"])
    #expect(report.findings.first?.values["candidates"] == "Xã Trà Dơn (20938), Xã Trà Don (20956)")
    #expect(report.unit == nil)
  }

  @Test func everyCheckOfThisStageHasAFixture() {
    let covered = Set(Self.cases.flatMap { $0.1.map { String($0.split(separator: " ")[1]) } })
    let codes: Set<String> = [
      "balance-mismatch", "rate-mismatch", "total-mismatch", "poor-exceeds-households", "duplicate-row", "unknown-area",
      "fuzzy-match", "type-error", "missing-cell", "constraint-error", "ambiguous-number", "missing-label",
      "unknown-unit", "unknown-year", "evidence-missing", "late-submission", "no-form", "ambiguous-unit",
    ]
    #expect(codes.subtracting(covered).isEmpty)
  }
}

@Suite struct LongSheetTests {
  @Test func rowsPastTheLimitAreReportedNotDropped() throws {
    let path = fixturePath("sample/bao-cao-mau.csv")
    let source = try Workbooks.open(path: path)
    let short = try SheetGrid(source: source, sheet: source.sheets[0], file: "bao-cao-mau.csv", maxRows: 3)
    #expect(short.firstRowNotRead == 5)  // row 4 is blank
    #expect(short.lastRow == 3)
    let whole = try SheetGrid(source: source, sheet: source.sheets[0], file: "bao-cao-mau.csv")
    #expect(whole.firstRowNotRead == nil)
    let finding = Finding(
      code: "rows-not-read", severity: .error, location: Location(file: "x.csv", sheet: "x"), values: ["row": "100001"])
    #expect(
      Messages.text(finding, .vi)
        == "Trang 'x' dài quá 100.000 dòng: từ dòng 100001 trở đi không được đọc; hãy tách biểu.")
  }
}
