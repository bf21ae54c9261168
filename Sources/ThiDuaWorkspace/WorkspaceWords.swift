public import SheetIO

extension WorkspaceError {
  /// What went wrong and what to do, in the user's language.
  public func message(_ language: Language) -> String {
    let vi = language == .vi
    switch self {
    case .corrupt(let path):
      return vi
        ? "cơ sở dữ liệu \(path) bị hỏng hoặc không phải cơ sở dữ liệu của thidua; hãy khôi phục bản sao lưu (các tệp đã nhận vẫn ở thư mục files/ bên cạnh)."
        : "the database \(path) is damaged or not a thidua database; restore a backup (the received files are still in the files/ folder beside it)."
    case .locked(let path):
      return vi
        ? "cơ sở dữ liệu \(path) đang được một chương trình khác ghi; hãy chờ chương trình đó xong rồi chạy lại."
        : "the database \(path) is being written by another program; wait for it to finish and run again."
    case .newerVersion(let path):
      return vi
        ? "cơ sở dữ liệu \(path) do một phiên bản thidua mới hơn tạo; hãy dùng phiên bản đó."
        : "the database \(path) was made by a newer thidua; use that version."
    case .cannotOpen(let path, let reason):
      return vi ? "không mở được \(path): \(reason)." : "cannot open \(path): \(reason)."
    case .cannotWrite(let path, let reason):
      return vi ? "không ghi được \(path): \(reason)." : "cannot write \(path): \(reason)."
    case .fileMissing(let sha256):
      return vi
        ? "tệp đã nhận \(sha256) không còn trong thư mục files/ của không gian làm việc."
        : "the received file \(sha256) is no longer in the workspace's files/ folder."
    case .fileChanged(let sha256):
      return vi
        ? "tệp đã nhận \(sha256) trong thư mục files/ đã bị sửa; nội dung không còn đúng như khi nhận."
        : "the received file \(sha256) in the files/ folder was modified; it no longer holds what was received."
    }
  }
}
