public import SheetIO

extension ReceivedFile.Fate {
  /// The fate as the workbooks name it (*Đã dùng*, *Bản trùng* …), for other front ends.
  public func name(_ language: Language) -> String { Words(language: language).fate(self) }
}
