import Foundation
import TestSupport
import Testing

@testable import SheetIO

/// Paths of committed fixtures, found from this source file's location.
enum Fixtures {
  static let root = URL(fileURLWithPath: fixturePath(""))

  static func path(_ relative: String) -> String { fixturePath(relative) }

  /// Relative paths of every `.xlsx` (or `.xls`) under `folder` that has an
  /// `.expected.txt` beside it.
  static func withExpectations(in folders: [String], extension ext: String = ".xlsx") -> [String] {
    var found: [String] = []
    for folder in folders {
      let dir = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: dir.path) else { continue }
      for case let name as String in walker where name.hasSuffix(ext) {
        let expected = dir.appendingPathComponent(String(name.dropLast(ext.count)) + ".expected.txt")
        if FileManager.default.fileExists(atPath: expected.path) { found.append(folder + "/" + name) }
      }
    }
    return found.sorted()
  }

  static func expected(for relative: String) throws -> String {
    let stem = relative.hasSuffix(".xlsx") ? relative.dropLast(5) : relative.dropLast(4)
    return try String(contentsOfFile: path(stem + ".expected.txt"), encoding: .utf8)
  }
}

/// A text dump of a whole workbook: one header line per sheet, then one line per cell
/// with a value, `A1<TAB>kind<TAB>canonical text` with `\n`, `\r`, `\t`, `\\` escaped.
func dump(_ workbook: any SheetSource) throws -> String {
  var lines: [String] = []
  for sheet in workbook.sheets {
    let reader = try workbook.rows(of: sheet)
    var cells: [String] = []
    while let row = try reader.next() {
      for cell in row.cells where !cell.value.isEmpty {
        cells.append("\(cell.address)\t\(kind(cell.value))\t\(escape(CanonicalCSV.text(cell.value)))")
      }
    }
    let merged = reader.mergedRanges.map(\.description).joined(separator: " ")
    lines.append("## \(sheet.name) [\(sheet.state.rawValue)] merged: \(merged.isEmpty ? "-" : merged)")
    lines += cells
  }
  return lines.joined(separator: "\n") + "\n"
}

func kind(_ value: CellValue) -> String {
  switch value {
  case .empty: return "empty"
  case .number: return "number"
  case .text: return "text"
  case .boolean: return "boolean"
  case .date: return "date"
  case .error: return "error"
  }
}

private func escape(_ s: String) -> String {
  s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
}

/// Compares two dumps and names each line that differs, like calamine's `range_eq!`.
func expectSameLines(
  _ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let missing = e.filter { !a.contains($0) }
  let extra = a.filter { !e.contains($0) }
  #expect(missing.isEmpty && extra.isEmpty, "missing: \(missing)\nunexpected: \(extra)", sourceLocation: sourceLocation)
  #expect(a == e, "same lines, different order", sourceLocation: sourceLocation)
}
