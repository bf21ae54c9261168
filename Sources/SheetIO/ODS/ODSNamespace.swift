/// The OpenDocument namespaces the .ods reader looks at, told apart by URI so that any
/// prefix works (`<t:table-cell>` as well as `<table:table-cell>`).
///
/// URIs from ODF 1.2 Part 1, §1.5 (and LibreOffice's `calcext` extension, which it
/// uses to mark error results of formulas).
enum ODSNamespace: UInt8, Sendable {
  /// An unprefixed attribute, or an unprefixed element with no default namespace.
  case none
  case office, table, text, style, fo, svg, number, calcext, draw
  /// Any other namespace: its elements are skipped, its attributes ignored.
  case other

  private static let byURI: [String: ODSNamespace] = [
    "urn:oasis:names:tc:opendocument:xmlns:office:1.0": .office,
    "urn:oasis:names:tc:opendocument:xmlns:table:1.0": .table,
    "urn:oasis:names:tc:opendocument:xmlns:text:1.0": .text,
    "urn:oasis:names:tc:opendocument:xmlns:style:1.0": .style,
    "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0": .fo,
    "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0": .svg,
    "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0": .number,
    "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0": .calcext,
    "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0": .draw,
  ]

  /// The conventional prefixes, used for a prefix the document never declares: files
  /// written by hand sometimes leave the declarations out.
  private static let byConventionalPrefix: [String: ODSNamespace] = [
    "office": .office, "table": .table, "text": .text, "style": .style, "fo": .fo, "svg": .svg,
    "number": .number, "calcext": .calcext, "draw": .draw,
  ]

  init(uri: String) { self = ODSNamespace.byURI[uri] ?? .other }

  init(undeclaredPrefix prefix: String) { self = ODSNamespace.byConventionalPrefix[prefix] ?? .other }
}
