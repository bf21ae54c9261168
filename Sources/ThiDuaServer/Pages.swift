import Foundation
import Mustache

/// The pages' templates (`Pages/*.mustache`, served from thidua itself: nothing is
/// fetched from elsewhere), each rendered into the layout. Mustache escapes every value
/// it is given with `{{…}}`: a file's name or a finding's text cannot become markup.
struct Pages: Sendable {
  let library: MustacheLibrary
  let styleSheet: String
  let uploadScript: String

  init() throws {
    var library = MustacheLibrary()
    for name in ["layout", "login", "inbox", "unit", "source"] {
      try library.register(try Self.resource(name, "mustache"), named: name)
    }
    self.library = library
    styleSheet = try Self.resource("thidua", "css")
    uploadScript = try Self.resource("upload", "js")
  }

  static func resource(_ name: String, _ ext: String) throws -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Pages") else {
      throw CocoaError(.fileNoSuchFile)
    }
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// `page` rendered with `values`, inside the layout with `frame` (title, user, words).
  func render(_ page: String, _ values: [String: Any], frame: [String: Any]) -> String {
    let body = library.render(values.merging(frame) { mine, _ in mine }, withTemplate: page) ?? ""
    return library.render(frame.merging(["body": body]) { $1 }, withTemplate: "layout") ?? body
  }
}
