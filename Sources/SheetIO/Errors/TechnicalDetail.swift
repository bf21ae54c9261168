import Foundation

/// The technical detail a reader error carries (`reason:`), in Vietnamese.
///
/// The details are written in English where they are found (libzip's own texts among
/// them); the usual ones have their Vietnamese here. A Vietnamese message leaves out a
/// detail it has no words for rather than mixing languages: what is wrong and what to do
/// stay in the message, and the English detail stays in the English message and in
/// report.json.
enum TechnicalDetail {
  static func vietnamese(_ detail: String) -> String? {
    // The scanner appends where it stopped: "… (byte 1234)".
    if let open = detail.range(of: " (byte ", options: .backwards), detail.hasSuffix(")") {
      let offset = detail[open.upperBound..<detail.index(before: detail.endIndex)]
      guard offset.allSatisfy(\.isNumber), let base = vietnamese(String(detail[..<open.lowerBound])) else { return nil }
      return "\(base) (byte thứ \(offset))"
    }
    for (pattern, words) in patterns {
      guard let figures = match(detail, pattern) else { continue }
      // The figures keep their place: "$1" is the first of the English.
      var text = words
      for (i, figure) in figures.enumerated().reversed() {
        text = text.replacingOccurrences(of: "$\(i + 1)", with: figure)
      }
      return text
    }
    if let fixed = fixed[detail] { return fixed }
    for (prefix, vietnamese) in prefixes where detail.hasPrefix(prefix) {
      return vietnamese + detail.dropFirst(prefix.count)
    }
    return nil
  }

  /// Details with figures inside (the ODS, XLSX and XLS readers' places and counts):
  /// `#` stands for a number, a final `*` for the rest of the text. Matched by hand, not
  /// with Regex, whose compiled programs held in a static read as leaks under the
  /// fuzzers' leak checker.
  private static let patterns: [(String, String)] = [
    ("column # repeated # times in row #", "cột $1 lặp lại $2 lần ở dòng $3"),
    ("column # in row #", "cột $1 ở dòng $2"),
    ("column # of row #", "cột $1 của dòng $2"),
    ("row # repeated # times", "dòng $1 lặp lại $2 lần"),
    ("a merge of # columns × # rows from column #", "vùng gộp $1 cột × $2 dòng từ cột $3"),
    ("text:c=\"#\" spaces in one cell", "text:c=\"$1\" dấu cách trong một ô"),
    ("more than # cells from repeats", "hơn $1 ô do lặp lại"),
    ("dimensions of # rows × # columns", "kích thước $1 dòng × $2 cột"),
    ("row *", "dòng $1"),
    ("column *", "cột $1"),
  ]

  /// The figures of `text` where `pattern` has `#` (digits) and a final `*` (anything),
  /// or nil when the rest of it differs.
  static func match(_ text: String, _ pattern: String) -> [String]? {
    var figures: [String] = []
    var rest = Substring(text)
    var parts = Substring(pattern)
    while let mark = parts.firstIndex(where: { $0 == "#" || $0 == "*" }) {
      let literal = parts[..<mark]
      guard rest.hasPrefix(literal) else { return nil }
      rest = rest.dropFirst(literal.count)
      if parts[mark] == "*" {
        guard parts.index(after: mark) == parts.endIndex, !rest.isEmpty else { return nil }
        return figures + [String(rest)]
      }
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty else { return nil }
      figures.append(String(digits))
      rest = rest.dropFirst(digits.count)
      parts = parts[parts.index(after: mark)...]
    }
    return rest == parts ? figures : nil
  }

