import ArgumentParser
import Foundation
import SheetIO
import ThiDuaCore

extension Thidua {
  struct Decisions: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Interface.text(
        "Đọc lại ý kiến của người thẩm định từ các bản sổ tính thẩm định họ gửi lại và tổng hợp.",
        "Read the reviewers' decisions back from their copies of the reviewers' workbook and reconcile them."),
      discussion: Interface.text(
        """
        Mỗi bản là một người thẩm định (tên tệp). Dòng được khớp theo mã đề xuất ẩn, không theo vị trí. \
        Bản của một lần chạy khác bị từ chối (mã thoát 7). Xem docs/decisions.md.
        """,
        """
        Each copy is one reviewer (its file name). Rows are matched by the hidden proposal key, not by position. \
        A copy from another run is refused (exit status 7). See docs/decisions.md.
        """))

    @Argument(
      help: Interface.help(
        "Các bản sổ tính thẩm định người thẩm định gửi lại.", "The reviewers' returned copies of the workbook."))
    var copies: [String]
    @Option(
      help: Interface.help(
        "Thư mục kết quả của lần chạy đã tạo sổ tính (có report.json).",
        "The results folder of the run that wrote the workbook (holds report.json)."))
    var results: String = "out"
    @Option(
      help: Interface.help(
        "Thư mục ghi kết quả tổng hợp (mặc định: <results>/quyet-dinh).",
        "Where to write the reconciliation (default: <results>/quyet-dinh)."))
    var out: String?
    @Flag(help: Interface.help("In JSON (docs/decisions.md).", "Print JSON (docs/decisions.md).")) var json = false
    @Option(help: Interface.movementOption) var movement: String?
    @OptionGroup var common: CommonOptions

    func run() throws {
      let vi = common.lang == .vi
      var read: [ReviewerCopy] = []
      for path in copies {
        do {
          read.append(try ReviewerCopy.read(path: path, language: common.lang))
        } catch .noProposalSheet(let file) {
          fail(
            vi
              ? "\(file) không phải sổ tính thẩm định của thidua: không có trang đề xuất với cột mã đề xuất; hãy gửi lại đúng bản đã nhận."
              : "\(file) is no thidua reviewers' workbook: no proposals sheet with a proposal key column; send back the copy you received."
          )
          throw ExitCode(8)
        } catch .unreadable(let file, let message) {
          fail((vi ? "không đọc được \(file): " : "cannot read \(file): ") + message)
          throw ExitCode(8)
        }
      }
      let report = (results as NSString).appendingPathComponent("report.json")
      let reconciled: Reconciliation
      do {
        reconciled = try Reconciliation.reconcile(read, report: report)
      } catch .noReport(let path) {
        fail(
          vi
            ? "không có \(path) của một lần chạy; hãy chỉ --results tới thư mục kết quả đã tạo sổ tính."
            : "no run's \(path); point --results at the results folder that wrote the workbook.")
        throw ExitCode(2)
      } catch .otherRun(let file, let found, let expected) {
        fail(
          vi
            ? "\(file) là bản của một lần chạy khác (mã \(found.map { String($0.prefix(8)) } ?? "không có"), lần chạy này \(expected.prefix(8))); ý kiến trên đó có thể không khớp với các đề xuất hiện nay, nên không đọc. Hãy gửi người thẩm định sổ tính của lần chạy này."
            : "\(file) is a copy from another run (\(found.map { String($0.prefix(8)) } ?? "no mark"), this run \(expected.prefix(8))); its decisions may not match today's proposals, so it is not read. Send the reviewers this run's workbook."
        )
        throw ExitCode(7)
      }
      let folder = out ?? (results as NSString).appendingPathComponent("quyet-dinh")
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let text = String(decoding: try encoder.encode(reconciled), as: UTF8.self) + "\n"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let file = try AtomicFile(destination: URL(fileURLWithPath: folder).appendingPathComponent("quyet-dinh.json"))
      try file.write(text)
      try file.commit()
      // The list to attach to the Board's submission: what every reviewer agreed to.
      let definition = try loadMovement(movement, language: common.lang)
      let list = AwardList(reconciled, movement: definition)
      // Stamped with the plan's date, not the clock: the same copies give the same bytes.
      try list.write(
        to: (folder as NSString).appendingPathComponent("danh-sach-khen-thuong.xlsx"), created: definition.planDate)
      // What goes back to the units for more evidence, and what the Council settles.
      try ReturnedList(reconciled, movement: definition).write(
        to: (folder as NSString).appendingPathComponent("ho-so-can-bo-sung.xlsx"), created: definition.planDate)
      // The run's report records the decisions; a later run writes a fresh one.
      let relative = Self.relative(folder, to: results)
      do {
        try ReportDecisions.record(
          reconciled, in: report,
          files: ["quyet-dinh.json", "danh-sach-khen-thuong.xlsx", "ho-so-can-bo-sung.xlsx"].map { name in
            relative.map { ($0 as NSString).appendingPathComponent(name) } ?? name
          })
      } catch {
        fail(vi ? "không ghi được ý kiến vào \(report)." : "cannot record the decisions in \(report).")
        throw ExitCode(5)
      }
      print(json ? text : DecisionSummary(reconciled, language: common.lang).text(), terminator: json ? "" : "\n")
    }

    /// `folder` relative to `results` when inside it (`quyet-dinh`), else nil.
    static func relative(_ folder: String, to results: String) -> String? {
      let a = URL(fileURLWithPath: folder).standardizedFileURL.path
      let b = URL(fileURLWithPath: results).standardizedFileURL.path
      return a.hasPrefix(b + "/") ? String(a.dropFirst(b.count + 1)) : nil
    }

    private func fail(_ message: String) {
      let label = common.lang == .vi ? "lỗi" : "error"
      FileHandle.standardError.write(Data("thidua: \(label): \(message)\n".utf8))
    }
  }
}

