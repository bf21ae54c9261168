import SheetIO

/// The line a Vietnamese report is signed with: `Núi Thành, ngày 09 tháng 01 năm 2018`,
/// a place (or nothing) and a date in words. Dates inside sentences (`Căn cứ Quyết định
/// số 59/2015/QĐ-TTg ngày 19 tháng 11 năm 2015 …`) cite other documents and are not it.
enum DateLine {
  /// A place before the date takes at most this many words (`Thành phố Tam Kỳ`).
  static let maxPlaceWords = 6

  /// Whether folded `text` is a date line, filled in (`ngay 09 thang 01 nam 2018`) or not
  /// yet (`ngay thang nam 2018`, the dots gone with folding).
  static func isDateLine(_ folded: String) -> Bool { parts(folded) != nil }

  /// The date of a filled-in date line, as a serial of the 1900 system.
  static func serial(_ text: String) -> Double? {
    guard let (day, month, year) = parts(TextFolding.fold(text)), let day, let month else { return nil }
    return VietnameseDate.serial("\(day)/\(month)/\(year)")
  }

  /// Day, month and year of a date line; day and month nil when left blank. The date may
  /// be written in digits (`Quảng Nam, ngày 22/01/2018`: folded, `ngay 22 01 2018`).
  private static func parts(_ folded: String) -> (Int?, Int?, Int)? {
    // Nearly every line asked is no date line: a look for `ngay` spares cutting it into words.
    guard mentionsNgay(folded) else { return nil }
    let words = folded.split(separator: " ")
    guard let ngay = words.firstIndex(of: "ngay"), ngay <= maxPlaceWords else { return nil }
    if words.count == ngay + 4, let d = Int(words[ngay + 1]), let m = Int(words[ngay + 2]),
      let y = Int(words[ngay + 3]),
      (1...31).contains(d), (1...12).contains(m), (1900...9999).contains(y)
    {
      return (d, m, y)
    }
    var i = ngay + 1
    func number() -> Int? {
      guard i < words.count, let n = Int(words[i]) else { return nil }
      i += 1
      return n
    }
    let day = number()
    guard i < words.count, words[i] == "thang" else { return nil }
    i += 1
    let month = number()
    guard i < words.count, words[i] == "nam" else { return nil }
    i += 1
    guard let year = number(), year >= 1900, year <= 9999, i == words.count else { return nil }
    return (day, month, year)
  }

  /// A loop of its own: the standard library's `firstRange(of:)` on the bytes took 8 % of a
  /// household list's whole check (measured with perf), this loop 0.2 %.
  private static func mentionsNgay(_ folded: String) -> Bool {
    var rest = folded.utf8[...]
    while let n = rest.firstIndex(of: UInt8(ascii: "n")) {
      if rest[n...].starts(with: "ngay".utf8) { return true }
      rest = rest[rest.index(after: n)...]
    }
    return false
  }
}
