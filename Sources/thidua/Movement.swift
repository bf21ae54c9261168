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
      subcommands: [Check.self, Export.self, Init.self, Diff.self])

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
              : "\(problems.count) problem\(problems.count == 1 ? "" : "s") in the movement definition.")
          throw ExitCode(1)
        }
        let definition = try MovementDefinition(folder: path)
        let standards = definition.standards.count
        print(
          vi
            ? "Định nghĩa phong trào hợp lệ: \(definition.forms.count) biểu mẫu, \(definition.criteria.count) tiêu chí, \(definition.registry.units.count) đơn vị"
              + (standards > 0 ? ", \(standards) chuẩn nghèo." : ".")
            : "The movement definition is sound: \(definition.forms.count) forms, \(definition.criteria.count) criteria, \(definition.registry.units.count) units"
              + (standards > 0 ? ", \(standards) poverty standard\(standards == 1 ? "" : "s")." : ".")
        )
      }
    }
    struct Export: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: Interface.text(
          "Chép định nghĩa kèm theo chương trình (Kế hoạch 5201) vào một thư mục để sửa.",
          "Copy the shipped definition (Plan 5201) into a folder, to edit."),
        discussion: Interface.text(
          "THƯ_MỤC phải chưa có hoặc rỗng. Sửa các tệp, kiểm tra bằng thidua movement check THƯ_MỤC, "
            + "rồi dùng --movement THƯ_MỤC. Mã thoát 2 khi không chép được. Xem docs/movement.md.",
          "DIR must not exist or be empty. Edit the files, check them with thidua movement check DIR, "
            + "then use --movement DIR. Exit status 2 when nothing could be copied. See docs/movement.md."))

      @Argument(help: Interface.help("Thư mục đích.", "The folder to write."))
      var folder: String
      @OptionGroup var common: CommonOptions

      func run() throws {
        let manager = FileManager.default
        let shipped: String
        do throws(MovementError) {
          shipped = try MovementDefinition.shippedFolder()
        } catch {
          throw fail(error.message(.vi), error.message(.en))
        }
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isFolder) {
          guard isFolder.boolValue, (try? manager.contentsOfDirectory(atPath: folder))?.isEmpty == true else {
            throw fail(
              "\(folder) đã có và không rỗng; không ghi đè.", "\(folder) exists and is not empty; nothing overwritten.")
          }
        }
        do {
          try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
          for name in try manager.contentsOfDirectory(atPath: shipped).sorted() {
            try manager.copyItem(
              atPath: (shipped as NSString).appendingPathComponent(name),
              toPath: (folder as NSString).appendingPathComponent(name))
          }
        } catch {
          throw fail("Không chép được vào \(folder).", "Cannot copy into \(folder).")
        }
        let files = (manager.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
          var directory: ObjCBool = false
          return manager.fileExists(atPath: (folder as NSString).appendingPathComponent($0), isDirectory: &directory)
            && !directory.boolValue
        }
        print(
          common.lang == .vi
            ? "Đã chép định nghĩa Kế hoạch 5201 vào \(folder) (\(files.count) tệp). Sau khi sửa: thidua movement check \(folder); dùng với --movement \(folder)."
            : "Copied the Plan 5201 definition into \(folder) (\(files.count) files). After editing: thidua movement check \(folder); use it with --movement \(folder)."
        )
      }

      private func fail(_ vi: String, _ en: String) -> ExitCode {
        FileHandle.standardError.write(Data("thidua: \(common.lang == .vi ? vi : en)\n".utf8))
        return ExitCode(2)
      }
    }

    struct Init: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: Interface.text(
          "Tạo một định nghĩa phong trào tối thiểu (một biểu tự đánh giá) để bắt đầu.",
          "Create a minimal movement definition (one self-assessment form) to start from."),
        discussion: Interface.text(
          "THƯ_MỤC phải chưa có hoặc rỗng. Mọi tên, tiêu chí và đơn vị trong đó là minh họa: sửa rồi kiểm tra "
            + "bằng thidua movement check THƯ_MỤC. Mã thoát 2 khi không ghi được. Xem docs/movement.md.",
          "DIR must not exist or be empty. Every name, criterion and unit in it is illustrative: edit them, then "
            + "check with thidua movement check DIR. Exit status 2 when nothing could be written. See docs/movement.md."
        ))

      @Argument(help: Interface.help("Thư mục đích.", "The folder to write."))
      var folder: String
      @Option(
        help: Interface.help("Năm của phong trào (mặc định: năm nay).", "The movement's year (default: this year)."))
      var year: Int?
      @OptionGroup var common: CommonOptions

      func run() throws {
        let year = year ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        guard (1900...9999).contains(year) else {
          FileHandle.standardError.write(
            Data("thidua: \(common.lang == .vi ? "năm \(year) không hợp lệ" : "year \(year) is not valid")\n".utf8))
          throw ExitCode(2)
        }
        do {
          try MovementStarter.write(to: folder, year: year)
        } catch {
          let why =
            common.lang == .vi
            ? "Không tạo được định nghĩa trong \(folder) (thư mục phải chưa có hoặc rỗng; không ghi đè)."
            : "Cannot create a definition in \(folder) (the folder must not exist or be empty; nothing overwritten)."
          FileHandle.standardError.write(Data("thidua: \(why)\n".utf8))
          throw ExitCode(2)
        }
        print(
          common.lang == .vi
            ? "Đã tạo định nghĩa phong trào tối thiểu năm \(year) trong \(folder). Sửa các tệp, rồi: thidua movement check \(folder); thidua templates --movement \(folder)."
            : "Created a minimal movement definition for \(year) in \(folder). Edit the files, then: thidua movement check \(folder); thidua templates --movement \(folder)."
        )
      }
    }

    struct Diff: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: Interface.text(
          "Liệt kê chỗ khác nhau giữa hai định nghĩa phong trào.", "List what differs between two movement definitions."
        ),
        discussion: Interface.text(
          "Mỗi dòng một chỗ khác: tiêu chí theo mã, trường theo mã trường, đơn vị theo mã đơn vị. "
            + "Mã thoát 0 khi giống nhau, 1 khi khác, 2 khi không đọc được thư mục. Xem docs/movement.md.",
          "One line per difference: criteria by id, fields by code, units by code. "
            + "Exit status 0 when they are the same, 1 when they differ, 2 when a folder cannot be read. "
            + "See docs/movement.md."))

      @Argument(help: Interface.help("Định nghĩa thứ nhất (cũ).", "The first (older) definition."))
      var first: String
      @Argument(help: Interface.help("Định nghĩa thứ hai (mới).", "The second (newer) definition."))
      var second: String
      @OptionGroup var common: CommonOptions

      func run() throws {
        let vi = common.lang == .vi
        for folder in [first, second] {
          var isFolder: ObjCBool = false
          guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            let why = vi ? "\(folder) không phải một thư mục." : "\(folder) is not a folder."
            FileHandle.standardError.write(Data("thidua: \(why)\n".utf8))
            throw ExitCode(2)
          }
        }
        let differences = MovementDiff.differences(first, second)
        guard !differences.isEmpty else {
          print(vi ? "Hai định nghĩa giống nhau." : "The two definitions are the same.")
          return
        }
        for d in differences { print(d.message(common.lang)) }
        print(
          vi
            ? "\(differences.count) chỗ khác nhau."
            : "\(differences.count) difference\(differences.count == 1 ? "" : "s").")
        throw ExitCode(1)
      }
    }
  }
}
