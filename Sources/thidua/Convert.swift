import ArgumentParser
import Foundation
import SheetIO

extension Thidua {
  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Interface.text(
        "Ghi một trang của sổ tính thành CSV UTF-8 chuẩn.", "Write one sheet of a workbook as canonical UTF-8 CSV."),
      discussion: Interface.text(
        """
        Dòng N của CSV là dòng N của trang, từ dòng 1 đến dòng cuối có giá trị; cột M là cột M \
        của trang, đến cột cuối có giá trị. Xem docs/cli.md.
        """,
        """
        Row N of the CSV is sheet row N, from row 1 to the last row with a value; column M \
        is sheet column M up to the last column with a value. See docs/cli.md.
        """))

    enum Format: String, ExpressibleByArgument { case csv }

    @Argument(help: Interface.workbookArgument) var file: String
    @Option(help: Interface.help("Định dạng kết quả.", "Output format.")) var to: Format = .csv
    @Option(
      help: Interface.help(
        "Tên trang (mặc định: trang đầu tiên của sổ tính).", "Sheet name (default: the first sheet in workbook order).")
    )
    var sheet: String?
    @Option(
      help: Interface.help(
        "Đường dẫn kết quả, hoặc - để in ra đầu ra chuẩn (mặc định: FILE với đuôi .csv).",
        "Output path, or - for standard output (default: FILE with .csv)."))
    var out: String?
    @Option(
      help: Interface.help(
        "Cách in các ghi chú của bộ đọc (số mơ hồ, dấu ngoặc đã sửa) ra luồng lỗi: text hoặc json.",
        "How the reader's notes (ambiguous numbers, quoting repairs) go to standard error: text or json."))
    var notes: ReadNotesOutput.Format = .text
    @OptionGroup var common: CommonOptions
    @OptionGroup var input: EncodingOption

    func run() throws {
      let destination = out ?? (file as NSString).deletingPathExtension + ".csv"
      do {
        let workbook = try Workbooks.open(path: file, encoding: input.resolved)
        let chosen =
          try sheet.map { (name) throws(SheetReadError) in try workbook.sheet(named: name) } ?? workbook.sheets.first
        guard let chosen else {
          throw SheetReadError.missingPart(Location(file: file), part: "sheet")
        }
        // Standard output gets the CSV only once it is complete, like a file would.
        let target =
          destination == "-"
          ? FileManager.default.temporaryDirectory.appendingPathComponent("thidua-\(UUID().uuidString).csv")
          : URL(fileURLWithPath: destination)
        let output = try AtomicFile(destination: target)
        let readNotes = try SheetCSVExport.write(workbook, sheet: chosen, to: output)
        try output.commit(sync: destination != "-")
        ReadNotesOutput(file: file, sheet: chosen.name, notes: readNotes, language: common.lang).write(notes)
        if destination == "-" {
          defer { try? FileManager.default.removeItem(at: target) }
          let handle = try FileHandle(forReadingFrom: target)
          while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            FileHandle.standardOutput.write(chunk)
          }
        }
      } catch let error as SheetReadError {
        throw exitForReadError(error, language: common.lang)
      }
    }
  }
}
