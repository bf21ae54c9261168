public import ArgumentParser
import Foundation
public import SheetIO

extension Language: ExpressibleByArgument {}

struct CommonOptions: ParsableArguments {
  @Option(help: "Language of messages: vi or en.")
  var lang: Language = .vi
}

/// Reports a read error the way every subcommand does: the message on standard error,
/// the error's own exit status.
func exitForReadError(_ error: SheetReadError, language: Language) -> ExitCode {
  let label = language == .vi ? "lỗi" : "error"
  FileHandle.standardError.write(Data("thidua: \(label) [\(error.code)]: \(error.message(language))\n".utf8))
  return ExitCode(error.exitStatus)
}
