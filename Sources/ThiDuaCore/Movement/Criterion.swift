/// One emulation criterion of the plan (III.2.a–f), as data.
public struct Criterion: Codable, Hashable, Sendable {
  public enum Decided: String, Codable, Sendable {
    /// From the unit's figures (its area-figures or report-info form) by a named rule.
    case computed
    /// From the self-assessment form, counting only with evidence.
    case selfAssessed = "self_assessed"
    /// A rule about a nominee (the nominees form): years out of poverty, contributions.
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
  /// For a computed criterion instead of a rule: a formula over the forms' fields that is
  /// true when the criterion is met (`THONG_TIN.nha_o_ho_tro >= 10`; docs/movement.md).
  public var expression: String?
  /// `FORM.field` references the criterion needs.
  public var fields: [String]?

  /// The fields it reads: those listed, else those its formula names.
  public var references: [String] {
    fields ?? expression.flatMap { try? CriterionExpression.parse($0).fields } ?? []
  }

  /// The role of the form a criterion is decided from: the self-assessment, the
  /// nominees, or the one its rule reads (nil for an unknown rule).
  public var role: FormRole.Kind? {
    switch decided {
    case .selfAssessed: .selfAssessment
    case .nominee, .computed: rule.flatMap { Self.rules[$0]?.role }
    }
  }

  /// What a rule reads: the form of `role` among the unit's forms (the nominees' form
  /// for a nominee rule), and in it the fields it `needs` (a rename would otherwise
  /// silently leave the rule nothing to read) and those it uses when present (`reads`).
  public struct RuleInputs: Sendable {
    public var role: FormRole.Kind
    public var needs: [String]
    public var reads: [String] = []
  }

  /// The rules thidua knows how to decide. They mirror the code in
  /// `Validation/Criteria.swift`, `PovertyFigures` and `Review/NomineeRules.swift`.
  public static let rules: [String: RuleInputs] = [
    "poverty_reduction_beyond_target": RuleInputs(
      role: .areaFigures, needs: ["tong_so_ho", "ho_ngheo_dau_nam", "ho_ngheo_cuoi_nam", "chi_tieu_giam_duoc_giao"],
      reads: ["ty_le_ngheo_dau_nam", "ty_le_ngheo_cuoi_nam"]),
    "funds_settled_and_reports_on_time": RuleInputs(
      role: .reportInfo, needs: ["ngay_quyet_toan", "han_quyet_toan", "bao_cao_phai_nop", "bao_cao_dung_han"]),
    "capital_rotation_rule_exists": RuleInputs(role: .reportInfo, needs: ["co_quy_che_von"]),
    "no_complaints_about_review": RuleInputs(role: .reportInfo, needs: ["so_don_khieu_nai"]),
    "out_of_poverty_three_years": RuleInputs(role: .nominees, needs: ["so_nam_thoat_ngheo"]),
    "concrete_contribution": RuleInputs(role: .nominees, needs: ["tien_dong_gop", "lao_dong_ho_ngheo"]),
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