/// What `thidua decisions` prints: the counts, then what needs the Board's attention.
struct DecisionSummary {
  let r: Reconciliation
  let language: Language

  init(_ r: Reconciliation, language: Language) {
    self.r = r
    self.language = language
  }

  func text() -> String {
    let vi = language == .vi
    func count(_ s: Reconciliation.Status) -> Int { r.proposals.filter { $0.status == s }.count }
    var lines = [
      (vi ? "Đã đọc \(r.reviewers.count) bản của người thẩm định: " : "Read \(r.reviewers.count) reviewers' copies: ")
        + r.reviewers.joined(separator: ", ") + (vi ? " (lần chạy mã " : " (run ") + r.fingerprint.prefix(8) + ").",
      vi
        ? "Đề xuất: \(r.proposals.count) — đồng ý \(count(.agreed)), không đồng ý \(count(.rejected)), ý kiến khác nhau \(count(.disagreement)), cần bổ sung \(count(.needsMore)), chưa có ý kiến \(count(.undecided))."
        : "Proposals: \(r.proposals.count) — agreed \(count(.agreed)), rejected \(count(.rejected)), disagreement \(count(.disagreement)), needs more \(count(.needsMore)), undecided \(count(.undecided)).",
    ]
    func said(_ s: Reconciliation.Said) -> String {
      let answer =
        s.answer.map { a -> String in
          switch a {
          case .agree: return vi ? "Đồng ý" : "Agree"
          case .disagree: return vi ? "Không đồng ý" : "Disagree"
          case .needsMore: return vi ? "Cần bổ sung" : "Needs more"
          }
        } ?? "'\(s.typed ?? "")'"
      return "\(s.reviewer): \(answer)" + (s.note.map { " (\($0))" } ?? "")
    }
    for p in r.proposals where p.status == .disagreement || p.status == .needsMore {
      let head =
        p.status == .disagreement ? (vi ? "Ý kiến khác nhau" : "Disagreement") : (vi ? "Cần bổ sung" : "Needs more")
      lines.append("\(head): \(p.name) [\(p.key)] — " + p.said.map(said).joined(separator: "; "))
    }
    for p in r.proposals {
      for s in p.said where s.answer == nil && s.typed != nil {
        lines.append(
          (vi ? "Ý kiến không đọc được: " : "Answer not understood: ") + "\(p.name) [\(p.key)] — \(said(s)) \(s.cell)")
      }
    }
    for e in r.forbiddenEdits {
      lines.append(
        (vi ? "Sửa ở cột không được sửa (không áp dụng): " : "Edit of a protected column (not applied): ")
          + "\(e.reviewer) \(e.cell): '\(e.was)' → '\(e.now)'")
    }
    for row in r.unknownRows {
      lines.append(
        (vi ? "Dòng không thuộc lần chạy này (bỏ qua): " : "Row of no proposal of this run (ignored): ") + row)
    }
    return lines.joined(separator: "\n")
  }
}
