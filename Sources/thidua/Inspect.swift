import ArgumentParser
import Foundation
import SheetIO
import ThiDuaCore

extension Thidua {
  struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Interface.text(
        "Liệt kê các trang của sổ tính: tên, trạng thái, vùng có dữ liệu, vùng gộp ô.",
        "List the sheets of a workbook: name, state, used range, merged ranges."),
      discussion: Interface.text(
        "Mọi ô đều được đọc, nên vùng có dữ liệu đúng cả khi <dimension> sai. Xem docs/cli.md.",
        "Every cell is read, so the used range is exact even when <dimension> is wrong. See docs/cli.md."))

    @Argument(help: Interface.workbookArgument) var file: String
    @Flag(help: Interface.help("In JSON (cấu trúc trong docs/cli.md).", "Print JSON (schema in docs/cli.md)."))
    var json = false
    @OptionGroup var common: CommonOptions
    @OptionGroup var input: EncodingOption

    func run() throws {
      if let kind = Inbox.container(path: file) { return try inspectContainer(kind) }
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

    /// The files in an archive or an e-mail, each with its size, format and SHA-256, or
    /// its finding, and the e-mail it came with.
    private func inspectContainer(_ kind: ContainerFormat) throws {
      let listing = try Inbox.members(ofContainer: file, kind)
      let members = listing.files.map { member in
        ContainerListing.Member(
          name: member.name, size: member.size, sha256: member.sha256.isEmpty ? nil : member.sha256,
          format: member.problem == nil ? (try? FormatSniffer.format(ofFileAt: member.path))??.rawValue : nil,
          problem: member.problem.map { Messages.text($0, common.lang) },
          mail: member.mail.map(MailJSON.init))
      }
      let report = ContainerListing(file: file, format: kind.rawValue, members: members)
      print(json ? report.json() : report.text(common.lang))
    }
  }
}
