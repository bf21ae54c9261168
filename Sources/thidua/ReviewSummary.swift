import Foundation
import SheetIO
import ThiDuaCore

/// The few lines `convert-and-validate` prints when it is done.
struct ReviewSummary {
  let result: ReviewResult
  let language: Language

  func text(written: [String]) -> String {
    let vi = language == .vi
    func count(_ fate: ReceivedFile.Fate) -> Int { result.files.filter { $0.fate == fate }.count }
    let findings = result.findings
    let errors = findings.filter { $0.severity == .error }.count
    let warnings = findings.filter { $0.severity == .warning }.count
    let notes = findings.filter { $0.severity == .info }.count
    let proposed = result.recommendations.filter(\.eligible).count
    let units = Set(result.results.map(\.unit.code)).count
    var lines: [String] = [yearLine(vi)]
    if vi {
      lines.append(
        "Đã đọc \(result.files.count) tệp: \(count(.used)) dùng, \(count(.superseded)) có bản mới hơn, "
          + "\(count(.duplicate)) trùng, \(count(.unreadable)) không đọc được, \(count(.noForm)) không có biểu mẫu, "
          + "\(count(.unidentified)) không rõ đơn vị hoặc năm, \(count(.otherYear)) khác năm xét.")
      lines += fileLists(vi)
      if !result.lostFiles.isEmpty {
        lines.append(
          "\(result.lostFiles.count) tệp không xét được vì bộ đọc dừng bất thường (internal-error): "
            + result.lostFiles.map(\.file.name).joined(separator: ", ") + ".")
      }
      lines.append("\(units) đơn vị đã nộp, \(result.missing.count) đơn vị chưa nộp.")
      lines.append(
        "Phát hiện: \(findings.count) (\(errors) lỗi, \(warnings) cảnh báo, \(notes) thông tin). Đề xuất khen thưởng: \(proposed)."
      )
      lines.append("Kết quả: " + (written.first ?? "") + " (và \(written.count - 1) tệp khác).")
    } else {
      lines.append(
        "Read \(result.files.count) files: \(count(.used)) used, \(count(.superseded)) superseded, "
          + "\(count(.duplicate)) duplicate, \(count(.unreadable)) unreadable, \(count(.noForm)) without a form, "
          + "\(count(.unidentified)) with unit or year unknown, \(count(.otherYear)) for another year.")
      lines += fileLists(vi)
      if !result.lostFiles.isEmpty {
        lines.append(
          "\(result.lostFiles.count) files could not be checked because their reader failed (internal-error): "
            + result.lostFiles.map(\.file.name).joined(separator: ", ") + ".")
      }
      lines.append("\(units) units submitted, \(result.missing.count) did not.")
      lines.append(
        "Findings: \(findings.count) (\(errors) errors, \(warnings) warnings, \(notes) for information). Award proposals: \(proposed)."
      )
      lines.append("Results: " + (written.first ?? "") + " (and \(written.count - 1) more files).")
    }
    return lines.joined(separator: "\n")
  }

  /// The files a reviewer has to chase, by what went wrong: a few names each.
  private func fileLists(_ vi: Bool) -> [String] {
    let groups: [(ReceivedFile.Fate, String, String)] = [
      (.unreadable, "Không đọc được", "Unreadable"), (.noForm, "Không có biểu mẫu", "Without a form"),
      (.unidentified, "Không rõ đơn vị hoặc năm", "Unit or year unknown"),
    ]
    return groups.compactMap { fate, viTitle, enTitle in
      let names = result.files.filter { $0.fate == fate }.map(\.file.name)
      guard !names.isEmpty else { return nil }
      return (vi ? viTitle : enTitle) + " (\(names.count)):" + ListedNames.lines(names, language: language)
    }
  }

  /// Which year is reviewed and why: given, the year most units report on, or the
  /// review kind's.
  private func yearLine(_ vi: Bool) -> String {
    let choice = result.yearChoice
    let others = choice.unitsByYear.filter { $0.key != choice.year }.sorted { $0.key < $1.key }
      .map { "\($0.key): \($0.value)" }.joined(separator: "; ")
    let units = choice.unitsByYear.values.reduce(0, +)
    let mine = choice.unitsByYear[choice.year] ?? 0
    switch choice.basis {
    case .given:
      return vi ? "Năm xét: \(choice.year) (theo --year)." : "Year reviewed: \(choice.year) (--year)."
    case .reviewKind:
      return vi ? "Năm xét: \(choice.year) (theo đợt xét)." : "Year reviewed: \(choice.year) (the review kind's)."
    case .mostReports:
      let rest = others.isEmpty ? "" : (vi ? "; năm khác: \(others)" : "; other years: \(others)")
      return vi
        ? "Năm xét: \(choice.year), năm báo cáo của \(mine)/\(units) đơn vị có báo cáo\(rest)."
        : "Year reviewed: \(choice.year), the year \(mine) of \(units) reporting units report on\(rest)."
    }
  }
}
