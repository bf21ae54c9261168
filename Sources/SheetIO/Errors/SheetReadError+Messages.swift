/// The language of messages and output workbooks.
public enum Language: String, Hashable, Sendable, CaseIterable {
  case vi, en
}

extension SheetReadError {
  /// The technical detail in Vietnamese, in parentheses or after `separator`; nothing
  /// when it has no Vietnamese words (TechnicalDetail).
  static func vietnamese(_ detail: String, as separator: String? = nil) -> String {
    guard let text = TechnicalDetail.vietnamese(detail) else { return "" }
    return separator.map { $0 + text } ?? " (\(text))"
  }

  /// A message for the person who sent or received the file: what is wrong and what to do.
  public func message(_ language: Language) -> String {
    let at = location.description
    switch (self, language) {
    case (.unreadableFile(_, let reason), .vi):
      return "Không đọc được tệp \(at)" + Self.vietnamese(reason, as: ": ") + "."
    case (.unreadableFile(_, let reason), .en):
      return "Cannot read the file \(at): \(reason)."
    case (.notAZip, .vi):
      return
        "Tệp \(at) không phải sổ tính hay bảng số liệu mà thidua đọc được (.xlsx, .xls, .ods, CSV, HTML, XML Excel 2003, Word .docx). Hãy đề nghị đơn vị gửi biểu số liệu bằng Excel."
    case (.notAZip, .en):
      return
        "\(at) is no workbook or table that thidua reads (.xlsx, .xls, .ods, CSV, HTML, Excel 2003 XML, Word .docx). Ask the unit to send its figures as an Excel workbook."
    case (.damagedZip(_, let reason), .vi):
      return "Tệp \(at) bị hỏng hoặc không trọn vẹn\(Self.vietnamese(reason)). Hãy đề nghị đơn vị gửi lại tệp."
    case (.damagedZip(_, let reason), .en):
      return "\(at) is damaged or incomplete (\(reason)). Ask the unit to send the file again."
    case (.encryptedWorkbook, .vi):
      return
        "Tệp \(at) là sổ tính .xlsx có đặt mật khẩu. Hãy đề nghị đơn vị gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại."
    case (.encryptedWorkbook, .en):
      return
        "\(at) is a password-protected .xlsx workbook. Ask the unit to remove the password (File › Info › Protect Workbook) and send it again."
    case (.legacyXLS, .vi):
      return
        "Tệp \(at) là sổ tính Excel phiên bản quá cũ (trước Excel 5) mà thidua không đọc được. Hãy mở bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx."
    case (.legacyXLS, .en):
      return
        "\(at) is a workbook from an Excel version too old for thidua (before Excel 5). Open it in Excel or LibreOffice and save it as .xlsx."
    case (.otherCompoundFile, .vi):
      return "Tệp \(at) là tài liệu Office cũ nhưng không phải sổ tính. Hãy gửi tệp .xlsx."
    case (.otherCompoundFile, .en):
      return "\(at) is an old-style Office document but not a workbook. Send an .xlsx file."
    case (.missingPart(_, let part), .vi):
      return "Tệp \(at) thiếu thành phần bắt buộc \(part) của sổ tính; tệp có thể bị hỏng."
    case (.missingPart(_, let part), .en):
      return "\(at) lacks the required workbook part \(part); the file may be damaged."
    case (.doctypeForbidden, .vi):
      return "Tệp \(at) chứa khai báo DOCTYPE trong XML; thidua từ chối để tránh tấn công thực thể XML."
    case (.doctypeForbidden, .en):
      return "\(at) contains an XML DOCTYPE declaration; thidua refuses it to rule out XML entity attacks."
    case (.partTooLarge(_, let bytes, let limit), .vi):
      return
        "Tệp \(at) giải nén ra quá lớn (\(bytes) byte, giới hạn \(limit) byte). Tệp có thể là bom nén hoặc quá lớn để xử lý."
    case (.partTooLarge(_, let bytes, let limit), .en):
      return
        "\(at) inflates beyond the limit (\(bytes) bytes, limit \(limit)). It may be a zip bomb or too large to process."
    case (.compressionRatioExceeded(_, let ratio, let limit), .vi):
      return "Tệp \(at) có tỷ lệ nén bất thường (\(ratio):1, giới hạn \(limit):1): dấu hiệu bom nén; đã dừng đọc."
    case (.compressionRatioExceeded(_, let ratio, let limit), .en):
      return
        "\(at) has an abnormal compression ratio (\(ratio):1, limit \(limit):1), the mark of a zip bomb; reading stopped."
    case (.xmlTooDeep(_, let limit), .vi):
      return "Tệp \(at) có XML lồng nhau quá sâu (hơn \(limit) cấp); đã dừng đọc."
    case (.xmlTooDeep(_, let limit), .en):
      return "\(at) nests XML deeper than \(limit) levels; reading stopped."
    case (.malformedXML(_, let reason), .vi):
      return "Tệp \(at) có XML sai cấu trúc" + Self.vietnamese(reason, as: ": ") + "."
    case (.malformedXML(_, let reason), .en):
      return "\(at) has malformed XML: \(reason)."
    case (.badCellReference(_, let text), .vi):
      return "Tệp \(at) có địa chỉ ô không hợp lệ hoặc nằm ngoài giới hạn của Excel" + Self.vietnamese(text, as: ": ")
        + "."
    case (.badCellReference(_, let text), .en):
      return "\(at) has a cell reference that is malformed or outside Excel's grid: \(text)."
    case (.sheetNotFound(_, let name, let available), .vi):
      return "Tệp \(at) không có trang tính '\(name)'. Các trang tính hiện có: \(available.joined(separator: ", "))."
    case (.sheetNotFound(_, let name, let available), .en):
      return "\(at) has no sheet named '\(name)'. Sheets: \(available.joined(separator: ", "))."
    case (.damagedCompoundFile(_, let reason), .vi):
      return
        "Tệp \(at) (định dạng Office cũ) bị hỏng hoặc không trọn vẹn\(Self.vietnamese(reason)). Hãy đề nghị đơn vị gửi lại tệp."
    case (.damagedCompoundFile(_, let reason), .en):
      return
        "\(at) (an old-style Office file) is damaged or incomplete (\(reason)). Ask the unit to send the file again."
    case (.compoundFileTooLarge(_, let what, let count, let limit), .vi):
      return
        "Tệp \(at) vượt giới hạn đọc: \(TechnicalDetail.vietnamese(what) ?? "kích thước") là \(count), giới hạn \(limit). Tệp có thể bị hỏng hoặc quá lớn để xử lý."
    case (.compoundFileTooLarge(_, let what, let count, let limit), .en):
      return
        "\(at) is over a read limit: \(what) is \(count), limit \(limit). It may be damaged or too large to process."
    case (.damagedXLS(_, let reason), .vi):
      return
        "Tệp \(at) là sổ tính .xls bị hỏng\(Self.vietnamese(reason)). Hãy đề nghị đơn vị mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi gửi lại."
    case (.damagedXLS(_, let reason), .en):
      return
        "\(at) is a damaged .xls workbook (\(reason)). Ask the unit to open it in Excel, save it as .xlsx and send it again."
    case (.encryptedXLS, .vi):
      return
        "Tệp \(at) là sổ tính .xls có đặt mật khẩu. Hãy đề nghị đơn vị gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại."
    case (.encryptedXLS, .en):
      return
        "\(at) is a password-protected .xls workbook. Ask the unit to remove the password (File › Info › Protect Workbook) and send it again."
    case (.beyondGrid(_, let what), .vi):
      return "Tệp \(at) có ô chứa dữ liệu nằm ngoài giới hạn của Excel (16.384 cột × 1.048.576 dòng)"
        + Self.vietnamese(what, as: ": ") + "."
    case (.beyondGrid(_, let what), .en):
      return "\(at) has a cell with a value beyond Excel's grid (16,384 columns × 1,048,576 rows): \(what)."
    case (.repeatLimitExceeded(_, let what, let limit), .vi):
      return
        "Tệp \(at) lặp lại ô hoặc ký tự quá giới hạn (\(TechnicalDetail.vietnamese(what).map { $0 + ", " } ?? "")giới hạn \(limit)): dấu hiệu tệp độc hại; đã dừng đọc."
    case (.repeatLimitExceeded(_, let what, let limit), .en):
      return
        "\(at) repeats cells or characters beyond the limit (\(what), limit \(limit)), the mark of a hostile file; reading stopped."
    case (.otherOpenDocument(_, let type), .vi):
      return
        "Tệp \(at) là tài liệu OpenDocument loại khác (\(type)), không phải bảng tính. Hãy gửi sổ tính .ods hoặc .xlsx."
    case (.otherOpenDocument(_, let type), .en):
      return
        "\(at) is an OpenDocument file of another kind (\(type)), not a spreadsheet. Send an .ods or .xlsx workbook."
    case (.invalidUTF8(_, let offset, let bytes), .vi):
      return
        "Tệp \(at) có byte không hợp lệ theo mã UTF-8 ở byte \(offset) của phần này (\(bytes)): tệp bị hỏng hoặc do phần mềm ghi sai. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại."
    case (.invalidUTF8(_, let offset, let bytes), .en):
      return
        "\(at) holds bytes that are not valid UTF-8 at byte \(offset) of the part (\(bytes)): the file is damaged or was written wrongly. Open it in Excel or LibreOffice, save it again and send it."
    case (.gridTooLarge(_, let rows, let columns, let limit), .vi):
      return
        "Trang tính \(at) trải trên \(rows) dòng × \(columns) cột, quá giới hạn \(limit) ô để ghi ra CSV (thường do một ô lẻ nằm rất xa bảng). Hãy xoá các ô thừa, hoặc dùng `thidua inspect` để xem ô nào."
    case (.gridTooLarge(_, let rows, let columns, let limit), .en):
      return
        "The sheet \(at) spans \(rows) rows × \(columns) columns, beyond the limit of \(limit) cells for a CSV (usually one stray cell far from the table). Delete the stray cells, or run `thidua inspect` to see which."
    case (.outputTooLarge(_, let bytes, let limit), .vi):
      return
        "Trang tính \(at) sẽ thành tệp CSV khoảng \(bytes) byte, quá giới hạn \(limit) byte; không ghi gì. Hãy kiểm tra các ô có văn bản rất dài lặp lại nhiều lần."
    case (.outputTooLarge(_, let bytes, let limit), .en):
      return
        "The sheet \(at) would make a CSV of about \(bytes) bytes, beyond the limit of \(limit) bytes; nothing was written. Look for very long texts repeated in many cells."
    case (.noTable, .vi):
      return "Tệp \(at) là tài liệu không có bảng nào; thidua chỉ đọc số liệu từ các bảng."
    case (.noTable, .en):
      return "\(at) is a document without any table; thidua reads figures from tables only."
    case (.container(_, let kind), .vi):
      let what = kind == "archive" ? "tệp nén" : "thư điện tử"
      return
        "Tệp \(at) là \(what) chứa các tệp khác, không phải một sổ tính. Lệnh convert-and-validate đọc từng tệp bên trong; `thidua inspect` liệt kê chúng."
    case (.container(_, let kind), .en):
      let what = kind == "archive" ? "an archive" : "a saved e-mail"
      return
        "\(at) is \(what) holding other files, not a workbook. convert-and-validate reads each file inside it; `thidua inspect` lists them."
    }
  }
}
