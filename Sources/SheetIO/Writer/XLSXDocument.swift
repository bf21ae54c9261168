import Foundation

/// A workbook being written with libxlsxwriter, saved atomically.
///
/// ```swift
/// let doc = try XLSXDocument(path: "out/tong-hop.xlsx", created: 1_506_470_400)
/// let sheet = try doc.addSheet("Tổng hợp")
/// try sheet.writeText("Tên xã", at: CellAddress("A1")!, style: .plain.with { $0.bold = true })
/// try doc.save()
/// ```
///
/// The workbook is built in a temporary file beside `path` and renamed into place by
/// `save()`: a failure, or a document dropped unsaved, leaves no partial file and never
/// replaces a good one. The same content and the same `created` give identical bytes.
public final class XLSXDocument {
  public let path: String
  private let temporaryPath: String
  private let book: LibXLSXWorkbook
  private var namer = SheetNamer()
  private var saved = false
  public var properties = DocumentProperties()
  /// Text custom properties (docProps/custom.xml), written in name order.
  public var customProperties: [String: String] = [:]
  /// Seconds since 1970 written as the creation time: the caller's `created`, else
  /// `SOURCE_DATE_EPOCH`, else now.
  public let created: Int

  /// - Parameter constantMemory: stream each sheet row by row (rows must then be
  ///   written in order); for large outputs.
  public init(path: String, created: Int? = nil, constantMemory: Bool = false) throws(WriteError) {
    self.path = path
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    temporaryPath =
      url.deletingLastPathComponent().appendingPathComponent(
        ".\(url.lastPathComponent).\(UUID().uuidString).tmp"
      ).path
    self.created =
      created ?? ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
      ?? WholeNumber.clamped(Date().timeIntervalSince1970, to: 0...Int.max)
    guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder) else {
      throw .io(path: path, reason: "no such folder")
    }
    book = try LibXLSXWorkbook(
      path: temporaryPath, constantMemory: constantMemory, temporaryFolder: NSTemporaryDirectory())
  }

  deinit {
    if !saved { try? FileManager.default.removeItem(atPath: temporaryPath) }
  }

  /// The header printed on every page whose print set-up gives none (Excel's codes:
  /// `&R` right, `&8` 8 points); set it before the sheets' print set-ups.
  public var pageHeader: String? {
    get { book.pageHeader }
    set { book.pageHeader = newValue }
  }

  /// Adds a sheet named as close to `name` as Excel allows (see `SheetNamer`).
  public func addSheet(_ name: String) throws(WriteError) -> SheetWriter {
    let valid = try namer.name(for: name)
    let index = try book.addWorksheet(valid)
    return SheetWriter(name: valid, index: index, book: book)
  }

  /// Adds a sheet that holds only `spec`'s chart, as big as the page: a chart there
  /// cannot straddle a page break or hide cells.
  public func addChartSheet(_ name: String, _ spec: ChartSpec, setup: PrintSetup = PrintSetup()) throws(WriteError) {
    guard !spec.series.isEmpty else { throw .library(code: -1, message: "a chart needs at least one series") }
    try book.chartsheet(try namer.name(for: name), spec, setup)
  }

  /// A workbook-level defined name, such as `_thidua_fields` → `='Biểu 01'!$A$5:$J$5`.
  public func defineName(_ name: String, refersTo formula: String) throws(WriteError) {
    try book.defineName(name, formula)
  }

  /// Writes the workbook and moves it into place.
  public func save() throws(WriteError) {
    try book.setProperties(properties, created: created)
    for (name, value) in customProperties.sorted(by: { $0.key < $1.key }) { try book.setCustomProperty(name, value) }
    do {
      try book.close()
    } catch {
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw error
    }
    // rename(2) replaces the target atomically (same folder, same file system).
    guard rename(temporaryPath, path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw .io(path: path, reason: reason)
    }
    saved = true
  }
}
