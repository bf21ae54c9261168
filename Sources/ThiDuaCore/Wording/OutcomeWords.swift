import SheetIO

/// Criterion outcomes and findings in words a unit can act on.
enum OutcomeWords {
  /// Why a criterion came out as it did, its values filled in: the words its definition
  /// declares for the outcome, else thidua's own.
  static func reason(_ o: CriterionOutcome, _ words: Words, of criterion: Criterion?) -> String {
    let v = o.values
    if let declared = criterion?.declaredOutcomes.first(where: { $0.reason == o.reason }) {
      return filled(words(declared.vi, declared.en), v, words)
    }
    // The missing form's name, when the movement has one for the role: ` (TIEU_CHI)`.
    let form = v["form"].map { " (\($0))" } ?? ""
    func n(_ key: String) -> String { v[key].flatMap(Double.init).map { words.number($0) } ?? (v[key] ?? "-") }
    switch o.reason {
    case "self-assessed-with-evidence":
      return words("Tự đánh giá đạt, minh chứng: ", "Self-assessed as met, evidence: ") + (v["evidence"] ?? "")
    case "self-assessed": return words("Tự đánh giá đạt", "Self-assessed as met")
    case "self-assessed-not-met": return words("Đơn vị tự đánh giá không đạt", "Self-assessed as not met")
    case "evidence-missing":
      return words("Tự đánh giá đạt nhưng thiếu văn bản minh chứng", "Met by self-assessment, but no evidence")
    case "no-self-assessment":
      return words("Chưa nộp biểu tự đánh giá", "No self-assessment form") + form
    case "criterion-not-listed":
      return words("Biểu tự đánh giá không có tiêu chí này", "The self-assessment omits this criterion")
    case "decided-per-nominee": return words("Xét theo từng người, hộ được đề nghị", "Decided for each nominee")
    case "no-unit-figures":
      return words("Chưa nộp biểu thông tin đơn vị", "No unit figures form") + form
    case "figures-missing":
      let read = v["read"].map { $0.isEmpty ? "" : " (\(readable($0, words)))" } ?? ""
      return words("Thiếu số liệu để đánh giá", "Figures needed are missing") + read
    case "expression-met", "expression-not-met":
      let met = o.reason == "expression-met"
      return (met ? words("Đạt: ", "Met: ") : words("Chưa đạt: ", "Not met: ")) + (v["expression"] ?? "")
        + (v["read"].map { $0.isEmpty ? "" : words(" — số liệu: ", " — figures: ") + readable($0, words) } ?? "")
    case "no-poverty-figures":
      return words("Chưa nộp biểu kết quả giảm nghèo", "No poverty figures") + form
    case "form-not-sent": return words("Chưa nộp biểu", "Form not sent") + form
    default: return o.reason
    }
  }

  /// Declared words with each `{name}` replaced by its value as people read it (`-`
  /// when it has none).
  static func filled(_ template: String, _ values: [String: String], _ words: Words) -> String {
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      out += rest[..<open]
      out += values[String(rest[rest.index(after: open)..<close])].map { readable(value: $0, words) } ?? "-"
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }

  /// `FORM.field = value; …` as a formula read it (ISO dates, plain numbers), with the
  /// values written as people read them: `15/12/2017`, `1.234,5`.
  static func readable(_ read: String, _ words: Words) -> String {
    read.split(separator: "; ", omittingEmptySubsequences: false).map { item in
      guard let equals = item.firstRange(of: " = ") else { return String(item) }
      return item[..<equals.upperBound] + readable(value: String(item[equals.upperBound...]), words)
    }.joined(separator: "; ")
  }

  /// A value kept as text in an outcome (`2017-12-15`, `1.5`) as people read it.
  static func readable(value: String, _ words: Words) -> String {
    if let n = Double(value), n.isFinite { return words.number(n) }
    if value.count == 10, value.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, let serial = VietnameseDate.serial(value) {
      return VietnameseDate.text(ExcelDate(serial: serial, uses1904: false))
    }
    return value
  }

  /// What a unit should do about a finding.
  static func fix(_ code: String, _ words: Words) -> String {
    switch code {
    case "type-error", "ambiguous-number":
      return words(
        "Nhập số (ví dụ 1.234 hoặc 12,5) hoặc ngày dd/mm/yyyy vào ô này", "Enter a number or a dd/mm/yyyy date")
    case "constraint-error":
      return words("Sửa giá trị cho nằm trong giới hạn cho phép", "Bring the value within its bounds")
    case "missing-cell", "missing-label": return words("Bổ sung số liệu còn thiếu", "Fill in the missing figure")
    case "balance-mismatch":
      return words(
        "Kiểm tra: cuối năm = đầu năm − thoát nghèo + tái nghèo + phát sinh",
        "Check: end = start − escaped + relapsed + new")
    case "rate-mismatch":
      return words("Tính lại tỷ lệ = số hộ nghèo ÷ tổng số hộ × 100", "Recompute the rate = poor ÷ households × 100")
    case "total-mismatch": return words("Cộng lại dòng tổng cộng", "Re-add the total row")
    case "poor-exceeds-households":
      return words("Kiểm tra tổng số hộ và số hộ nghèo, cận nghèo", "Check households, poor and near-poor counts")
    case "duplicate-row": return words("Xóa dòng trùng hoặc gộp số liệu", "Remove or merge the repeated row")
    case "unknown-area", "fuzzy-match":
      return words("Ghi đúng tên địa bàn theo danh mục", "Write the area's registered name")
    case "evidence-missing": return words("Ghi số, ngày văn bản minh chứng", "Give the evidence's number and date")
    case "late-submission": return words("Nộp báo cáo đúng hạn ở kỳ sau", "Submit on time next time")
    case "unknown-unit", "ambiguous-unit":
      return words("Ghi 'Đơn vị: <tên đơn vị>' ở đầu biểu", "Write 'Đơn vị: <unit name>' above the table")
    case "unknown-year": return words("Ghi năm báo cáo ở tiêu đề biểu", "Write the report year in the title")
    case "list-summary-mismatch":
      return words(
        "Đối chiếu danh sách hộ với biểu tổng hợp và sửa bên ghi sai",
        "Compare the list with the summary and correct the one that is wrong")
    case "formula-like-text":
      return words("Ghi nội dung bằng chữ, không bắt đầu bằng dấu =", "Type the text itself, not starting with =")
    default: return words("Xem nội dung phát hiện", "See the message")
    }
  }
}
