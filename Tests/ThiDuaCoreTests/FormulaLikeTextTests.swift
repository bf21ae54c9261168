import Foundation
import SheetIO
import Testing

@testable import ThiDuaCore

/// Names and notes that a spreadsheet would run as formulas are findings; a clerk's
/// telephone numbers and list items are not.
@Suite struct FormulaLikeTextTests {
  @Test(arguments: [
    ("=HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")", true),
    ("  =1+1", true),
    ("@SUM(A1:A9)", true),
    ("+HYPERLINK(\"x\")", true),
    ("-cmd|' /C calc'!A0", true),
    ("=", false),
    ("+84 905 123 456", false),
    ("+84 hộ được hỗ trợ nhà ở", false),
    ("@Cán bộ giảm nghèo tiêu biểu", false),
    ("-Liên kết tiêu thụ sâm", false),
    ("- Hỗ trợ vốn (2017)", false),
    ("Nguyễn Văn A (chủ hộ)", false),
    ("", false),
  ])
  func formulasAreToldFromText(_ text: String, _ formula: Bool) {
    #expect(FormulaLikeText.matches(text) == formula)
  }
}

/// Every finding a reviewer can meet has a name in words for the *Phát hiện* sheet.
@Suite struct FindingNamesTests {
  @Test func everyFindingCodeHasAName() throws {
    let reader = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/SheetIO/Errors/SheetReadError.swift")
    let source = try String(contentsOf: reader, encoding: .utf8)
    // The reader's codes, from its `code` switch: `case .damagedZip: return "damaged-zip"`.
    let readerCodes = source.matches(of: /case \.\w+: return "([a-z0-9-]+)"/).map { String($0.1) }
    #expect(readerCodes.count == 26)
    // `code/reason` keys are a reason's own words for a code that has its name.
    let templateCodes = Messages.templates.keys.map { String($0.prefix { $0 != "/" }) }
    let codes = Set(readerCodes).union(templateCodes).union(["internal-error", "convention-conflict"])
    #expect(codes.subtracting(FindingNames.codes).isEmpty, "no name: \(codes.subtracting(FindingNames.codes).sorted())")
    #expect(FindingNames.name("late-submission", Words(language: .vi)) == "Nộp muộn")
    #expect(FindingNames.name("late-submission", Words(language: .en)) == "Late submission")
  }
}
