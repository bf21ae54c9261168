import Foundation

extension Encodable {
  /// The JSON the command line prints: keys sorted, indented, slashes as they are.
  var prettyJSON: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}
