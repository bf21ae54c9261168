import Foundation
import Testing

@Suite struct ValidateCommandTests {
  @Test func aBrokenFileIsAFindingAndTheOthersAreStillChecked() throws {
    let run = try thidua(
      "validate", Paths.fixture("hostile/encrypted.xlsx"), Paths.fixture("sample/bao-cao-mau.xlsx"), "--json", "--lang",
      "en")
    #expect(run.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let files = json?["files"] as? [[String: Any]] ?? []
    #expect(files.count == 2)
    let broken = files.first?["findings"] as? [[String: Any]]
    #expect(broken?.map { $0["code"] as? String } == ["encrypted-workbook"])
    #expect((broken?.first?["message"] as? String)?.contains("password-protected") == true)
    let sample = files.last
    #expect((sample?["unit"] as? [String: Any])?["code"] as? String == "517")
    #expect(sample?["year"] as? Int == 2017)
    #expect((sample?["findings"] as? [Any])?.isEmpty == true)
  }

  @Test func anXLSIsValidatedLikeTheWorkbookItWasSavedFrom() throws {
    // bao-cao-mau.xls is LibreOffice's .xls save of the sample; encrypted.xls has a password.
    let run = try thidua(
      "validate", Paths.fixture("hostile/encrypted.xls"), Paths.fixture("producers/xls/bao-cao-mau.xls"), "--json",
      "--lang", "en")
    #expect(run.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let files = json?["files"] as? [[String: Any]] ?? []
    #expect(files.count == 2)
    #expect((files.first?["findings"] as? [[String: Any]])?.map { $0["code"] as? String } == ["encrypted-xls"])
    let sample = files.last
    #expect((sample?["unit"] as? [String: Any])?["code"] as? String == "517")
    #expect(sample?["year"] as? Int == 2017)
    #expect((sample?["findings"] as? [Any])?.isEmpty == true)
  }

  /// Formulas cached as NaN and ±INF, 1e19 in a count and in a nominee's years out of
  /// poverty, 2^63 in a donation: each a finding at its cell, no trap, the rest read.
  @Test func numbersNoFigureCanBeAreFindingsAtTheirCells() throws {
    let run = try thidua("validate", Paths.fixture("edge/non-finite-figures.xlsx"), "--json", "--lang", "en")
    #expect(run.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let file = (json?["files"] as? [[String: Any]])?.first
    let findings = (file?["findings"] as? [[String: Any]] ?? []).map {
      "\($0["sheet"] as? String ?? "")!\($0["cell"] as? String ?? "") \($0["code"] as? String ?? "")"
    }
    #expect(
      findings.sorted() == [
        "Biểu 01!C6 value-out-of-range", "Biểu 01!D5 value-out-of-range", "Biểu 01!E7 value-out-of-range",
        "Biểu 01!J5 value-out-of-range", "Đề nghị!E5 value-out-of-range", "Đề nghị!F5 value-out-of-range",
      ])
    #expect((file?["unit"] as? [String: Any])?["code"] as? String == "517")
  }

  @Test func strictExitsOneOnErrors() throws {
    let run = try thidua("validate", Paths.fixture("hostile/not-a-zip.xlsx"), "--strict")
    #expect(run.status == 1)
    #expect(run.stdout.contains("[not-a-zip]"))
  }
}
