// libFuzzer target for the whole pipeline: bytes → workbook → intake → rules → review →
// report.json. Built with `scripts/fuzz/pipeline` (-sanitize=fuzzer,address and
// -parse-as-library, so that libFuzzer's main is the program's); in an ordinary build
// this file defines the entry point and nothing calls it.
import Foundation
import SheetIO
import ThiDuaCore

/// One inbox folder per process, holding the one file under test.
private let inbox: String = {
  let folder = NSTemporaryDirectory() + "thidua-fuzz-\(getpid())"
  try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  return folder
}()

private let movement: MovementDefinition = {
  do { return try MovementDefinition.shipped() } catch { fatalError("the shipped movement does not load: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let path = inbox + "/submission"
  guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else { return 0 }
  var review = Review(movement: movement)
  review.threads = 1
  guard let result = try? review.run(inbox: inbox) else { return 0 }
  for finding in result.findings {
    _ = Messages.text(finding, .vi)
    _ = Messages.text(finding, .en)
  }
  // The report must encode, and be JSON that parses.
  guard let text = try? ReviewJSON(result, movement: movement, language: .vi).text(),
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil
  else { fatalError("report.json did not encode or parse") }
  return 0
}
