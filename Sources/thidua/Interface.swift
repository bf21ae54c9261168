import ArgumentParser
import Foundation
import SheetIO

/// The language of the command line itself: help, usage and argument errors follow
/// `--lang` like every other message (Vietnamese by default). It is read from the
/// arguments before they are parsed, since the help texts are built while parsing.
enum Interface {
  static let language: Language = language(in: CommandLine.arguments)

  /// The value of the last `--lang X` or `--lang=X`; Vietnamese when there is none or it
  /// is not a language (the parser then reports it, in Vietnamese).
  static func language(in arguments: [String]) -> Language {
    var found = Language.vi
    for (i, argument) in arguments.enumerated() {
      if argument == "--" { break }
      let value: String?
      if argument == "--lang" {
        value = i + 1 < arguments.count ? arguments[i + 1] : nil
      } else if argument.hasPrefix("--lang=") {
        value = String(argument.dropFirst("--lang=".count))
      } else {
        continue
      }
      if let value, let language = Language(rawValue: value) { found = language }
    }
    return found
  }

  static func text(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
  static func help(_ vi: String, _ en: String) -> ArgumentHelp { ArgumentHelp(text(vi, en)) }

  // The help texts several commands share.
  static let workbookArgument = help(
    "Sổ tính (.xlsx, .xls, .ods), tệp CSV, trang HTML, XML Excel 2003 hoặc văn bản Word .docx; định dạng theo nội dung tệp.",
    "The workbook (.xlsx, .xls, .ods), CSV file, HTML page, Excel 2003 XML or Word .docx; the content decides the format."
  )
  static let movementOption = help(
    "Thư mục định nghĩa phong trào (mặc định: Kế hoạch 5201 kèm theo chương trình).",
    "Folder with a movement definition (default: the shipped Plan 5201).")
  static let strictFlag = help("Thoát với mã 1 khi có phát hiện mức lỗi.", "Exit 1 when there is an error finding.")

  /// Parses and runs the command as `ParsableCommand.main()` does, but prints help,
  /// usage and argument errors in the interface's language.
  static func main(_ command: any ParsableCommand.Type) -> Never {
    do {
      var parsed = try command.parseAsRoot()
      try parsed.run()
      exit(0)
    } catch {
      let status = command.exitCode(for: error)
      let message = translated(command.fullMessage(for: error))
      if !message.isEmpty {
        if status == .success {
          print(message)
        } else {
          FileHandle.standardError.write(Data((message + "\n").utf8))
        }
      }
      exit(status.rawValue)
    }
  }

  /// The parser's own words (headings, usage errors) in Vietnamese; the option names and
  /// values stay as they are typed.
  static func translated(_ message: String) -> String {
    guard language == .vi else { return message }
    var text = message
    for (english, vietnamese) in phrases { text = text.replacingOccurrences(of: english, with: vietnamese) }
    for (pattern, template) in sentences() {
      text = text.replacing(pattern) { match in
        var out = template
        for (i, capture) in match.output.dropFirst().enumerated() {
          out = out.replacingOccurrences(of: "\\\(i + 1)", with: capture.substring.map(String.init) ?? "")
        }
        return out
      }
    }
    return text
  }

  private static let phrases: [(String, String)] = [
    ("OVERVIEW: ", "TỔNG QUAN: "), ("USAGE: ", "CÁCH DÙNG: "), ("ARGUMENTS:", "THAM SỐ:"),
    ("OPTIONS:", "TÙY CHỌN:"), ("SUBCOMMANDS:", "LỆNH CON:"),
    ("See 'thidua help <subcommand>' for detailed help.", "Xem 'thidua help <lệnh con>' để biết chi tiết."),
    ("Show help information.", "Hiện hướng dẫn này."), ("Show the version.", "Hiện phiên bản."),
    ("(default: ", "(mặc định: "), ("(values: ", "(giá trị: "), ("; default: ", "; mặc định: "),
    ("<subcommand>", "<lệnh con>"), ("Error: ", "Lỗi: "), ("Help:  ", "Trợ giúp:  "), ("Usage: ", "Cách dùng: "),
  ]

  /// Built for each use: a `Regex` is not `Sendable`, and this runs once a process.
  private static func sentences() -> [(Regex<AnyRegexOutput>, String)] {
    [
      (#"The value '(.*?)' is invalid for '(.*?)'"#, "Giá trị '\\1' không hợp lệ cho '\\2'"),
      (#"Missing expected argument '(.*?)'"#, "Thiếu tham số '\\1'"),
      (#"Missing value for '(.*?)'"#, "Thiếu giá trị cho '\\1'"),
      (#"Unknown option '(.*?)'"#, "Không có tùy chọn '\\1'"),
      (#"Unexpected arguments?: (.*)"#, "Tham số không dùng được: \\1"),
      (#"Did you mean '(.*?)'\?"#, "Có phải là '\\1'?"),
      (#"See '(.*?)' for more information\."#, "Xem '\\1' để biết thêm."),
      (#"Unexpected argument '(.*?)'"#, "Tham số thừa '\\1'"),
      (#"Please provide one of '(.*?)' and '(.*?)'\."#, "Hãy dùng '\\1' hoặc '\\2'."),
      (#"Please provide one of (.*)\."#, "Hãy dùng một trong các giá trị: \\1."),
    ].map { (try! Regex($0.0), $0.1) }
  }
}