  private static let fixed: [String: String] = [
    // Read limits of compound files.
    "sectors": "số sector", "directory entries": "số mục thư mục", "stream bytes": "số byte của một luồng",
    // Zip archives (ours and libzip's texts).
    "truncated: the zip central directory is missing": "tệp bị cắt cụt: thiếu danh mục trung tâm của tệp zip",
    "Not a zip archive": "không phải tệp zip",
    "Zip archive inconsistent": "tệp zip không nhất quán",
    "CRC error": "sai mã kiểm tra CRC",
    "Read error": "lỗi đọc tệp",
    "Seek error": "lỗi di chuyển trong tệp",
    "Compression method not supported": "phương pháp nén không được hỗ trợ",
    "Encryption method not supported": "phương pháp mã hóa không được hỗ trợ",
    "Premature end of file": "tệp kết thúc sớm",
    "Zlib error": "lỗi giải nén (zlib)",
    "read error": "lỗi đọc tệp",
    "cannot stat the file": "không lấy được thông tin tệp",
    // XML structure.
    "CDATA outside the root element": "có CDATA nằm ngoài phần tử gốc",
    "`<` inside a tag": "có dấu `<` bên trong thẻ",
    "`<` inside an attribute value": "có dấu `<` trong giá trị thuộc tính",
    "a second root element": "có phần tử gốc thứ hai",
    "attribute value without quotes": "giá trị thuộc tính không có dấu nháy",
    "attribute without a quoted value": "thuộc tính không có giá trị trong dấu nháy",
    "attribute without a value": "thuộc tính không có giá trị",
    "document ends inside a tag": "tài liệu kết thúc giữa một thẻ",
    "document ends inside an element": "tài liệu kết thúc khi một phần tử chưa đóng",
    "document ends inside markup": "tài liệu kết thúc giữa phần đánh dấu",
    "empty count": "số lượng bị bỏ trống",
    "end tag does not match its start tag": "thẻ đóng không khớp với thẻ mở",
    "tag without a name": "thẻ không có tên",
    "text after the document's end": "có chữ sau khi tài liệu đã kết thúc",
    "text outside the root element": "có chữ nằm ngoài phần tử gốc",
    "undefined entity or bad character reference in an attribute":
      "thực thể chưa định nghĩa hoặc mã ký tự sai trong thuộc tính",
    "undefined entity or bad character reference": "thực thể chưa định nghĩa hoặc mã ký tự sai",
    "unexpected markup declaration": "khai báo đánh dấu không được phép",
    "unterminated CDATA section": "đoạn CDATA không được đóng",
    "unterminated attribute value": "giá trị thuộc tính không được đóng",
    "unterminated comment": "chú thích không được đóng",
    "unterminated end tag": "thẻ đóng không được kết thúc",
    "unterminated processing instruction": "chỉ thị xử lý không được đóng",
    // Compound files (.xls).
    "no compound-file signature": "không có chữ ký của tệp Office cũ",
    "wrong byte-order mark": "dấu thứ tự byte sai",
    "the directory has no root entry": "thư mục của tệp không có mục gốc",
    "the workbook stream is empty": "luồng sổ tính rỗng",
    "the workbook stream does not start with a BOF record": "luồng sổ tính không bắt đầu bằng bản ghi BOF",
    "the workbook globals end without an EOF record": "phần chung của sổ tính kết thúc mà không có bản ghi EOF",
    "the SST record is shorter than its header": "bản ghi SST ngắn hơn phần đầu của nó",
  ]

  /// Details that name a value after a fixed beginning: the beginning is translated, the
  /// value kept as it was.
  private static let prefixes: [(String, String)] = [
    ("number cell holds ", "ô số chứa "), ("date cell holds ", "ô ngày chứa "),
    ("boolean cell holds ", "ô đúng/sai chứa "), ("unknown cell type ", "kiểu ô không biết "),
    ("unknown value type ", "kiểu giá trị không biết "), ("office:value holds ", "office:value chứa "),
    ("office:boolean-value holds ", "office:boolean-value chứa "),
    ("date cell with office:date-value ", "ô ngày có office:date-value "),
    ("time cell with office:time-value ", "ô giờ có office:time-value "), ("count ", "số lượng "),
  ]
}
