import SheetIO

/// The words of the household findings' values: classes and areas by name, income as
/// the user writes it (`1.200.000` in Vietnamese).
enum HouseholdWording {
  static let classes: [String: (vi: String, en: String)] = [
    "ngheo": ("nghèo", "poor"), "can_ngheo": ("cận nghèo", "near-poor"),
    "thoat_ngheo": ("thoát nghèo", "out of poverty"),
    "khong": ("không nghèo", "neither poor nor near-poor"),
  ]
  static let areas: [String: (vi: String, en: String)] = [
    "nong_thon": ("nông thôn", "rural"), "thanh_thi": ("thành thị", "urban"),
  ]

  static func fill(_ values: inout [String: String], _ language: Language) {
    let vi = language == .vi
    for key in ["recorded", "computed"] {
      if let code = values[key], let words = classes[code] { values[key] = vi ? words.vi : words.en }
    }
    if !vi, let rule = values["rule_en"] { values["rule"] = rule }
    if let code = values["area"], let words = areas[code] { values["area"] = vi ? words.vi : words.en }
    if let income = values["income"], let n = Double(income) {
      // English swaps the marks: 1.200.000,5 → 1,200,000.5.
      let text = VietnameseNumber.text(n)
      values["income"] = vi ? text : String(text.map { $0 == "." ? "," : $0 == "," ? "." : $0 })
    }
  }
}
