/// What kind of file a submission is: as its bytes show it, or as its name claims.
public enum FileFormat: String, Hashable, Sendable, CaseIterable, Codable {
  case xlsx
  case xls
  case ods
  case csv
  /// An HTML page holding tables, as web software exports "Excel" files.
  case html
  /// Excel 2003 XML (`urn:schemas-microsoft-com:office:spreadsheet`).
  case spreadsheetML = "spreadsheetml"
  /// A Word document whose tables are read as sheets.
  case docx

  /// The format the file name's extension claims; nil when it claims none thidua reads.
  public init?(fileName: String) {
    let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "xlsx", "xlsm", "xltx", "xltm": self = .xlsx
    case "xls", "xlt": self = .xls
    case "ods", "ots": self = .ods
    case "csv", "tsv", "txt": self = .csv
    case "htm", "html", "mht", "mhtml": self = .html
    case "xml": self = .spreadsheetML
    case "docx", "docm", "dotx": self = .docx
    default: return nil
    }
  }

  /// How the received-files sheet names the format.
  public var displayName: String {
    switch self {
    case .xlsx: return "Excel .xlsx"
    case .xls: return "Excel .xls"
    case .ods: return "OpenDocument .ods"
    case .csv: return "CSV"
    case .html: return "HTML"
    case .spreadsheetML: return "Excel 2003 XML"
    case .docx: return "Word .docx"
    }
  }
}
