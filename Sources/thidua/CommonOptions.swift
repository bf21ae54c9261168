public import ArgumentParser
import Foundation
public import SheetIO
import ThiDuaCore

extension Language: ExpressibleByArgument {}

struct CommonOptions: ParsableArguments {
  @Option(help: Interface.help("Ngôn ngữ của thông báo: vi hoặc en.", "Language of messages: vi or en."))
  var lang: Language = .vi
}

/// How to read a CSV file's text.
struct EncodingOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      Interface.text("Bảng mã của tệp CSV (mặc định: tự nhận ra).", "Text encoding of CSV input (default: detected)."),
      discussion: "utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, windows-1252."))
  var encoding: String?

  func validate() throws {
    if let encoding, TextEncoding(name: encoding) == nil {
      throw ValidationError(
        Interface.text("Không có bảng mã '\(encoding)'. Các bảng mã: ", "Unknown encoding '\(encoding)'. Known: ")
          + "utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, windows-1252.")
    }
  }

  var resolved: TextEncoding? { encoding.flatMap(TextEncoding.init(name:)) }
}

/// Reports a read error the way every subcommand does: the message on standard error,
/// the error's own exit status.
func exitForReadError(_ error: SheetReadError, language: Language) -> ExitCode {
  let label = language == .vi ? "lỗi" : "error"
  FileHandle.standardError.write(Data("thidua: \(label) [\(error.code)]: \(error.message(language))\n".utf8))
  return ExitCode(error.exitStatus)
}

/// The movement definition in `folder`, or the shipped one; a broken definition is
/// reported on standard error and ends the command with status 2.
func loadMovement(_ folder: String?, language: Language) throws -> MovementDefinition {
  do throws(MovementError) {
    // A definition the check rejects is refused before anything runs on it.
    if let folder { return try MovementDefinition.checked(folder: folder) }
    return try MovementDefinition.shipped()
  } catch {
    let label = language == .vi ? "lỗi" : "error"
    FileHandle.standardError.write(Data("thidua: \(label): \(error.message(language))\n".utf8))
    throw ExitCode(2)
  }
}
