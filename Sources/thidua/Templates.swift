import ArgumentParser
import Foundation
import SheetIO
import ThiDuaCore

extension Thidua {
  struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Interface.text(
        "Ghi các sổ tính mẫu báo cáo để đơn vị điền.", "Write the blank report workbooks that units fill in."),
      discussion: Interface.text(
        """
        Một sổ tính cho một đơn vị (--unit), một cho cả một loại đơn vị (--category), hoặc, \
        khi không có cả hai, một cho mỗi đơn vị trong danh mục. Xem docs/templates.md.
        """,
        """
        One workbook per unit (--unit), one for a whole category of units (--category), \
        or, with neither, one per unit in the registry. See docs/templates.md.
        """))

    @Option(help: Interface.help("Mã đơn vị trong danh mục, ví dụ 517.", "A unit code from the registry, such as 517."))
    var unit: String?
    @Option(help: Interface.help("Loại đơn vị, ví dụ HUYEN hoặc XA.", "A unit category, such as HUYEN or XA."))
    var category: String?
    @Option(help: Interface.help("Thư mục kết quả.", "Output folder.")) var out: String = "out/mau"
    @Option(help: Interface.movementOption) var movement: String?
    @Option(
      help: Interface.help(
        "Năm báo cáo: ghi vào ô năm của mẫu và vào tên tệp.",
        "The year reported on: typed in the templates' year cells and in their file names."))
    var year: Int?
    @Option(
      help: Interface.help(
        "Thời điểm tạo, số giây từ năm 1970 (mặc định: SOURCE_DATE_EPOCH, không có thì ngày của kế hoạch).",
        "Creation time stamp, seconds since 1970 (default: SOURCE_DATE_EPOCH, else the plan's date)."))
    var created: Int?
    @OptionGroup var common: CommonOptions

    func validate() throws {
      if unit != nil && category != nil {
        throw ValidationError(
          Interface.text("Chỉ dùng --unit hoặc --category, không dùng cả hai.", "Give --unit or --category, not both."))
      }
    }

    func run() throws {
      let vi = common.lang == .vi
      do {
        let definition = try loadMovement(movement, language: common.lang)
        let stamp =
          created ?? ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
          ?? definition.planDate
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        if let year, !definition.years.contains(year) {
          throw ValidationError(
            (vi ? "Năm \(year) không thuộc phong trào: " : "\(year) is not a year of the movement: ")
              + definition.years.map(String.init).joined(separator: ", "))
        }
        var writer = TemplateWriter(movement: definition)
        writer.year = year
        let suffix = year.map { "-\($0)" } ?? ""
        var jobs: [(RegistryUnit?, String, String)] = []
        if let code = unit {
          guard let found = definition.registry.unit(code: code) else { throw MovementError.unknownUnit(code) }
          jobs.append((found, found.category, "mau-\(fileStem(found.code))\(suffix).xlsx"))
        } else if let category {
          _ = try definition.forms(forCategory: category)
          jobs.append((nil, category, "mau-\(category)\(suffix).xlsx"))
        } else {
          for u in definition.registry.units where definition.formsByCategory[u.category] != nil {
            jobs.append((u, u.category, "mau-\(fileStem(u.code))\(suffix).xlsx"))
          }
        }
        for (u, cat, name) in jobs {
          let path = (out as NSString).appendingPathComponent(name)
          let sheets = try writer.write(unit: u, category: cat, to: path, created: stamp)
          print("\(path): \(sheets.joined(separator: ", "))")
        }
        print(vi ? "Đã viết \(jobs.count) mẫu báo cáo vào \(out)." : "Wrote \(jobs.count) templates to \(out).")
      } catch let error as MovementError {
        FileHandle.standardError.write(Data("thidua: \(vi ? "lỗi" : "error"): \(error.message(common.lang))\n".utf8))
        throw ExitCode(2)
      } catch let error as WriteError {
        FileHandle.standardError.write(
          Data("thidua: \(vi ? "lỗi" : "error") [\(error.code)]: \(error.message(common.lang))\n".utf8))
        throw ExitCode(1)
      }
    }

    private func fileStem(_ code: String) -> String {
      String(code.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
    }
  }
}
