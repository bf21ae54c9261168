import SheetIO

/// The message of an `outlier` finding: what the figure is, the history it breaks with
/// and which rule it breaks, figures written as the user writes them (`1.234,5` in
/// Vietnamese). One sentence per rule; a rate that breaks several rules names each.
enum OutlierWording {
  static func text(_ finding: Finding, _ language: Language) -> String {
    let v = finding.values
    let vi = language == .vi
    func number(_ key: String) -> String {
      guard let text = v[key], let x = Double(text) else { return v[key] ?? "" }
      return vi ? VietnameseNumber.text(x) : text
    }
    let year = v["year"] ?? ""
    let cell = finding.location.cell?.description ?? ""
    let sheet = finding.location.sheet ?? ""
    let head = vi ? "Ô \(cell) trang '\(sheet)': " : "Cell \(cell) on '\(sheet)': "
    let area = v["area"].map { vi ? " của địa bàn '\($0)'" : " of the area '\($0)'" } ?? ""
    let summed = v["total"] == "sum" ? (vi ? " (cộng các dòng)" : " (the rows' sum)") : ""
    let check = vi ? " Hãy kiểm tra lại số liệu." : " Check the figure."
    let history = Self.history(v["history"] ?? "", vi: vi)
    let earlier = history.isEmpty ? "" : (vi ? " Các năm trước: \(history)." : " Earlier years: \(history).")
    let rules = (v["rule"] ?? "").split(separator: ",").map(String.init)
    switch rules.first {
    case "household-jump":
      return head
        + (vi
          ? "tổng số hộ\(area)\(summed) năm \(year) là \(number("seen")), năm trước là \(number("previous")): thay đổi \(number("change"))% trong một năm, quá ngưỡng ±\(number("limit"))%."
          : "all households\(area)\(summed) in \(year) are \(number("seen")), against \(number("previous")) the year before: a change of \(number("change"))% in one year, beyond ±\(number("limit"))%.")
        + earlier + check
    case "exits-over-start":
      return head
        + (vi
          ? "số hộ thoát nghèo\(area) năm \(year) là \(number("seen")), nhiều hơn số hộ nghèo đầu năm \(number("start")): chỉ hộ nghèo đầu năm mới có thể thoát nghèo trong năm."
          : "households leaving poverty\(area) in \(year) are \(number("seen")), more than the \(number("start")) poor at the start of the year: only those can leave it during the year.")
        + check
    default:
      let reasons = rules.map { rule -> String in
        switch rule {
        case "rate-drop":
          return vi
            ? "giảm quá \(number("limit"))% tỷ lệ đầu năm trong một năm"
            : "it fell by more than \(number("limit"))% of the start rate in one year"
        case "reduction-over-minimum":
          return vi
            ? "giảm \(number("reduction")) điểm %, hơn \(number("times")) lần mức giảm tối thiểu \(number("minimum")) điểm % của địa bàn"
            : "it fell by \(number("reduction")) points, more than \(number("times")) times the area's minimum of \(number("minimum"))"
        default:
          return vi
            ? "tỷ lệ cuối năm bằng \(number("ratio"))% tỷ lệ đầu năm, các năm trước khoảng \(number("median"))%"
            : "the end rate is \(number("ratio"))% of the start rate, against about \(number("median"))% in earlier years"
        }
      }
      return head
        + (vi
          ? "tỷ lệ hộ nghèo\(summed) năm \(year) từ \(number("start"))% đầu năm còn \(number("end"))% cuối năm, bất thường: "
          : "the poverty rate\(summed) in \(year) went from \(number("start"))% at the start to \(number("end"))% at the end, which is unusual: ")
        + reasons.joined(separator: "; ") + "."
        + (history.isEmpty
          ? "" : vi ? " Các năm trước (đầu năm → cuối năm): \(history)." : " Earlier years (start → end): \(history).")
        + check
    }
  }

  /// `2016:3.46>2.48;2017:2.48>1.81` as `2016: 3,46 → 2,48; 2017: 2,48 → 1,81`.
  static func history(_ canonical: String, vi: Bool) -> String {
    canonical.split(separator: ";").map { entry -> String in
      let parts = entry.split(separator: ":", maxSplits: 1)
      guard parts.count == 2 else { return String(entry) }
      let figures = parts[1].split(separator: ">").map { text -> String in
        guard vi, let x = Double(text) else { return String(text) }
        return VietnameseNumber.text(x)
      }
      return "\(parts[0]): " + figures.joined(separator: " → ")
    }
    .joined(separator: "; ")
  }
}
