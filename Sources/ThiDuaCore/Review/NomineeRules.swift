import Foundation
import SheetIO

extension Recommender {
  /// The nominees in the review's submissions (their nominees form), each checked by the rule
  /// of its kind (III.2.đ households, III.2.f enterprises); a nominee proposed twice keeps
  /// only its first proposal (one award form per achievement).
  func nominees(_ submissions: [Submission]) -> [Recommendation] {
    let rules =
      movement.awards.nominees
      ?? AwardRules.NomineeRules(
        householdMinYearsOutOfPoverty: 3, householdClause: "III.2.đ", enterpriseClause: "III.2.f")
    var seen: [String: String] = [:]
    var out: [Recommendation] = []
    for submission in submissions.sorted(by: { ($0.year, $0.unit.code) < ($1.year, $1.unit.code) }) {
      guard let (form, table) = submission.table(.nominees, in: movement), let role = form.role,
        let nameField = role.name
      else { continue }
      for (index, row) in table.rows.enumerated() {
        guard let name = row[nameField]?.text?.trimmingSpaces, !name.isEmpty else { continue }
        let kind = role.nomineeType.flatMap { row[$0]?.text?.trimmingSpaces } ?? ""
        let cells = table.cells[index]
        let source = Location(file: table.file, sheet: table.sheet, cell: cells[nameField])
        var check = decide(kind: kind, row: row, rules: rules)
        let key = TextFolding.fold(name) + "|" + TextFolding.fold(kind)
        if let first = seen[key] {
          check = (
            false,
            Bilingual(
              vi: "đã được \(first) đề nghị; một thành tích chỉ đề nghị một hình thức",
              en: "already proposed by \(first); one award form per achievement"), nil
          )
        } else if check.eligible {
          seen[key] = submission.unit.name
        }
        let proposed = role.proposedAward.flatMap { row[$0]?.text?.trimmingSpaces }
        out.append(
          Recommendation(
            subject: .nominee, name: name, unitCode: submission.unit.code, category: submission.unit.category,
            kind: kind, score: nil, rank: nil, eligible: check.eligible && proposed != nil,
            form: check.eligible ? proposed : nil, basis: check.basis,
            reason: proposed == nil && check.eligible
              ? Bilingual(
                vi: check.reason.vi + "; chưa ghi hình thức đề nghị", en: check.reason.en + "; no form proposed")
              : check.reason,
            sources: [source]
              + ["so_nam_thoat_ngheo", "tien_dong_gop", "lao_dong_ho_ngheo"].compactMap { field in
                cells[field].map { Location(file: table.file, sheet: table.sheet, cell: $0) }
              }))
      }
    }
    return out
  }

  private func decide(kind: String, row: [String: CellValue], rules: AwardRules.NomineeRules) -> (
    eligible: Bool, reason: Bilingual, basis: String?
  ) {
    switch TextFolding.fold(kind) {
    case "ho gia dinh":
      guard let years = row["so_nam_thoat_ngheo"]?.number else {
        return (
          false, Bilingual(vi: "chưa ghi số năm thoát nghèo", en: "years out of poverty not given"),
          rules.householdClause
        )
      }
      let minimum = rules.householdMinYearsOutOfPoverty
      let ok = years >= Double(minimum)
      return (
        ok,
        Bilingual(
          vi: "thoát nghèo \(VietnameseNumber.text(years)) năm không tái nghèo (cần từ \(minimum) năm)",
          en: "\(CanonicalCSV.numberText(years)) years out of poverty without relapse (\(minimum) needed)"),
        rules.householdClause
      )
    case "doanh nghiep":
      let money = row["tien_dong_gop"]?.number ?? 0
      let jobs = row["lao_dong_ho_ngheo"]?.number ?? 0
      let ok = money > 0 || jobs > 0
      return (
        ok,
        Bilingual(
          vi: ok
            ? "đóng góp \(VietnameseNumber.text(money)) đồng, \(VietnameseNumber.text(jobs)) lao động hộ nghèo có việc làm"
            : "không có đóng góp cụ thể (tiền hoặc việc làm cho lao động nghèo)",
          en: ok
            ? "contributed \(CanonicalCSV.numberText(money)) VND, \(CanonicalCSV.numberText(jobs)) workers from poor households employed"
            : "no concrete contribution (money or jobs for poor workers)"), rules.enterpriseClause
      )
    default:
      return (
        true,
        Bilingual(
          vi: "không có tiêu chí tính được; Hội đồng xét theo thành tích đã nêu",
          en: "no computed criterion; the council judges the stated achievement"), nil
      )
    }
  }

}
