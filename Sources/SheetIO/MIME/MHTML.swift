import Foundation

/// MHTML (RFC 2557), the "single file web page" that Excel and browsers save (`.mht`,
/// often renamed `.xls`): a MIME message whose HTML parts hold the tables.
enum MHTML {
  /// Whether the text opens as a MIME message of web pages: header lines first, a
  /// `MIME-Version`, and a `multipart/related` or `text/html` content type.
  static func looks(_ head: [UInt8]) -> Bool {
    let text = String(decoding: head.prefix(4096), as: UTF8.self).lowercased()
    guard let first = text.unicodeScalars.first, first.properties.isAlphabetic else { return false }
    let blank = text.replacingOccurrences(of: "\r\n", with: "\n").range(of: "\n\n")
    let headers = blank.map { String(text.replacingOccurrences(of: "\r\n", with: "\n")[..<$0.lowerBound]) } ?? text
    return headers.contains("mime-version:")
      && (headers.contains("multipart/related") || headers.contains("content-type: text/html"))
  }

  /// The HTML parts of the message, each as UTF-8, in order.
  static func pages(_ bytes: [UInt8], given: TextEncoding?) -> [[UInt8]] {
    MIMEParser.parse(bytes).leaves.compactMap { part in
      let (type, parameters) = part.contentType
      guard type == "text/html" else { return nil }
      let declared = parameters["charset"].flatMap { TextEncoding(name: $0) }
      return HTMLEncoding.utf8(part.body, HTMLEncoding.decide(part.body, given: given ?? declared))
    }
  }
}
