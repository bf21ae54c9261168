/// One emulation criterion of the plan (III.2.a–f), as data.
public struct Criterion: Codable, Hashable, Sendable {
  public enum Decided: String, Codable, Sendable {
    /// From the unit's figures by a formula (`expression`).
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
  /// For a nominee criterion: the rule that decides it for each nominee.
  public var rule: String?
  /// For a computed criterion: a formula over the forms' fields that is true when the
  /// criterion is met (`THONG_TIN.nha_o_ho_tro >= 10`; docs/movement.md).
  public var expression: String?

  /// The rules of earlier definitions that are now formulas in the shipped criteria.json.
  public static let rulesNowFormulas: Set<String> = [
    "poverty_reduction_beyond_target", "funds_settled_and_reports_on_time", "capital_rotation_rule_exists",
    "no_complaints_about_review",
  ]
  /// Values its formulas use by name, each a formula itself:
  /// `"achieved": "round(start_rate - end_rate, 2)"`.
  public var define: [String: String]?
  /// A condition for deciding it at all: false or unknown leaves it `figures-missing`.
  public var requires: String?
  /// Its outcomes' reason codes and words, instead of the formula's own.
  public var outcomes: DeclaredOutcomes?
  /// `FORM.field` references the criterion needs.
  public var fields: [String]?
  /// For a criterion of an accurate review of households ("rà soát … chính xác"): how the
  /// unit's household lists of the year, when it sent any, decide it beside its formula.
  public var householdList: HouseholdListOutcomes?

  /// A list that is not accurate leaves the criterion not met, whatever the formula says;
  /// an accurate one keeps a met criterion met, in the words of `accurate` when given.
  /// Their words may show `{households}`, `{misclassified}`, `{summary_cells}` and
  /// `{other_defects}` (`HouseholdListAccuracy.values`).
  public struct HouseholdListOutcomes: Codable, Hashable, Sendable {
    public var accurate: DeclaredOutcome?
    public var notAccurate: DeclaredOutcome
  }

  /// Every outcome the criterion's data declares, with its words.
  public var declaredOutcomes: [DeclaredOutcome] {
    [outcomes?.met, outcomes?.notMet].compactMap { $0 } + (outcomes?.unknown ?? [])
      + [householdList?.accurate, householdList?.notAccurate].compactMap { $0 }
  }

  /// The fields it reads: those listed, else those its formulas name.
  public var references: [String] {
    fields ?? (try? CriterionFormulas(self))?.fields ?? []
  }

  /// An outcome a criterion's data declares: its reason code and its words, in which
  /// `{name}` stands for a defined value (and records it in the outcome).
  public struct DeclaredOutcome: Codable, Hashable, Sendable {
    /// For an outcome of `unknown`: a formula, true when this is why.
    public var when: String?
    public var reason: String
    public var vi: String
    public var en: String

    /// The defined names its words show, in order, once each.
    public var names: [String] {
      var out: [String] = []
      for text in [vi, en] {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
          let name = String(rest[rest.index(after: open)..<close])
          if !out.contains(name) { out.append(name) }
          rest = rest[rest.index(after: close)...]
        }
      }
      return out
    }
  }

  /// Met, not met, and the named ways of being not assessable, tried in order when the
  /// formula comes out unknown (else `figures-missing`).
  public struct DeclaredOutcomes: Codable, Hashable, Sendable {
    public var met: DeclaredOutcome
    public var notMet: DeclaredOutcome
    public var unknown: [DeclaredOutcome]?
  }

  /// The role of the form a criterion is decided from: the self-assessment or the
  /// nominees (nil for a formula, which names its forms, and for an unknown rule).
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

  /// The nominee rules thidua knows how to decide (`Review/NomineeRules.swift`); a
  /// computed criterion is a formula.
  public static let rules: [String: RuleInputs] = [
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

  /// The strictest (largest) minimum among the areas a unit belongs to.
  public func minimumReduction(areas: [String]) -> Double? {
    yearlyReduction.filter { areas.contains($0.area) }.map(\.minimum).max()
  }
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
