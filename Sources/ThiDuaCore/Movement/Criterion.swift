/// One emulation criterion of the plan (III.2.a–f), as data.
public struct Criterion: Codable, Hashable, Sendable {
  public enum Decided: String, Codable, Sendable {
    /// From the unit's figures (forms CHI_TIEU, THONG_TIN) by a named rule.
    case computed
    /// From form TIEU_CHI, counting only with evidence.
    case selfAssessed = "self_assessed"
    /// A rule about a nominee (form DE_NGHI): years out of poverty, contributions.
    case nominee
  }

  /// `b4`, `c5`, `dd3` (the households' "d)", printed a second time in the plan).
  public var id: String
  public var category: String
  /// The plan's clause, such as `III.2.b`.
  public var clause: String
  /// A few words naming it in a column header, in Vietnamese and English (thidua's,
  /// not the plan's); without them the header shows the clause.
  public var title: String?
  public var titleEn: String?
  /// The plan's Vietnamese text.
  public var text: String
  public var decided: Decided
  public var mandatory: Bool
  public var points: Double
  /// For computed and nominee criteria: the rule that decides it.
  public var rule: String?
  /// `FORM.field` references the criterion needs.
  public var fields: [String]?

  /// The rules thidua knows how to decide, and the `FORM.field`s each reads: `needs`
  /// must be in the movement's forms (a rename would otherwise silently leave the rule
  /// nothing to read), `reads` adds those it uses when present. They mirror the code in
  /// `Validation/Criteria.swift`, `PovertyFigures` and `Review/NomineeRules.swift`.
  public static let rules: [String: (needs: [String], reads: [String])] = [
    "poverty_reduction_beyond_target": (
      [
        "CHI_TIEU.tong_so_ho", "CHI_TIEU.ho_ngheo_dau_nam", "CHI_TIEU.ho_ngheo_cuoi_nam",
        "CHI_TIEU.chi_tieu_giam_duoc_giao",
      ],
      ["CHI_TIEU.ty_le_ngheo_dau_nam", "CHI_TIEU.ty_le_ngheo_cuoi_nam"]
    ),
    "funds_settled_and_reports_on_time": (
      [
        "THONG_TIN.ngay_quyet_toan", "THONG_TIN.han_quyet_toan", "THONG_TIN.bao_cao_phai_nop",
        "THONG_TIN.bao_cao_dung_han",
      ], []
    ),
    "capital_rotation_rule_exists": (["THONG_TIN.co_quy_che_von"], []),
    "no_complaints_about_review": (["THONG_TIN.so_don_khieu_nai"], []),
    "out_of_poverty_three_years": (["DE_NGHI.so_nam_thoat_ngheo"], []),
    "concrete_contribution": (["DE_NGHI.tien_dong_gop", "DE_NGHI.lao_dong_ho_ngheo"], []),
  ]
}

/// `criteria.json`: the criteria and the points each category's total must reach.
public struct CriteriaFile: Codable, Sendable {
  public var note: String?
  public var maxPoints: [String: Double]
  public var criteria: [Criterion]
}

/// `thresholds.json`: the plan's yearly reductions and 2020 targets by area (I.1).
public struct ThresholdsFile: Codable, Sendable {
  public struct Reduction: Codable, Hashable, Sendable {
    public var area: String
    public var minimum: Double
    public var good: Double?
    public var clause: String
  }
  public struct Target: Codable, Hashable, Sendable {
    public var area: String
    public var maximumRate: Double
    public var clause: String
    public var strict: Bool?
  }
  public struct IncomeGrowth: Codable, Hashable, Sendable {
    public var factor: Double
    public var baseYear: Int
    public var clause: String
  }

  public var note: String?
  public var yearlyReduction: [Reduction]
  public var targets2020: [Target]
  public var incomeGrowth2020: IncomeGrowth
  /// The year-over-year outlier checks; the defaults when the file has none.
  public var outliers: OutlierRules?
}

/// The vocabularies a definition may use (DOMAIN: categories and area types).
public enum MovementVocabulary {
  public static let categories: Set<String> = [
    "TINH", "SO_NGANH", "HUYEN", "XA", "THON", "HO", "CAN_BO", "DOANH_NGHIEP", "KHAC",
  ]
  public static let areaTypes: Set<String> = ["do_thi", "dong_bang", "trung_du", "mien_nui"]
  public static let poorAreas: Set<String> = ["huyen_ngheo", "xa_ngheo"]
  /// Areas a threshold may name: the area types, the poor flags and the province.
  public static let thresholdAreas: Set<String> = areaTypes.union(poorAreas).union(["tinh"])
}
