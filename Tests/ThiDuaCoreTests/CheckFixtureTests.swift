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

  @Test func everyCheckOfThisStageHasAFixture() {
    let covered = Set(Self.cases.flatMap { $0.1.map { String($0.split(separator: " ")[1]) } })
    let codes: Set<String> = [
      "balance-mismatch", "rate-mismatch", "total-mismatch", "poor-exceeds-households", "duplicate-row", "unknown-area",
      "fuzzy-match", "type-error", "missing-cell", "constraint-error", "ambiguous-number", "missing-label",
      "unknown-unit", "evidence-missing", "late-submission", "no-form",
    ]
    #expect(codes.subtracting(covered).isEmpty)
  }
}
