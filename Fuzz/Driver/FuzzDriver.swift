// The entry point the fuzz targets share. SwiftPM renames an executable's `main`, so
// libFuzzer's own never runs: under THIDUA_FUZZ the program hands itself to libFuzzer's
// driver (`LLVMFuzzerRunDriver`); an ordinary build replays the files named on its
// command line instead, for a reproducer.
import Foundation

/// libFuzzer's callback: one input, 0 when done.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> Int32

#if THIDUA_FUZZ
  @_silgen_name("LLVMFuzzerRunDriver")
  private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzCallback
  ) -> Int32
#endif

/// Runs libFuzzer with `callback`, or (an ordinary build) `callback` on each file named on
/// the command line, printing `FILE: ok` after each that passes; then exits.
public func fuzzMain(_ callback: FuzzCallback) -> Never {
  #if THIDUA_FUZZ
    var count = CommandLine.argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(runDriver(&count, &arguments, callback))
  #else
    for path in CommandLine.arguments.dropFirst() {
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      _ = data.withUnsafeBytes { raw in
        callback(raw.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!, raw.count)
      }
      print("\(path): ok")
    }
    exit(0)
  #endif
}
