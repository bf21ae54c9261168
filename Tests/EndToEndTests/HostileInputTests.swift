import Foundation
import TestSupport
import Testing

/// Every hostile fixture exits with its own status and message, in both languages, and
/// leaves no output file behind; the ones listed as benign (code `-`) read and convert.
@Suite struct HostileInputTests {
  static let all = readTSV("hostile/expected.tsv").map { ($0[0], $0[1], Int32($0[2]) ?? -1) }
  static let cases = all.filter { $0.1 != "-" }
  static let benign = all.filter { $0.1 == "-" }.map(\.0)

  @Test(arguments: cases)
  func convertRefusesAndWritesNothing(_ file: String, _ code: String, _ status: Int32) throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out.csv").path
    let vi = try thidua("convert", Paths.fixture("hostile/" + file), "--out", out)
    #expect(vi.status == status)
    #expect(vi.stderr.hasPrefix("thidua: lỗi [\(code)]: "))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    let en = try thidua("inspect", Paths.fixture("hostile/" + file), "--lang", "en")
    #expect(en.status == status)
    #expect(en.stderr.hasPrefix("thidua: error [\(code)]: "))
    #expect(en.stdout.isEmpty)
  }

  @Test(arguments: benign)
  func benignFilesConvert(_ file: String) throws {
    let folder = try Paths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out.csv").path
    let run = try thidua("convert", Paths.fixture("hostile/" + file), "--out", out)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("1"))
  }
}
