import SheetIO

/// The pages' words in Vietnamese and English.
enum PageWords {
  static func all(_ language: Language) -> [String: String] {
    Dictionary(uniqueKeysWithValues: table.map { ($0.key, language == .vi ? $0.value.vi : $0.value.en) })
  }

  static let table: [String: (vi: String, en: String)] = [
    "signIn": ("Đăng nhập", "Sign in"), "signOut": ("Đăng xuất", "Sign out"), "name": ("Tên đăng nhập", "User name"),
    "password": ("Mật khẩu", "Password"), "inbox": ("Hộp thư báo cáo", "Inbox"),
    "noRun": ("Chưa có lần thẩm định nào.", "No review has been run yet."), "file": ("Tệp", "File"),
    "fate": ("Kết quả", "Fate"), "unit": ("Đơn vị", "Unit"), "year": ("Năm", "Year"),
    "findings": ("Số phát hiện", "Findings"),
    "wrongPassword": ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
    "received": ("Tệp đã nhận", "Files received"), "size": ("Dung lượng (byte)", "Size (bytes)"),
    "receivedAt": ("Nhận lúc", "Received at"), "receivedBy": ("Người nhận", "Received by"),
    "lastReview": ("Lần thẩm định gần nhất", "Latest review"),
    "dropHere": (
      "Kéo thả các tệp báo cáo vào đây, hoặc chọn tệp:", "Drop the report files here, or choose them:"
    ), "chooseFiles": ("Chọn tệp", "Choose files"), "uploaded": ("đã nhận", "received"),
    "uploadFailed": ("không nhận được", "not received"), "runReview": ("Chạy thẩm định", "Run the review"),
    "severity": ("Mức độ", "Severity"), "sheet": ("Trang", "Sheet"), "cell": ("Ô", "Cell"),
    "message": ("Nội dung", "Message"), "noFindings": ("Không có phát hiện.", "No findings."),
    "nothingFromUnit": (
      "Lần thẩm định gần nhất không có tệp nào của đơn vị.", "The latest review holds no file of the unit."
    ), "cellShown": ("Ô được đánh dấu:", "The cell marked:"),
    "windowShown": (
      "Chỉ hiện các dòng và cột quanh ô được đánh dấu.", "Only the rows and columns around the marked cell are shown."
    ),
    "tooMany": (
      "Đăng nhập sai quá nhiều lần; hãy thử lại sau 15 phút.", "Too many failed sign-ins; try again in 15 minutes."
    ),
  ]
}
