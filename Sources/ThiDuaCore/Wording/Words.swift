import SheetIO

/// The words of the output workbooks in the language asked for (Vietnamese by default).
struct Words {
  let language: Language
  var vi: Bool { language == .vi }

  func callAsFunction(_ vi: String, _ en: String) -> String { self.vi ? vi : en }

  /// `1.234,5` in Vietnamese, `1,234.5` in English.
  func number(_ x: Double, digits: Int = 2) -> String {
    let text = VietnameseNumber.text(x, fractionDigits: digits)
    guard !vi else { return text }
    return String(text.map { $0 == "." ? "," : ($0 == "," ? "." : $0) })
  }

  func category(_ code: String) -> String {
    switch code {
    case "SO_NGANH": return self("Sở, ban, ngành, đoàn thể tỉnh", "Provincial departments and organisations")
    case "HUYEN": return self("Huyện, thị xã, thành phố", "Districts, towns and cities")
    case "XA": return self("Xã, phường, thị trấn", "Communes, wards and townships")
    case "THON": return self("Thôn, khối phố", "Villages and quarters")
    case "DOANH_NGHIEP": return self("Doanh nghiệp", "Enterprises")
    default: return code
    }
  }

  /// The ranking sheet's name for a category (at most 31 characters).
  func rankingSheet(_ code: String) -> String {
    switch code {
    case "SO_NGANH": return self("Xếp hạng sở ngành", "Ranking departments")
    case "HUYEN": return self("Xếp hạng huyện", "Ranking districts")
    case "XA": return self("Xếp hạng xã", "Ranking communes")
    case "THON": return self("Xếp hạng thôn", "Ranking villages")
    case "DOANH_NGHIEP": return self("Xếp hạng doanh nghiệp", "Ranking enterprises")
    default: return self("Xếp hạng ", "Ranking ") + code
    }
  }

  func status(_ s: CriterionOutcome.Status) -> String {
    switch s {
    case .met: return self("Đạt", "Met")
    case .notMet: return self("Không đạt", "Not met")
    case .notAssessable: return self("Chưa đánh giá được", "Not assessable")
    }
  }

  func status(_ s: TargetRow.Status) -> String {
    switch s {
    case .met: return self("Đạt", "Met")
    case .notMet: return self("Không đạt", "Not met")
    case .noData: return self("Chưa có số liệu", "No data")
    }
  }

  func fate(_ f: ReceivedFile.Fate) -> String {
    switch f {
    case .used: return self("Đã dùng", "Used")
    case .superseded: return self("Đã có bản mới hơn", "Superseded")
    case .duplicate: return self("Bản trùng", "Duplicate")
    case .unreadable: return self("Không đọc được", "Unreadable")
    case .noForm: return self("Không có biểu mẫu", "No form")
    case .unidentified: return self("Không rõ đơn vị hoặc năm", "Unit or year unknown")
    case .otherYear: return self("Khác năm xét", "Another year")
    }
  }

  func severity(_ s: Finding.Severity) -> String {
    switch s {
    case .error: return self("Lỗi", "Error")
    case .warning: return self("Cảnh báo", "Warning")
    case .info: return self("Thông tin", "Info")
    }
  }

  func review(_ kind: ReviewKind, year: Int, period: [Int]) -> String {
    let span = "\(period.first ?? year)–\(period.last ?? year)"
    switch kind {
    case .annual: return self("năm \(year)", "for \(year)")
    case .soKet: return self("sơ kết giai đoạn \(span)", "preliminary review \(span)")
    case .tongKet: return self("tổng kết giai đoạn \(span)", "final review \(span)")
    }
  }

  /// `file 'sheet'!cell`, the way every sheet names a source.
  func source(_ l: Location) -> String {
    [l.file, l.sheet, l.cell?.description].compactMap { $0 }.joined(separator: " › ")
  }

  /// Many sources in few words: `file: sheet C5, C6; other sheet C9` per file, in the
  /// order first met.
  func sources(_ locations: [Location]) -> String {
    var files: [String] = []
    var sheets: [String: [String]] = [:]
    var cells: [String: [String]] = [:]
    for l in locations {
      if sheets[l.file] == nil {
        files.append(l.file)
        sheets[l.file] = []
      }
      let sheet = l.sheet ?? ""
      let key = l.file + "\u{0}" + sheet
      if cells[key] == nil {
        sheets[l.file]!.append(sheet)
        cells[key] = []
      }
      if let cell = l.cell?.description, !cells[key]!.contains(cell) { cells[key]!.append(cell) }
    }
    return files.map { file in
      file + ": "
        + sheets[file]!.map { sheet in
          ([sheet] + cells[file + "\u{0}" + sheet]!).filter { !$0.isEmpty }.joined(separator: " ")
        }.joined(separator: "; ")
    }.joined(separator: "\n")
  }

  /// A criterion in a few words (the clause when it has none).
  func criterionTitle(_ c: Criterion) -> String {
    (vi ? c.title : c.titleEn ?? c.title) ?? c.clause
  }

  /// A ranking column's header: the words first, then the code, `*` when mandatory,
  /// and the points: `Giảm nghèo vượt chỉ tiêu (b4*, 25 đ)`.
  func criterionHeader(_ c: Criterion) -> String {
    // No-break spaces keep the parenthesis on one line when the header wraps.
    "\(criterionTitle(c)) (\(c.id)\(c.mandatory ? "*" : ""),\u{00A0}\(number(c.points, digits: 0))\u{00A0}\(self("đ", "pts")))"
  }

  func decided(_ d: Criterion.Decided) -> String {
    switch d {
    case .computed: return self("Tính từ số liệu báo cáo", "Computed from the reported figures")
    case .selfAssessed: return self("Đơn vị tự đánh giá, có văn bản minh chứng", "Self-assessed, with evidence")
    case .nominee: return self("Xét từng trường hợp được đề nghị", "Per nominee")
    }
  }

  /// A form by its title.
  func form(_ f: FormSchema) -> String { vi ? f.title : f.titleEn ?? f.title }

  /// The forms a file was used for, by title, one per line (the code when unknown).
  func forms(_ names: [String], of movement: MovementDefinition) -> String {
    names.map { movement.forms[$0].map(form) ?? $0 }.joined(separator: "\n")
  }

  /// The three answers a reviewer chooses from.
  var decisions: [String] {
    [self("Đồng ý", "Agree"), self("Không đồng ý", "Disagree"), self("Cần bổ sung", "Needs more")]
  }
}
