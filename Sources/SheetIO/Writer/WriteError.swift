/// Why a workbook could not be written. Every value is checked before it reaches
/// libxlsxwriter: Debian's 1.1.4 predates upstream fixes for overflows found by fuzzing.
public enum WriteError: Error, Hashable, Sendable {
  /// Text longer than Excel's 32,767 characters per cell.
  case textTooLong(sheet: String, cell: CellAddress, length: Int)
  /// A row or column outside Excel's grid (1,048,576 × 16,384).
  case outsideGrid(sheet: String, row: Int, column: Int)
  /// A sheet name that cannot be made valid (empty after cleaning).
  case invalidSheetName(String)
  /// A URL longer than Excel's 2,079 characters.
  case urlTooLong(sheet: String, length: Int)
  /// More cell styles than Excel's 64,000.
  case tooManyStyles
  /// A number that is not finite (NaN, infinity): Excel has no such value.
  case notFinite(sheet: String, cell: CellAddress)
  /// libxlsxwriter refused; `code` and `message` are its own (`lxw_strerror`).
  case library(code: Int32, message: String)
  /// The file could not be written or moved into place.
  case io(path: String, reason: String)

  public var code: String {
    switch self {
    case .textTooLong: return "text-too-long"
    case .outsideGrid: return "outside-grid"
    case .invalidSheetName: return "invalid-sheet-name"
    case .urlTooLong: return "url-too-long"
    case .tooManyStyles: return "too-many-styles"
    case .notFinite: return "not-finite"
    case .library: return "xlsxwriter-error"
    case .io: return "write-failed"
    }
  }

  public func message(_ language: Language) -> String {
    let vi = language == .vi
    switch self {
    case .textTooLong(let sheet, let cell, let length):
      return vi
        ? "Ô \(cell) trang '\(sheet)' có \(length) ký tự, vượt giới hạn 32.767 của Excel."
        : "Cell \(cell) on '\(sheet)' holds \(length) characters, over Excel's limit of 32,767."
    case .outsideGrid(let sheet, let row, let column):
      return vi
        ? "Ô hàng \(row), cột \(column) trang '\(sheet)' nằm ngoài giới hạn của Excel."
        : "Row \(row), column \(column) on '\(sheet)' is outside Excel's grid."
    case .invalidSheetName(let name):
      return vi
        ? "Không tạo được tên trang tính hợp lệ từ '\(name)'." : "No valid sheet name can be made from '\(name)'."
    case .urlTooLong(let sheet, let length):
      return vi
        ? "Liên kết trên trang '\(sheet)' dài \(length) ký tự, vượt giới hạn 2.079 của Excel."
        : "A link on '\(sheet)' is \(length) characters long, over Excel's limit of 2,079."
    case .tooManyStyles:
      return vi ? "Sổ tính có quá 64.000 định dạng ô." : "The workbook has more than 64,000 cell styles."
    case .notFinite(let sheet, let cell):
      return vi
        ? "Ô \(cell) trang '\(sheet)' không phải là số hữu hạn." : "Cell \(cell) on '\(sheet)' is not a finite number."
    case .library(let code, let message):
      return vi ? "Thư viện libxlsxwriter báo lỗi \(code): \(message)." : "libxlsxwriter error \(code): \(message)."
    case .io(let path, let reason):
      return vi ? "Không ghi được tệp \(path): \(reason)." : "Cannot write \(path): \(reason)."
    }
  }
}
