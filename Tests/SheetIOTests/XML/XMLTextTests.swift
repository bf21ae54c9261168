import Testing

@testable import SheetIO

@Suite struct XMLTextTests {
  @Test(arguments: [
    ("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;", "a <b> & \"c\" 'd'"),
    ("&#7843;&#x1EA1;&#X1EA1;", "ảạ&#X1EA1;"),
    ("dòng\r\nmới\rnữa", "dòng\nmới\nnữa"),
    ("&#13;", "\r"),
  ])
  func decodesEntitiesAndLineEnds(_ raw: String, _ expected: String) {
    var out: [UInt8] = []
    let ok = Array(raw.utf8).withUnsafeBufferPointer { XMLText.decode($0, into: &out) }
    if expected.contains("&#X") {
      #expect(!ok)  // `&#X…;` is not a character reference (XML 1.0 §4.1: lower-case x only)
    } else {
      #expect(ok)
      #expect(String(decoding: out, as: UTF8.self) == expected)
    }
  }

  @Test(arguments: ["&nbsp;", "&#0;", "&#xD800;", "&#x110000;", "&;", "&amp"])
  func refusesBadReferences(_ raw: String) {
    var out: [UInt8] = []
    #expect(!Array(raw.utf8).withUnsafeBufferPointer { XMLText.decode($0, into: &out) })
  }

  @Test(arguments: [
    ("_x0041_", "A"),
    ("_x005F_x0041_", "_x0041_"),
    ("_xD83D__xDE00_", "😀"),
    ("_xD83D_", "\u{FFFD}"),
    ("tab_x0009_end", "tab\tend"),
    ("_x00zz_", "_x00zz_"),
    ("_x41_", "_x41_"),
  ])
  func unescapesOOXMLEscapes(_ raw: String, _ expected: String) {
    #expect(String(decoding: XMLText.unescapeOOXML(Array(raw.utf8)), as: UTF8.self) == expected)
  }
}
