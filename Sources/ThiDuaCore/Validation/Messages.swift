import Foundation
public import SheetIO

/// The message catalogue: one Vietnamese and one English template per finding code, with
/// `{name}` placeholders filled from the finding's values (docs/findings.md).
public enum Messages {
  static let templates: [String: (vi: String, en: String)] = [
    "no-form": (
      "Trang '{sheet}' không có biểu mẫu nào nhận ra được: không dòng tiêu đề cột nào khớp với một biểu mẫu.",
      "Sheet '{sheet}' holds no form thidua recognises: no row of column titles matches a form."
    ),
    "no-form/no-table": (
      "Tài liệu không có bảng nào: thidua đọc số liệu từ các bảng; hãy đề nghị đơn vị gửi biểu số liệu dạng bảng.",
      "The document holds no table: thidua reads figures from tables; ask the unit to send its figures as a table."
    ),
    "damaged-archive": (
      "Tệp nén '{file}' bị hỏng hoặc không trọn vẹn ({reason}); các tệp đọc được trước chỗ hỏng vẫn được dùng. Hãy đề nghị đơn vị gửi lại.",
      "The archive '{file}' is damaged or incomplete ({reason}); the files read before the damage are used. Ask the unit to send it again."
    ),
    "encrypted-archive": (
      "'{file}' nằm trong tệp nén có đặt mật khẩu nên không đọc được; hãy đề nghị đơn vị gửi lại không đặt mật khẩu.",
      "'{file}' is in a password-protected archive and cannot be read; ask the unit to send it without a password."
    ),
    "encrypted-archive/headers": (
      "Tệp nén '{file}' đặt mật khẩu cho cả danh sách tệp bên trong nên không đọc được tệp nào; hãy đề nghị đơn vị gửi lại không đặt mật khẩu.",
      "The archive '{file}' is password-protected down to its list of files, so none of them can be read; ask the unit to send it without a password."
    ),
    "classification-mismatch": (
      "Hộ {household} ({head}), ô {cell} của '{sheet}': xã ghi '{recorded}' nhưng theo {standard} hộ là '{computed}' (thu nhập {income} đồng/người/tháng, {area}, thiếu hụt {deprivations} chỉ số: {rule}); hãy rà soát lại hộ này.",
      "Household {household} ({head}), cell {cell} of '{sheet}': the commune records '{recorded}' but under {standard} it is '{computed}' (income {income} VND per person per month, {area}, {deprivations} deprivations: {rule}); re-examine this household."
    ),
    "duplicate-household": (
      "Mã hộ {household} ({head}) ở ô {cell} của '{sheet}' đã có ở dòng {first_row}; mỗi hộ chỉ ghi một lần.",
      "Household code {household} ({head}) at cell {cell} of '{sheet}' is already on row {first_row}; list each household once."
    ),
    "household-no-members": (
      "Hộ {household} ({head}), ô {cell} của '{sheet}': số nhân khẩu bằng 0; hãy ghi số người trong hộ.",
      "Household {household} ({head}), cell {cell} of '{sheet}': no members; enter the number of people in the household."
    ),
    "household-income-negative": (
      "Hộ {household} ({head}), ô {cell} của '{sheet}': thu nhập bình quân âm ({income}); hãy kiểm tra lại.",
      "Household {household} ({head}), cell {cell} of '{sheet}': a negative income per person ({income}); check it."
    ),
    "household-class-unknown": (
      "Hộ {household} ({head}), ô {cell} của '{sheet}': không hiểu kết quả phân loại '{seen}'; hãy ghi Nghèo, Cận nghèo, Thoát nghèo hoặc Không nghèo.",
      "Household {household} ({head}), cell {cell} of '{sheet}': the class '{seen}' is none thidua knows; write Nghèo, Cận nghèo, Thoát nghèo or Không nghèo."
    ),
    "list-summary-mismatch": (
      "Ô {cell} của '{sheet}' ghi {seen} hộ ({field}) cho {village}, nhưng danh sách hộ '{list_sheet}' của tệp {list_file} có {expected} hộ như vậy ở {village} (cột {list_column}); hãy đối chiếu danh sách với biểu tổng hợp.",
      "Cell {cell} of '{sheet}' states {seen} households ({field}) for {village}, but the household list '{list_sheet}' of {list_file} has {expected} such households in {village} (column {list_column}); reconcile the list with the summary."
    ),
    "household-in-two-communes": (
      "Mã hộ {household} ở ô {cell} của '{sheet}' ({unit}) cũng có trong danh sách của {other_unit} (tệp {other_file}, dòng {other_row}); một hộ chỉ thuộc một xã.",
      "Household code {household} at cell {cell} of '{sheet}' ({unit}) is also in the list of {other_unit} ({other_file}, row {other_row}); a household belongs to one commune."
    ),
    "no-poverty-standard": (
      "Danh sách hộ ở '{sheet}' là của năm {year}, nhưng định nghĩa phong trào không có chuẩn nghèo cho năm đó (standards/); phân loại các hộ chưa được tính lại.",
      "The household list on '{sheet}' is for {year}, but the movement has no poverty standard for that year (standards/); its households were not reclassified."
    ),
    "archive-too-large": (
      "Tệp nén '{file}' vượt giới hạn ({what_vi}: {limit}); đã dừng đọc. Tệp có thể là bom nén.",
      "The archive '{file}' passes a limit ({what}: {limit}); reading stopped. It may be a zip bomb."
    ),
    "archive-too-deep": (
      "'{file}' là tệp nén lồng quá {limit} lớp; không đọc tiếp.",
      "'{file}' is an archive nested more than {limit} deep; not read further."
    ),
    "empty-archive": (
      "Tệp nén '{file}' không chứa tệp nào.",
      "The archive '{file}' holds no file."
    ),
    "damaged-mail": (
      "Thư điện tử '{file}' bị hỏng nên không lấy được tệp đính kèm; hãy lưu lại thư, hoặc lưu riêng các tệp đính kèm vào hộp thư.",
      "The saved e-mail '{file}' is damaged ({reason}); its attachments cannot be taken out. Save the e-mail again, or its attachments on their own, into the inbox."
    ),
    "empty-mail": (
      "Thư '{file}' không có tệp đính kèm nào và không có bảng trong nội dung thư.",
      "The e-mail '{file}' has no attachment and no table in its text."
    ),
    "format-differs-from-name": (
      "Tệp mang tên của định dạng {named} nhưng nội dung là {format}; thidua đọc tệp theo nội dung.",
      "The file is named as {named} but holds {format}; thidua reads it by its content."
    ),
    "unknown-unit": (
      "Không xác định được đơn vị gửi báo cáo{seen_part}; hãy ghi 'Đơn vị: <tên đơn vị>' ở đầu biểu.",
      "The submitting unit could not be identified{seen_part}; write 'Đơn vị: <unit name>' above the table."
    ),
    "ambiguous-unit": (
      "'{seen}' có thể là nhiều đơn vị: {candidates}; hãy ghi tên hoặc mã đầy đủ.",
      "'{seen}' may be any of: {candidates}; write the full name or the code."
    ),
    "fuzzy-match": (
      "Ô {cell} trang '{sheet}': '{seen}' được hiểu là '{expected}' (gần đúng chính tả).",
      "Cell {cell} on '{sheet}': '{seen}' was read as '{expected}' (a near spelling)."
    ),
    "unknown-year": (
      "Không xác định được năm báo cáo; hãy ghi 'Năm <năm>' ở tiêu đề biểu.",
      "The reporting year could not be found; write 'Năm <year>' in the title."
    ),
    "year-conflict": (
      "Tệp ghi hai năm báo cáo khác nhau: {expected} (được dùng) và {seen} ở ô {cell} trang '{sheet}'; hãy sửa cho thống nhất.",
      "The file states two reporting years: {expected} (used) and {seen} in cell {cell} of '{sheet}'; make them agree."
    ),
    "template-unit-changed": (
      "Ô {cell} trang '{sheet}' của mẫu ghi mã đơn vị '{seen}', khác mã của mẫu ({expected}) hoặc không có trong danh mục; hãy kiểm tra mã đơn vị.",
      "Cell {cell} of '{sheet}' of the template holds the unit code '{seen}', not the template's ({expected}) or not in the registry; check the unit code."
    ),
    "template-year-missing": (
      "Ô năm báo cáo {cell} trang '{sheet}' của mẫu chưa ghi một năm của phong trào{seen_part}; hãy ghi năm báo cáo (ví dụ 2017).",
      "The template's year cell {cell} of '{sheet}' holds no year of the movement{seen_part}; type the reporting year (for example 2017)."
    ),
    "template-fields-changed": (
      "Trang '{sheet}' của mẫu đã bị sửa dòng mã trường (ẩn), nên số liệu được đọc theo tiêu đề cột; hãy dùng mẫu mới, không sửa dòng tiêu đề.",
      "The hidden field-code row of the template's sheet '{sheet}' was changed, so its figures were read by their column titles; use a fresh template and leave the header rows as they are."
    ),
    "other-year-sheet": (
      "Trang '{sheet}' là số liệu năm {seen}, không phải năm {expected} của tệp: không dùng trang này.",
      "Sheet '{sheet}' holds figures of {seen}, not of the file's {expected}: it is not used."
    ),
    "missing-label": (
      "Biểu '{form}' trang '{sheet}' thiếu cột bắt buộc '{field}'.",
      "Form '{form}' on sheet '{sheet}' lacks the required column '{field}'."
    ),
    "type-error": (
      "Ô {cell} trang '{sheet}': '{seen}' không phải {expected} (cột '{field}').",
      "Cell {cell} on '{sheet}': '{seen}' is not {expected} (column '{field}')."
    ),
    "ambiguous-number": (
      "Ô {cell} trang '{sheet}': '{seen}' có thể hiểu hai cách; hãy ghi rõ, ví dụ 1.234 hoặc 1,234.",
      "Cell {cell} on '{sheet}': '{seen}' reads two ways; write it unambiguously."
    ),
    "value-out-of-range": (
      "Ô {cell} trang '{sheet}': {seen} không thể là số liệu của cột '{field}' (giới hạn {expected}); số này không được dùng.",
      "Cell {cell} on '{sheet}': {seen} cannot be a figure of column '{field}' (range {expected}); it is not used."
    ),
    "constraint-error": (
      "Ô {cell} trang '{sheet}': {seen} nằm ngoài giới hạn {expected} (cột '{field}').",
      "Cell {cell} on '{sheet}': {seen} is outside {expected} (column '{field}')."
    ),
    "missing-cell": (
      "Ô {cell} trang '{sheet}' chưa có số liệu ở cột '{field}'.",
      "Cell {cell} on '{sheet}' has no value in column '{field}'."
    ),
    "balance-mismatch": (
      "Ô {cell} trang '{sheet}': số hộ nghèo cuối năm {seen} khác {expected} (đầu năm − thoát nghèo + tái nghèo + phát sinh).",
      "Cell {cell} on '{sheet}': poor households at year end {seen} differ from {expected} (start − escaped + relapsed + new)."
    ),
    "rate-mismatch": (
      "Ô {cell} trang '{sheet}': tỷ lệ {seen} khác {expected} tính từ số hộ (cột '{field}').",
      "Cell {cell} on '{sheet}': the rate {seen} differs from {expected} computed from the counts (column '{field}')."
    ),
    "poor-exceeds-households": (
      "Ô {cell} trang '{sheet}': số hộ nghèo và cận nghèo {seen} vượt tổng số hộ {expected}.",
      "Cell {cell} on '{sheet}': poor and near-poor households {seen} exceed all households {expected}."
    ),
    "total-mismatch": (
      "Ô {cell} trang '{sheet}': dòng tổng cộng ghi {seen}, cộng các dòng được {expected} (cột '{field}').",
      "Cell {cell} on '{sheet}': the total row says {seen}, the rows sum to {expected} (column '{field}')."
    ),
    "duplicate-row": (
      "Ô {cell} trang '{sheet}': địa bàn '{seen}' đã có ở dòng {expected}.",
      "Cell {cell} on '{sheet}': the area '{seen}' is already on row {expected}."
    ),
    "evidence-missing": (
      "Ô {cell} trang '{sheet}': tiêu chí {criterion} tự đánh giá \"Đạt\" nhưng chưa ghi văn bản minh chứng.",
      "Cell {cell} on '{sheet}': criterion {criterion} is self-assessed as met without evidence."
    ),
    "start-mismatch": (
      "Ô {cell} trang '{sheet}': số hộ nghèo đầu năm {seen} khác số hộ nghèo cuối năm {year} là {expected} ({file2}).",
      "Cell {cell} on '{sheet}': poor households at the start, {seen}, differ from {expected} at the end of {year} ({file2})."
    ),
    "rows-not-read": (
      "Trang '{sheet}' dài quá 100.000 dòng: từ dòng {row} trở đi không được đọc; hãy tách biểu.",
      "Sheet '{sheet}' is longer than 100,000 rows: row {row} on was not read; split the form."
    ),
    "late-submission": (
      "Báo cáo ký ngày {seen}, sau hạn nộp {expected}.",
      "The report is dated {seen}, after the deadline {expected}."
    ),
    "late-submission/mail-date": (
      "Báo cáo không ghi ngày; thư gửi báo cáo đề ngày {seen}, sau hạn nộp {expected}.",
      "The report bears no date; the e-mail that brought it is dated {seen}, after the deadline {expected}."
    ),
    "formula-like-text": (
      "Ô {cell} trang '{sheet}': '{seen}' trông như một công thức Excel (cột '{field}'); thidua ghi nó thành chữ, không chạy. Hãy kiểm tra và ghi lại đúng nội dung.",
      "Cell {cell} on '{sheet}': '{seen}' looks like an Excel formula (column '{field}'); thidua writes it as text and never runs it. Check it and type what was meant."
    ),
    "unknown-area": (
      "Ô {cell} trang '{sheet}': không tìm thấy địa bàn '{seen}' trong danh mục của đơn vị.",
      "Cell {cell} on '{sheet}': the area '{seen}' is not in the unit's registry."
    ),
  ]

