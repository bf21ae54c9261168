import ArgumentParser
import Foundation
import SheetIO
import ThiDuaCore

extension Thidua {
  struct Movement: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Interface.text(
        "Làm việc với định nghĩa phong trào (biểu mẫu, tiêu chí, đơn vị).",
        "Work with movement definitions (forms, criteria, units)."),
      subcommands: [Check.self])

    struct Check: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: Interface.text(
          "Báo lỗi của một định nghĩa phong trào hỏng hoặc không nhất quán trước khi dùng nó.",
          "Report a broken or inconsistent movement definition before anything runs on it."),
        discussion: Interface.text(
          "Mã thoát 0 khi định nghĩa hợp lệ, 1 khi có lỗi. Xem docs/movement.md.",
          "Exit status 0 when the definition is sound, 1 when problems were found. See docs/movement.md."))

      @Argument(
        help: Interface.help(
          "Thư mục định nghĩa (mặc định: Kế hoạch 5201 kèm theo chương trình).",
          "The definition's folder (default: the shipped Plan 5201)."))
      var folder: String?
      @OptionGroup var common: CommonOptions

      func run() throws {
        let vi = common.lang == .vi
        let path: String
        do {
          path = try folder ?? MovementDefinition.shippedFolder()
        } catch let error as MovementError {
          FileHandle.standardError.write(Data("thidua: \(error.message(common.lang))\n".utf8))
          throw ExitCode(2)
        }
        let problems = MovementCheck.problems(folder: path)
        guard problems.isEmpty else {
          for problem in problems { print("[\(problem.code)] \(problem.message(common.lang))") }
          print(
            vi
              ? "\(problems.count) lỗi trong định nghĩa phong trào."
              : "\(problems.count) problems in the movement definition.")
          throw ExitCode(1)
        }
        let definition = try MovementDefinition(folder: path)
        print(
          vi
            ? "Định nghĩa phong trào hợp lệ: \(definition.forms.count) biểu mẫu, \(definition.criteria.count) tiêu chí, \(definition.registry.units.count) đơn vị."
            : "The movement definition is sound: \(definition.forms.count) forms, \(definition.criteria.count) criteria, \(definition.registry.units.count) units."
        )
      }
    }
  }
}
