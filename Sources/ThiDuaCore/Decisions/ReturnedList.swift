import Foundation
public import SheetIO

/// `ho-so-can-bo-sung.xlsx`: what the Board sends back and takes to its Council. Sheet
/// *Cần bổ sung* lists each proposal a reviewer returned for more evidence with what is
/// missing (every reviewer's note); *Chưa thống nhất* each proposal the reviewers
/// disagree on, with who said what. Laid out as the final list (AwardList).
public struct ReturnedList {
  public let reconciliation: Reconciliation
  let movement: MovementDefinition

  public init(_ reconciliation: Reconciliation, movement: MovementDefinition) {
    self.reconciliation = reconciliation
    self.movement = movement
  }

  typealias Entry = (name: String, form: String, said: String)

  /// The proposals of `status`, each with its reviewers' words: for more evidence only the
  /// notes of those who asked for it, for a disagreement every answer.
  func entries(_ status: Reconciliation.Status) -> [Entry] {
    reconciliation.proposals.filter { $0.status == status }.map { p in
      let proposer = p.subject == "nominee" ? movement.registry.unit(code: p.unit)?.name : nil
      let name = p.name + (proposer.map { "\n(\($0) đề nghị)" } ?? "")
      let said =
        status == .needsMore
        ? p.said.filter { $0.answer == .needsMore }.map {
          "\($0.reviewer): " + ($0.note ?? "chưa ghi nội dung cần bổ sung; hỏi lại người thẩm định")
        }
        : p.said.map { s in "\(s.reviewer): " + Self.answer(s) + (s.note.map { " — \($0)" } ?? "") }
      return (name, p.form ?? "—", said.joined(separator: "\n"))
    }
  }

  static func answer(_ s: Reconciliation.Said) -> String {
    switch s.answer {
    case .agree: return "Đồng ý"
    case .disagree: return "Không đồng ý"
    case .needsMore: return "Cần bổ sung"
    case nil: return "'\(s.typed ?? "")'"
    }
  }

  public func write(to path: String, created: Int) throws(WriteError) {
    let doc = try XLSXDocument(path: path, created: created)
    doc.properties.title = "Hồ sơ đề nghị khen thưởng cần bổ sung"
    doc.properties.subject = movement.title
    let year = reconciliation.year
    try sheet(
      doc, "Cần bổ sung", entries(.needsMore), title: "DANH SÁCH HỒ SƠ CẦN BỔ SUNG",
      subtitle: "Đề nghị khen thưởng trong \(movement.title), năm \(year), trả lại để bổ sung minh chứng",
      column: "Nội dung cần bổ sung", none: "Không có hồ sơ nào cần bổ sung.")
    try sheet(
      doc, "Chưa thống nhất", entries(.disagreement), title: "DANH SÁCH ĐỀ NGHỊ CHƯA THỐNG NHẤT",
      subtitle: "Đề nghị khen thưởng năm \(year) mà ý kiến thẩm định khác nhau, trình Hội đồng Thi đua – Khen thưởng",
      column: "Ý kiến thẩm định", none: "Các ý kiến thẩm định đều thống nhất.")
    try doc.save()
  }

  private func sheet(
    _ doc: XLSXDocument, _ name: String, _ entries: [Entry], title: String, subtitle: String, column: String,
    none: String
  ) throws(WriteError) {
    let sheet = try doc.addSheet(name)
    let widths = [7.0, 36, 26, 42]
    for (i, w) in widths.enumerated() { try sheet.setColumns((i + 1)...(i + 1), width: w) }
    try AwardList.header(sheet, movement: movement, title: title, subtitle: subtitle)
    var row = 9
    for (i, heading) in ["STT", "Tên tập thể, cá nhân", "Hình thức đề xuất", column].enumerated() {
      try sheet.writeText(
        heading, at: CellAddress(row: row, column: i + 1), style: AwardList.heading.with { $0.alignment = .center })
    }
    row += 1
    for (n, e) in entries.enumerated() {
      try sheet.writeNumber(Double(n + 1), at: CellAddress(row: row, column: 1), style: AwardList.number)
      for (i, text) in [e.name, e.form, e.said].enumerated() {
        try sheet.writeText(text, at: CellAddress(row: row, column: i + 2), style: AwardList.body)
      }
      let lines =
        zip([e.name, e.form, e.said], widths.dropFirst()).map { TextWidth.lines($0.0, columnWidth: $0.1, size: 13) }
        .max() ?? 1
      try sheet.setRow(row, height: min(17.0 * Double(lines) + 3, 409))
      row += 1
    }
    let closing = entries.isEmpty ? none : "Danh sách có \(entries.count) hồ sơ."
    try AwardList.across(sheet, row + 1, 1...4, closing, AwardList.italic)
    var setup = PrintSetup()
    setup.landscape = false
    setup.repeatRows = 9...9
    setup.margins = (left: 3.0, right: 2.0, top: 2.0, bottom: 2.0)
    try sheet.printSetup(setup)
  }
}
