import Foundation
import Testing

@testable import SheetIO

/// Every .xls saved by a real producer reads to exactly the values of the workbook it
/// was made from (the `.expected.txt` beside it comes from scripts/fixtures/spec.py, with
/// the cells LibreOffice changes when it saves .xls listed in docs/fixtures.md).
@Suite struct XLSProducerFixtureTests {
  static let fixtures = Fixtures.withExpectations(in: ["producers/xls", "crafted/xls"], extension: ".xls")

  @Test func everyConvertedProducerFileIsCovered() {
    #expect(Self.fixtures.contains("producers/xls/cases.xls"))
    #expect(Self.fixtures.contains("producers/xls/date1904.xls"))
  }

  @Test(arguments: fixtures)
  func readsExpectedValues(_ fixture: String) throws {
    let workbook = try XLSWorkbook(path: Fixtures.path(fixture))
    expectSameLines(try dump(workbook), try Fixtures.expected(for: fixture))
  }
}
