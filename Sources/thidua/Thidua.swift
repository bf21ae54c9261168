import ArgumentParser

@main
struct Thidua: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "thidua",
    abstract: Interface.text(
      "Kiểm tra, chấm điểm và xếp hạng các sổ tính báo cáo của một phong trào thi đua.",
      "Check, score and rank the report workbooks of an emulation movement."),
    version: BuildInfo.version + (BuildInfo.commit.map { " (commit \($0))" } ?? ""),
    subcommands: [
      ConvertAndValidate.self, Convert.self, Inspect.self, Validate.self, Templates.self, Decisions.self, Movement.self,
      Import.self, Serve.self,
      WorkerCommand.self,
    ])

  static func main() { Interface.main(Self.self) }
}
