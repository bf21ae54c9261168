import Foundation
import SheetIO
import ThiDuaCore

/// Why `convert-and-validate` stops before writing results, with the exit status each
/// reason has (docs/cli.md lists them).
enum RunProblem: Error {
  /// The inbox does not exist, is a file, or cannot be listed.
  case inbox(path: String, reason: PathReason)
  /// `--year` outside the movement's years.
  case yearOutsideMovement(year: Int, years: ClosedRange<Int>)
  /// `--review so-ket` or `tong-ket` with a year that is not the plan's for it.
  case reviewYear(kind: String, year: Int, expected: Int, period: ClosedRange<Int>)
  /// No file of the inbox is a readable submission: none holds a form.
  case noSubmission(inbox: String, files: [(name: String, why: String)])
  /// The results folder cannot be written.
  case output(path: String, reason: PathReason)

  enum PathReason {
    case missing, notAFolder, system(Int32)
  }

  var exitStatus: Int32 {
    switch self {
    case .inbox: 2
    case .noSubmission: 3
    case .yearOutsideMovement: 4
    case .output: 5
    case .reviewYear: 6
    }
  }

  func message(_ language: Language) -> String {
    let vi = language == .vi
    switch self {
    case .inbox(let path, .missing):
      return vi
        ? "không có thư mục hộp thư \(path); hãy kiểm tra đường dẫn."
        : "there is no inbox folder \(path); check the path."
    case .inbox(let path, .notAFolder):
      return vi
        ? "\(path) là một tệp, không phải thư mục; hãy đưa đường dẫn của thư mục chứa các tệp đơn vị gửi."
        : "\(path) is a file, not a folder; give the folder that holds the files units sent."
    case .inbox(let path, .system(let code)):
      return vi
        ? "không đọc được thư mục hộp thư \(path): \(Self.systemReason(code, vi: true)); hãy kiểm tra quyền truy cập thư mục."
        : "cannot read the inbox folder \(path): \(Self.systemReason(code, vi: false)); check the folder's permissions."
    case .yearOutsideMovement(let year, let years):
      return vi
        ? "năm \(year) nằm ngoài thời gian của phong trào (\(years.lowerBound)–\(years.upperBound)); hãy chọn một năm trong khoảng đó."
        : "the year \(year) is outside the movement's period (\(years.lowerBound)–\(years.upperBound)); choose a year within it."
    case .reviewYear(let kind, let year, let expected, let period):
      let span = "\(period.lowerBound)–\(period.upperBound)"
      let name = kind == "so-ket" ? (vi ? "sơ kết" : "mid-term") : (vi ? "tổng kết" : "final")
      return vi
        ? "đợt \(name) của phong trào xét năm \(expected) (giai đoạn \(span)), không phải năm \(year); hãy bỏ --year hoặc ghi --year \(expected)."
        : "the movement's \(name) review is of \(expected) (period \(span)), not \(year); leave out --year or give --year \(expected)."
    case .noSubmission(let inbox, let files):
      let head =
        files.isEmpty
        ? (vi ? "hộp thư \(inbox) không có tệp nào" : "the inbox \(inbox) holds no file")
        : (vi
          ? "không tệp nào trong \(files.count) tệp của hộp thư \(inbox) có biểu mẫu đọc được"
          : "none of the \(files.count) files in the inbox \(inbox) holds a readable form")
      let advice =
        vi
        ? "; không ghi kết quả. Hãy đặt vào hộp thư các sổ tính (.xlsx, .xls, .ods) hoặc tệp CSV đơn vị gửi."
        : "; no results written. Put the workbooks (.xlsx, .xls, .ods) or CSV files units sent into the inbox."
      return head + advice + ListedNames.lines(files.map { "\($0.name): \($0.why)" }, language: language)
    case .output(let path, let reason):
      let why: String
      switch reason {
      case .missing: why = vi ? "đường dẫn không tồn tại" : "the path does not exist"
      case .notAFolder:
        why = vi ? "một phần của đường dẫn là tệp, không phải thư mục" : "part of the path is a file, not a folder"
      case .system(let code): why = Self.systemReason(code, vi: vi)
      }
      return vi
        ? "không ghi được kết quả vào \(path): \(why); hãy kiểm tra quyền ghi hoặc chọn --out khác. Kết quả cũ (nếu có) vẫn giữ nguyên."
        : "cannot write the results into \(path): \(why); check the write permission or choose another --out. Earlier results, if any, are unchanged."
    }
  }

  /// A system error in words: the usual ones in Vietnamese, any other by its English text.
  static func systemReason(_ code: Int32, vi: Bool) -> String {
    switch code {
    case EACCES, EPERM: return vi ? "không có quyền truy cập" : "permission denied"
    case EROFS: return vi ? "ổ đĩa chỉ cho đọc" : "the file system is read-only"
    case ENOSPC, EDQUOT: return vi ? "hết chỗ trên ổ đĩa" : "no space left on the disk"
    case ENOTDIR:
      return vi ? "một phần của đường dẫn là tệp, không phải thư mục" : "part of the path is a file, not a folder"
    case ENOENT: return vi ? "đường dẫn không tồn tại" : "the path does not exist"
    case EISDIR: return vi ? "đường dẫn là một thư mục" : "the path is a folder"
    default:
      let text = String(cString: strerror(code))
      return vi ? "lỗi hệ thống \(code) (\(text))" : "system error \(code) (\(text))"
    }
  }

  /// The POSIX error behind a Foundation error, when there is one.
  static func posixCode(of error: any Error) -> Int32? {
    let ns = error as NSError
    if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error { return posixCode(of: underlying) }
    switch CocoaError.Code(rawValue: ns.code) {
    case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
    case .fileWriteVolumeReadOnly: return EROFS
    case .fileWriteOutOfSpace: return ENOSPC
    case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
    default: return nil
    }
  }
}

/// A few names on their own lines, then "and N more".
enum ListedNames {
  static let shown = 5

  /// "\n  – name" for the first few, then the count of the rest; empty for no names.
  static func lines(_ names: [String], language: Language) -> String {
    guard !names.isEmpty else { return "" }
    var text = names.prefix(shown).map { "\n  – \($0)" }.joined()
    if names.count > shown {
      text += language == .vi ? "\n  và \(names.count - shown) tệp khác." : "\n  and \(names.count - shown) more."
    }
    return text
  }
}
