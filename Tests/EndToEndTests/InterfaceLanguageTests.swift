import Foundation
import TestSupport
import Testing

/// Help, usage and argument errors follow `--lang` like every other message, Vietnamese
/// by default.
@Suite struct InterfaceLanguageTests {
  @Test func helpIsVietnameseUnlessEnglishIsAsked() throws {
    let vi = try thidua("--help")
    #expect(vi.status == 0)
    #expect(vi.stdout.hasPrefix("TỔNG QUAN: Kiểm tra, chấm điểm và xếp hạng các sổ tính báo cáo"))
    #expect(vi.stdout.contains("\nLỆNH CON:\n"))
    #expect(vi.stdout.contains("Xem 'thidua help <lệnh con>' để biết chi tiết."))
    let en = try thidua("--help", "--lang", "en")
    #expect(en.stdout.hasPrefix("OVERVIEW: Check, score and rank the report workbooks"))
    let sub = try thidua("convert-and-validate", "--help")
    #expect(sub.stdout.contains("--year <year>           Năm xét (mặc định: năm mà nhiều đơn vị báo cáo nhất;"))
    #expect(sub.stdout.contains("Thư mục kết quả. (mặc định: out)"))
    let subEnglish = try thidua("convert-and-validate", "--help", "--lang=en")
    #expect(subEnglish.stdout.contains("Output folder. (default: out)"))
  }

  @Test func argumentErrorsFollowTheLanguage() throws {
    let vi = try thidua("convert-and-validate", "--year", "abc")
    #expect(vi.status == 64)
    #expect(
      vi.stderr.hasPrefix("Lỗi: Giá trị 'abc' không hợp lệ cho '--year <year>'\nTrợ giúp:  --year <year>  Năm xét"))
    #expect(vi.stderr.contains("\nCách dùng: thidua convert-and-validate [<inbox>]"))
    let en = try thidua("convert-and-validate", "--year", "abc", "--lang", "en")
    #expect(en.status == 64)
    #expect(en.stderr.hasPrefix("Error: The value 'abc' is invalid for '--year <year>'"))
    let missing = try thidua("convert")
    #expect(missing.status == 64)
    #expect(missing.stderr.hasPrefix("Lỗi: Thiếu tham số '<file>'"))
    let extra = try thidua("tham-dinh")
    #expect(extra.stderr.hasPrefix("Lỗi: Tham số thừa 'tham-dinh'"))
    let language = try thidua("inspect", "x.xlsx", "--lang", "fr")
    #expect(language.stderr.hasPrefix("Lỗi: Giá trị 'fr' không hợp lệ cho '--lang <lang>'. Hãy dùng 'vi' hoặc 'en'."))
    let kind = try thidua("convert-and-validate", "--review", "quy", "--lang", "en")
    #expect(kind.status == 64)
    #expect(kind.stderr.hasPrefix("Error: Unknown review kind 'quy'. Known: annual, so-ket, tong-ket."))
  }
}
