// libFuzzer target for the whole pipeline: bytes → workbook → intake → rules → review →
// report.json. `scripts/fuzz/pipeline` builds it with -sanitize=fuzzer,address and
// THIDUA_FUZZ, under which the program's entry point hands over to libFuzzer's driver
// (`LLVMFuzzerRunDriver`); an ordinary build replays the files named on its command
// line, for a reproducer.
import Foundation
import FuzzDriver
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

fuzzMain { fuzzPipeline($0, $1) }
