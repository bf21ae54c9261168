import Foundation
public import SheetIO

/// `danh-sach-khen-thuong.xlsx`: the proposals every reviewer agreed to, by award form and
/// then by category, numbered, each with its achievements in words, laid out as a list
/// attached to the Board's submission (Tờ trình): the issuing body and the national motto
/// side by side, number and date lines left for the Board to fill, A4 portrait, Times New
/// Roman 13 (titles 14).
public struct AwardList {
  public let reconciliation: Reconciliation
  let movement: MovementDefinition

  public init(_ reconciliation: Reconciliation, movement: MovementDefinition) {
    self.reconciliation = reconciliation
    self.movement = movement
  }

  typealias Entry = (form: String, group: String, name: String, proposer: String, achievement: String)

  /// The entries, in the order of the forms as first met, then of the groups: a unit's
  /// category, a nominee's kind.
  var entries: [Entry] {
    let words = Words(language: .vi)
    let agreed = reconciliation.proposals.filter {
      $0.status == .agreed && $0.form != nil && $0.sameAchievementAs == nil
    }
    func group(_ p: Reconciliation.Proposal) -> String {
      p.subject == "unit" ? words.category(p.category) : p.kind ?? ""
    }
    var out: [Entry] = []
    for form in Self.inOrder(agreed.map { $0.form! }) {
      let inForm = agreed.filter { $0.form == form }
      for g in Self.inOrder(inForm.map(group)) {
        for p in inForm where group(p) == g {
          let proposer = p.subject == "nominee" ? movement.registry.unit(code: p.unit)?.name ?? p.unit : ""
          out.append((form, g, p.name, proposer, p.achievement))
        }
      }
    }
    return out
  }

  /// Each value once, in the order first met.
  static func inOrder(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
  }

  static let body = CellStyle.plain.with {
    $0.fontSize = 13
    $0.wrap = true
    $0.verticalAlignment = .top
    $0.border = true
  }
  static let centered = CellStyle.plain.with {
    $0.fontSize = 13
    $0.alignment = .center
    $0.wrap = true
  }
  static let bold = centered.with { $0.bold = true }
  static let title = bold.with { $0.fontSize = 14 }
  static let italic = centered.with { $0.italic = true }
  static let heading = body.with { $0.bold = true }
  static let number = body.with { $0.alignment = .center }

  public func write(to path: String, created: Int) throws(WriteError) {
    let doc = try XLSXDocument(path: path, created: created)
    doc.properties.title = "Danh sách đề nghị khen thưởng"
    doc.properties.subject = movement.title
    let sheet = try doc.addSheet("Danh sách khen thưởng")
    let widths = [7.0, 34, 26, 44]
    for (i, w) in widths.enumerated() { try sheet.setColumns((i + 1)...(i + 1), width: w) }
    try Self.header(
      sheet, movement: movement, title: "DANH SÁCH",
      subtitle: "Đề nghị khen thưởng trong " + movement.title + ", năm \(reconciliation.year)")
    func across(_ row: Int, _ columns: ClosedRange<Int>, _ text: String, _ style: CellStyle) throws(WriteError) {
      try Self.across(sheet, row, columns, text, style)
    }
    var row = 9
    for (i, title) in ["STT", "Tên tập thể, cá nhân", "Đơn vị đề nghị", "Thành tích"].enumerated() {
      try sheet.writeText(
        title, at: CellAddress(row: row, column: i + 1), style: Self.heading.with { $0.alignment = .center })
    }
    row += 1
    var form = ""
    var group = ""
    var formNumber = 0
    var groupNumber = 0
    var n = 0
    let entries = self.entries
    for e in entries {
      if e.form != form {
        form = e.form
        formNumber += 1
        groupNumber = 0
        let count = entries.filter { $0.form == form }.count
        try across(row, 1...4, "\(Self.roman(formNumber)). \(form.uppercased()) (\(count))", Self.heading)
        row += 1
        group = ""
      }
      if e.group != group {
        group = e.group
        groupNumber += 1
        try across(
          row, 1...4, "\(groupNumber). \(group)",
          Self.heading.with {
            $0.bold = false; $0.italic = true
          })
        row += 1
      }
      n += 1
      try sheet.writeNumber(Double(n), at: CellAddress(row: row, column: 1), style: Self.number)
      try sheet.writeText(e.name, at: CellAddress(row: row, column: 2), style: Self.body)
      try sheet.writeText(e.proposer, at: CellAddress(row: row, column: 3), style: Self.body)
      try sheet.writeText(e.achievement, at: CellAddress(row: row, column: 4), style: Self.body)
      let lines =
        [(e.name, widths[1]), (e.proposer, widths[2]), (e.achievement, widths[3])].map {
          TextWidth.lines($0.0, columnWidth: $0.1, size: 13)
        }.max() ?? 1
      try sheet.setRow(row, height: min(17.0 * Double(lines) + 3, 409))
      row += 1
    }
    try across(row + 1, 1...4, "Danh sách có \(n) tập thể, cá nhân.", Self.italic)
    var setup = PrintSetup()
    setup.landscape = false
    setup.repeatRows = 9...9
    setup.margins = (left: 3.0, right: 2.0, top: 2.0, bottom: 2.0)
    try sheet.printSetup(setup)
    try doc.save()
  }

  /// A text across columns of one row.
  static func across(
    _ sheet: SheetWriter, _ row: Int, _ columns: ClosedRange<Int>, _ text: String, _ style: CellStyle
  ) throws(WriteError) {
    try sheet.merge(
      CellRange(
        first: CellAddress(row: row, column: columns.lowerBound),
        last: CellAddress(row: row, column: columns.upperBound)),
      text: text, style: style)
  }

  /// Rows 1–7 of a document the Board attaches to its submission (Tờ trình), over four
  /// columns: the issuing body beside the national motto, the number and date lines left
  /// for the Board, the title, the subtitle and `(Kèm theo Tờ trình số ……)`.
  static func header(_ sheet: SheetWriter, movement: MovementDefinition, title: String, subtitle: String)
    throws(WriteError)
  {
    let issuer = movement.issuer ?? []
    try across(sheet, 1, 1...2, issuer.first ?? "", centered)
    try across(sheet, 1, 3...4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold)
    try across(sheet, 2, 1...2, issuer.dropFirst().first ?? "", bold)
    try across(sheet, 2, 3...4, "Độc lập - Tự do - Hạnh phúc", bold)
    try across(sheet, 3, 1...2, "Số: ……/DS-" + (movement.issuerCode ?? ""), centered)
    try across(sheet, 3, 3...4, (movement.place ?? "") + ", ngày …… tháng …… năm ……", italic)
    try across(sheet, 5, 1...4, title, Self.title)
    try across(sheet, 6, 1...4, subtitle, bold)
    try across(
      sheet, 7, 1...4, "(Kèm theo Tờ trình số ……/TTr-\(movement.issuerCode ?? "") ngày …… tháng …… năm ……)", italic)
    try sheet.setRow(6, height: 36)
  }

  static func roman(_ n: Int) -> String {
    let table = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    return n < table.count ? table[n] : "\(n)"
  }
}
