import Foundation
import SheetIO
import ThiDuaCore

/// A received file's sheet drawn as a table around one cell, the cell marked: where a
/// finding points, as the unit's clerk typed it. The file is read by the readers the
/// review uses, with legacy fonts decoded as the review decodes them.
enum SourceView {
  /// Rows shown above and below the cell, and columns right of it.
  static let rowsAround = 25
  static let columnsAfter = 8
  static let mostColumns = 40

  /// The sheet `sheet` of the bytes at `path`, around `cell` (the top left without one).
  static func window(path: String, sheet: String, cell: CellAddress?, language: Language) throws -> [String: Any] {
    let source = try Workbooks.open(path: path)
    guard let info = source.sheets.first(where: { $0.name == sheet }) ?? source.sheets.first else {
      throw SheetReadError.noTable(Location(file: path))
    }
    let centre = cell ?? CellAddress(row: 1, column: 1)
    let lastRow = centre.row + rowsAround
    let grid = try SheetGrid(source: source, sheet: info, file: path, maxRows: lastRow)
    let firstRow = max(1, centre.row - rowsAround)
    let rows = firstRow...max(firstRow, min(lastRow, grid.lastRow))
    let columns = 1...max(1, min(max(grid.lastColumn, centre.column), centre.column + columnsAfter, mostColumns))
    let cells = grid.cells
    return [
      "sheet": info.name, "columns": columns.map(CellAddress.columnName),
      "cut": firstRow > 1 || grid.lastRow > rows.upperBound || grid.lastColumn > columns.upperBound,
      "rows": rows.map { r -> [String: Any] in
        [
          "number": String(r),
          "cells": columns.map { c -> [String: Any] in
            let address = CellAddress(row: r, column: c)
            return ["text": text(cells[address]?.value ?? .empty, language), "hit": address == cell]
          },
        ]
      },
    ]
  }

  /// A value as the Board reads it: `1.234,5` and `dd/mm/yyyy` (English swaps the marks).
  static func text(_ value: CellValue, _ language: Language) -> String {
    switch value {
    case .empty: return ""
    case .text(let t): return t
    case .number(let n):
      let vi = VietnameseNumber.text(n)
      return language == .vi ? vi : String(vi.map { $0 == "." ? "," : $0 == "," ? "." : $0 })
    case .date(let d): return VietnameseDate.text(d)
    case .boolean(let b): return b ? "TRUE" : "FALSE"
    case .error(let code): return code
    }
  }
}

/// A page's values carried back from the thread that read them: built there, read here
/// once, never shared.
struct UncheckedBox: @unchecked Sendable {
  let value: [String: Any]
  init(_ value: [String: Any]) { self.value = value }
}