  /// Codes whose `seen` and `expected` are figures thidua computed or read as numbers.
  static let figureCodes: Set<String> = [
    "balance-mismatch", "rate-mismatch", "total-mismatch", "poor-exceeds-households", "start-mismatch",
    "list-summary-mismatch",
  ]

  /// Codes whose `seen` and `expected` are ISO dates, written dd/mm/yyyy in messages.
  static let dateCodes: Set<String> = ["late-submission"]

  /// Characters of a value a message quotes; a cell of 32,767 characters would make a
  /// message no cell can hold. The value itself stays whole in report.json.
  static let quoteLimit = 300

  /// The finding's message, its placeholders filled.
  public static func text(_ finding: Finding, _ language: Language) -> String {
    // A reader error brings its own message in both languages.
    if let message = finding.values[language == .vi ? "message" : "message_en"] ?? finding.values["message"] {
      return message
    }
    if finding.code == "outlier" { return OutlierWording.text(finding, language) }
    // A reason may have words of its own (`no-form` of a document without a table).
    let reasonTemplate = finding.values["reason"].flatMap { templates["\(finding.code)/\($0)"] }
    guard let template = reasonTemplate ?? templates[finding.code] else { return finding.code }
    var text = language == .vi ? template.vi : template.en
    var values = finding.values
    // Figures the checks computed read as the user writes them: 1.234,5 in Vietnamese.
    if language == .vi && figureCodes.contains(finding.code) {
      for key in ["seen", "expected"] {
        if let v = values[key], let n = Double(v) { values[key] = VietnameseNumber.text(n) }
      }
    }
    if dateCodes.contains(finding.code) {
      for key in ["seen", "expected"] {
        if let v = values[key], let serial = VietnameseDate.serial(v) {
          values[key] = VietnameseDate.text(ExcelDate(serial: serial, uses1904: false))
        }
      }
    }
    for (key, value) in values where value.count > quoteLimit {
      let rest = value.count - quoteLimit
      values[key] =
        value.prefix(quoteLimit) + (language == .vi ? "… (còn \(rest) ký tự)" : "… (\(rest) more characters)")
    }
    if language == .vi && finding.code == "value-out-of-range", let range = values["expected"] {
      values["expected"] = range.components(separatedBy: " … ").map {
        Double($0).map { VietnameseNumber.text($0) } ?? $0
      }
      .joined(separator: " … ")
    }
    if finding.code.hasPrefix("household-") || finding.code == "classification-mismatch"
      || finding.code == "duplicate-household"
    {
      HouseholdWording.fill(&values, language)
    }
    values["seen_part"] = values["seen"].flatMap { $0.isEmpty ? nil : " ('\($0)')" } ?? ""
    values["sheet"] = values["sheet"] ?? finding.location.sheet ?? ""
    values["cell"] = values["cell"] ?? finding.location.cell?.description ?? ""
    values["file"] = values["file"] ?? finding.location.file
    for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
    return text
  }
}
