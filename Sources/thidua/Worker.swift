import ArgumentParser
import Foundation
import SheetIO
import ThiDuaCore

extension Thidua {
  /// The worker process of `convert-and-validate`: not for people to run.
  struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "worker",
      abstract: "Read and check the files named on standard input, one JSON line each (used by convert-and-validate).",
      shouldDisplay: false)

    @Option(help: Interface.movementOption) var movement: String?

    func run() throws {
      Worker.run(movement: try loadMovement(movement, language: .en))
    }
  }
}

extension WorkerPool {
  /// Workers that are this program run as `thidua worker`, with the definition given.
  static func commandLine(movement: String?, jobs: Int) -> WorkerPool {
    WorkerPool(
      executable: Thidua.ConvertAndValidate.executable,
      arguments: ["worker"] + (movement.map { ["--movement", $0] } ?? []), jobs: jobs)
  }
}
