/// Dates written as text: `27/09/2017`, `27/9/17`, `27-09-2017`, `27.09.2017`,
/// `2017-09-27`, and `ngày 27 tháng 9 năm 2017`. Day before month, as Vietnamese writes
/// them; two-digit years are 2000–2049 for 00–49, 1950–1999 for 50–99.
public enum VietnameseDate {
  /// The date as a serial of the 1900 system; nil for anything else.
  public static func serial(_ text: String) -> Double? {
    // `dd/mm/yyyy` from the bytes, as the CSV reader reads it; other forms below.
    var utf8 = text
    if case .date(let serial) = utf8.withUTF8({ CSVFieldReading.classify($0, utf8: true) }) { return serial }
    guard let (y, m, d) = components(text) else { return nil }
    return ISODate.serial(String(format4(y)) + "-" + pad2(m) + "-" + pad2(d), uses1904: false)
  }

  /// `dd/mm/yyyy`, the way Vietnamese documents write a date.
  public static func text(_ date: ExcelDate) -> String {
    let c = date.components
    return pad2(c.day) + "/" + pad2(c.month) + "/" + format4(c.year)
  }

  static func components(_ text: String) -> (Int, Int, Int)? {
    guard mayBeDate(text) else { return nil }
    let folded = TextFolding.fold(text)
    let words = folded.split(separator: " ")
    var numbers: [Substring] = []
    if words.contains("thang") || words.contains("nam") || words.contains("ngay") {
      // ngày 27 tháng 9 năm 2017: the numbers after each word.
      var day: Int?
      var month: Int?
      var year: Int?
      var i = 0
      while i < words.count {
        let next = i + 1 < words.count ? Int(words[i + 1]) : nil
        switch words[i] {
        case "ngay": day = next
        case "thang": month = next
        case "nam": year = next
        default: if day == nil, i == 0, let n = Int(words[i]) { day = n }
        }
        i += 1
      }
      guard let day, let month, let year else { return nil }
      return valid(year, month, day)
    }
    let trimmed = text.trimmingSpaces
    for separator: Character in ["/", "-", "."] where trimmed.contains(separator) {
      numbers = trimmed.split(separator: separator, omittingEmptySubsequences: false)
      break
    }
    guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }),
      let a = Int(numbers[0]), let b = Int(numbers[1]), let c = Int(numbers[2])
    else { return nil }
    if numbers[0].count == 4 { return valid(a, b, c) }  // 2017-09-27
    guard numbers[2].count == 4 || numbers[2].count == 2 else { return nil }
    let year = numbers[2].count == 2 ? (c < 50 ? 2000 + c : 1900 + c) : c
    return valid(year, b, a)
  }

  /// A cheap look at the bytes first: every form has a digit and either a separator
  /// (`/` `-` `.`) or the word tháng/thang (month) in any case.
  private static func mayBeDate(_ text: String) -> Bool {
    var digit = false
    var separator = false
    var month = false
    var b1: UInt8 = 0  // the byte before, and the one before that
    var b2: UInt8 = 0
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
      case UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."): separator = true
      default:
        // "th" then a/A, or then á/Á (0xC3 0xA1 / 0xC3 0x81).
        let afterTH = (b2 | 0x20) == UInt8(ascii: "t") && (b1 | 0x20) == UInt8(ascii: "h")
        if afterTH && (byte | 0x20) == UInt8(ascii: "a") { month = true }
        if afterTH && byte == 0xC3 { month = true }
      }
      b2 = b1
      b1 = byte
    }
    return digit && (separator || month)
  }

  private static func valid(_ y: Int, _ m: Int, _ d: Int) -> (Int, Int, Int)? {
    guard (1900...9999).contains(y), (1...12).contains(m), d >= 1 else { return nil }
    let days = [31, y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return d <= days[m - 1] ? (y, m, d) : nil
  }

  private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
  private static func format4(_ n: Int) -> String { String(n) }
}
