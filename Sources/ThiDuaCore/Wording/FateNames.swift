public import SheetIO

extension ReceivedFile.Fate {
  /// The fate as the workbooks name it (*Đã dùng*, *Bản trùng* …), for other front ends.
  public func name(_ language: Language) -> String { Words(language: language).fate(self) }
}

extension Finding.Severity {
  /// The severity as the workbooks name it (*Lỗi*, *Cảnh báo*, *Thông tin*).
  public func name(_ language: Language) -> String { Words(language: language).severity(self) }
}
