extension ReadNote {
  /// What the reader did, for the person who reads the converted file, with the cell.
  public func message(_ language: Language) -> String {
    let vi = language == .vi
    let at = cell.map { (vi ? "Ô " : "Cell ") + $0.description + ": " } ?? ""
    switch code {
    case "ambiguous-number":
      return at
        + (vi
          ? "«\(detail)» đọc được hai cách (dấu chấm, dấu phẩy là phân cách nghìn hay dấu thập phân) và cả cột lẫn tệp không cho biết cách nào; để nguyên là văn bản."
          : "\"\(detail)\" reads two ways (the dot or comma as a thousands separator or a decimal mark) and neither its column nor the file tells which; kept as text.")
    case "convention-conflict":
      return at
        + (vi
          ? "«\(detail)» viết số theo quy ước khác với cột của nó; đã đọc theo cách viết của chính ô này."
          : "\"\(detail)\" writes its number in the other convention from its column; read as it is written.")
    case "weak-encoding-evidence":
      return vi
        ? "Bảng mã được chọn với bằng chứng yếu: \(detail). Nếu chữ tiếng Việt hiển thị sai, hãy chỉ định --encoding."
        : "The encoding was chosen on weak evidence: \(detail). If the Vietnamese text looks wrong, give --encoding."
    case "text-after-closing-quote":
      return at
        + (vi
          ? "có ký tự sau dấu ngoặc kép đóng; đã giữ lại cả phần sau."
          : "characters after a closing quote; they were kept.")
    case "unterminated-quote":
      return at
        + (vi
          ? "dấu ngoặc kép mở không được đóng; trường kéo dài đến hết tệp."
          : "a quote is opened and never closed; the field runs to the end of the file.")
    case "nested-table":
      return at
        + (vi
          ? "ô này chứa một bảng lồng bên trong; bảng đó được đọc thành trang riêng «\(detail)»."
          : "this cell holds a table of its own; it is read as the sheet \"\(detail)\".")
    case "cells-beyond-grid":
      return vi
        ? "\(detail) ô nằm ngoài giới hạn của Excel (1.048.576 dòng × 16.384 cột) không được đọc."
        : "\(detail) cells beyond Excel's grid (1,048,576 rows × 16,384 columns) were not read."
    default:
      return at + code + (detail.isEmpty ? "" : ": " + detail)
    }
  }
}
