import ArgumentParser
import Foundation
import SheetIO

extension Thidua {
  struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the sheets of a workbook: name, state, used range, merged ranges.",
      discussion: "Every cell is read, so the used range is exact even when <dimension> is wrong. See docs/cli.md.")

    @Argument(help: "The workbook (.xlsx, .xls, .ods) or CSV file (.csv, .tsv, .txt).") var file: String
    @Flag(help: "Print JSON (schema in docs/cli.md).") var json = false
    @OptionGroup var common: CommonOptions
    @OptionGroup var input: EncodingOption

    func run() throws {
      do {
        let workbook = try Workbooks.open(path: file, encoding: input.resolved)
        var summaries: [SheetSummary] = []
        for sheet in workbook.sheets { summaries.append(try SheetSummary(workbook: workbook, sheet: sheet)) }
        let report = InspectReport(file: file, workbook: workbook, summaries: summaries, language: common.lang)
        print(json ? report.json() : report.text(common.lang))
      } catch {
        throw exitForReadError(error, language: common.lang)
      }
    }
  }
}
