import Foundation
public import SheetIO

/// The proposals sheet of a reviewers' workbook, as `thidua decisions` finds it again in a
/// reviewer's copy: by its column titles and the hidden key column, in either language,
/// wherever the sheet now stands and however its rows were sorted or filtered.
enum ProposalSheet {
  /// Above the key column's title: `thidua-run:<fingerprint>` of the run that wrote it.
  static let runMarker = "thidua-run:"
  static let key = ["Mã đề xuất", "Proposal key"]
  static let decision = ["Ý kiến thẩm định", "Reviewer decision"]
  static let note = ["Ghi chú của người thẩm định", "Reviewer note"]
  /// The columns a reviewer may read but not change.
  static let protected: [(field: String, titles: [String])] = [
    ("name", ["Đơn vị, cá nhân được đề xuất", "Proposed unit or person"]),
    ("score", ["Điểm", "Score"]),
    ("form", ["Hình thức đề xuất", "Proposed form"]),
  ]
}

/// What one reviewer returned: each proposal row by its key, with the decision, the
/// note and what the protected columns now hold.
public struct ReviewerCopy: Sendable {
  public struct Row: Sendable {
    public var key: String
    public var decision: String
    public var note: String
    /// Protected field → (cell, the text it holds now).
    public var protected: [String: (cell: CellAddress, text: String)]
    public var decisionCell: CellAddress
  }

  public var file: String
  public var sheet: String
  /// The run that wrote the workbook; nil when the marker is gone.
  public var fingerprint: String?
  public var rows: [Row]

  public enum Problem: Error, Sendable {
    /// No sheet of the file has the proposals' titles and key column.
    case noProposalSheet(file: String)
    case unreadable(file: String, message: String)
  }

  public static func read(path: String, language: Language = .vi) throws(Problem) -> ReviewerCopy {
    let name = (path as NSString).lastPathComponent
    let source: any SheetSource
    do {
      source = try Workbooks.open(path: path)
    } catch {
      throw .unreadable(file: name, message: error.message(language))
    }
    for info in source.sheets {
      guard let grid = try? SheetGrid(source: source, sheet: info, file: name),
        let copy = read(grid, file: name)
      else { continue }
      return copy
    }
    throw .noProposalSheet(file: name)
  }

  /// The copy, when `grid` is a proposals sheet: a header row (among the first 20) with
  /// the key and decision titles.
  static func read(_ grid: SheetGrid, file: String) -> ReviewerCopy? {
    func titled(_ row: Int, _ titles: [String]) -> Int? {
      let folded = Set(titles.map(TextFolding.fold))
      return (1...max(grid.lastColumn, 1)).first { column in
        guard case .text(let t) = grid.value(row, column) else { return false }
        return folded.contains(TextFolding.fold(t))
      }
    }
    guard grid.lastRow > 0,
      let header = (1...min(grid.lastRow, 20)).first(where: {
        titled($0, ProposalSheet.key) != nil && titled($0, ProposalSheet.decision) != nil
      }),
      let keyColumn = titled(header, ProposalSheet.key), let decisionColumn = titled(header, ProposalSheet.decision)
    else { return nil }
    let noteColumn = titled(header, ProposalSheet.note)
    let protectedColumns = ProposalSheet.protected.compactMap { p in titled(header, p.titles).map { (p.field, $0) } }
    var fingerprint: String?
    for row in 1..<header {
      if case .text(let t) = grid.value(row, keyColumn), t.hasPrefix(ProposalSheet.runMarker) {
        fingerprint = String(t.dropFirst(ProposalSheet.runMarker.count))
      }
    }
    var rows: [Row] = []
    if grid.lastRow > header {
      for r in (header + 1)...grid.lastRow {
        let key = text(grid.value(r, keyColumn))
        guard !key.isEmpty else { continue }
        var protected: [String: (cell: CellAddress, text: String)] = [:]
        for (field, column) in protectedColumns {
          protected[field] = (CellAddress(row: r, column: column), text(grid.value(r, column)))
        }
        rows.append(
          Row(
            key: key, decision: text(grid.value(r, decisionColumn)),
            note: noteColumn.map { text(grid.value(r, $0)) } ?? "",
            protected: protected, decisionCell: CellAddress(row: r, column: decisionColumn)))
      }
    }
    return ReviewerCopy(file: file, sheet: grid.sheet.name, fingerprint: fingerprint, rows: rows)
  }

  /// A cell as the reviewer sees it, trimmed; numbers in their shortest form.
  static func text(_ value: CellValue) -> String {
    switch value {
    case .number(let x): return CanonicalCSV.numberText(x)
    default: return CanonicalCSV.text(value).trimmingSpaces
    }
  }
}
