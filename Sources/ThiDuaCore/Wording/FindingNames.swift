/// What each kind of finding is called in a sheet, in a few words: reviewers read the
/// name, and the code (docs/findings.md) stays beside it for whoever needs to look it up.
enum FindingNames {
  static func name(_ code: String, _ words: Words) -> String {
    guard let pair = names[code] else { return code }
    return words(pair.vi, pair.en)
  }

  private static let names: [String: (vi: String, en: String)] = [
    // The file as a whole
    "unreadable-file": ("Không mở được tệp", "File cannot be opened"),
    "not-a-zip": ("Tệp không phải sổ tính", "Not a workbook"),
    "damaged-zip": ("Tệp bị hỏng", "Damaged file"),
    "encrypted-workbook": ("Sổ tính có mật khẩu", "Password-protected workbook"),
    "encrypted-xls": ("Sổ tính có mật khẩu", "Password-protected workbook"),
    "legacy-xls": ("Sổ tính Excel cũ", "Old Excel workbook"),
    "other-compound-file": ("Không phải sổ tính Excel", "Not an Excel workbook"),
    "other-opendocument": ("Không phải bảng tính OpenDocument", "Not an OpenDocument spreadsheet"),
    "missing-part": ("Sổ tính thiếu phần", "Workbook part missing"),
    "doctype-forbidden": ("Nội dung không an toàn", "Unsafe content"),
    "part-too-large": ("Tệp quá lớn", "File too large"),
    "compression-ratio-exceeded": ("Tệp nén bất thường", "Abnormal compression"),
    "xml-too-deep": ("Cấu trúc lồng quá sâu", "Nesting too deep"),
    "malformed-xml": ("Nội dung sổ tính hỏng", "Damaged workbook content"),
    "bad-cell-reference": ("Địa chỉ ô sai", "Bad cell address"),
    "sheet-not-found": ("Không có trang", "Sheet not found"),
    "damaged-compound-file": ("Tệp Excel cũ bị hỏng", "Damaged old Excel file"),
    "compound-file-too-large": ("Tệp quá lớn", "File too large"),
    "damaged-xls": ("Tệp Excel cũ bị hỏng", "Damaged old Excel file"),
    "beyond-grid": ("Ô ngoài giới hạn trang", "Cell beyond the sheet"),
    "repeat-limit-exceeded": ("Lặp ô quá nhiều", "Too many repeated cells"),
    "invalid-utf8": ("Sai mã ký tự", "Invalid characters"),
    "grid-too-large": ("Trang quá lớn", "Sheet too large"),
    "output-too-large": ("Kết quả quá lớn", "Output too large"),
    "no-table": ("Tài liệu không có bảng", "Document without a table"),
    "container": ("Tệp nén hoặc thư, không phải sổ tính", "Archive or e-mail, not a workbook"),
    "internal-error": ("Không xét được tệp", "File could not be processed"),
    "convention-conflict": ("Cách ghi số lẫn lộn", "Mixed number conventions"),
    "weak-encoding-evidence": ("Bảng mã không chắc chắn", "Uncertain encoding"),
    "unterminated-quote": ("Dấu ngoặc kép chưa đóng", "Unclosed quote"),
    "text-after-closing-quote": ("Chữ sau dấu ngoặc kép", "Text after a closing quote"),
    // Finding the form, the unit and the year
    "no-form": ("Không nhận ra biểu mẫu", "No form recognised"),
    "format-differs-from-name": ("Đuôi tệp khác nội dung", "Name and content differ"),
    "damaged-archive": ("Tệp nén bị hỏng", "Damaged archive"),
    "encrypted-archive": ("Tệp nén có mật khẩu", "Password-protected archive"),
    "archive-too-large": ("Tệp nén quá lớn", "Archive too large"),
    "archive-too-deep": ("Tệp nén lồng quá sâu", "Archive nested too deep"),
    "empty-archive": ("Tệp nén rỗng", "Empty archive"),
    "damaged-mail": ("Thư điện tử bị hỏng", "Damaged e-mail"),
    "empty-mail": ("Thư không có tệp đính kèm", "E-mail without attachment"),
    "unknown-unit": ("Không rõ đơn vị", "Unit unknown"),
    "ambiguous-unit": ("Đơn vị chưa rõ", "Unit ambiguous"),
    "fuzzy-match": ("Tên gần đúng", "Near spelling"),
    "unknown-year": ("Không rõ năm báo cáo", "Year unknown"),
    "year-conflict": ("Hai năm báo cáo", "Two reporting years"),
    "other-year-sheet": ("Trang của năm khác", "Sheet of another year"),
    "template-unit-changed": ("Mẫu: mã đơn vị bị sửa", "Template: unit code changed"),
    "template-year-missing": ("Mẫu: chưa ghi năm", "Template: year missing"),
    "template-fields-changed": ("Mẫu: dòng mã trường bị sửa", "Template: field codes changed"),
    "unknown-area": ("Không rõ địa bàn", "Area unknown"),
    // The figures
    "missing-label": ("Thiếu cột bắt buộc", "Required column missing"),
    "type-error": ("Sai kiểu số liệu", "Wrong kind of value"),
    "ambiguous-number": ("Số hiểu hai cách", "Number reads two ways"),
    "value-out-of-range": ("Số không dùng được", "Unusable number"),
    "constraint-error": ("Số ngoài giới hạn", "Number out of range"),
    "missing-cell": ("Thiếu số liệu", "Value missing"),
    "balance-mismatch": ("Số hộ nghèo không khớp", "Poor households do not balance"),
    "rate-mismatch": ("Tỷ lệ không khớp", "Rate does not match"),
    "poor-exceeds-households": ("Hộ nghèo nhiều hơn số hộ", "More poor than households"),
    "total-mismatch": ("Dòng tổng không khớp", "Total does not match"),
    "duplicate-row": ("Dòng trùng", "Duplicate row"),
    "start-mismatch": ("Đầu năm khác cuối năm trước", "Start differs from last year's end"),
    "outlier": ("Số liệu bất thường so với các năm trước", "Figure unusual against earlier years"),
    "rows-not-read": ("Dòng không đọc được", "Rows not read"),
    "evidence-missing": ("Thiếu văn bản minh chứng", "Evidence missing"),
    "late-submission": ("Nộp muộn", "Late submission"),
    "formula-like-text": ("Chữ trông như công thức", "Text that looks like a formula"),
  ]

  /// Every code that has a name, for the test that each finding thidua makes has one.
  static var codes: Set<String> { Set(names.keys) }
}
