import ArgumentParser

@main
struct Thidua: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "thidua",
    abstract: "Check, score and rank the report workbooks of an emulation movement.",
    version: "0.1.0",
    subcommands: [
      ConvertAndValidate.self, Convert.self, Inspect.self, Validate.self, Templates.self, Movement.self,
      WorkerCommand.self,
    ])
}
