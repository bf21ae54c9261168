/// What a form is for in the review, and which of its fields serve that purpose: the
/// review finds the self-assessment by its role, never by the form's name, so a
/// movement may name its forms as it likes (docs/movement.md, *Roles*).
///
/// In a form's file: `"role": {"kind": "self-assessment", "criterion": "ma_tieu_chi",
/// "result": "ket_qua", "evidence": "minh_chung", "met": ["Đạt", "Vượt"]}`.
public struct FormRole: Codable, Hashable, Sendable {
  public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
    /// One unit's facts (key-value): the year and the report's date.
    case reportInfo = "report-info"
    /// One row per criterion: the unit's own result and its evidence.
    case selfAssessment = "self-assessment"
    /// One row per area below the unit, and a total: the figures the plan's targets
    /// are about; its areas are filled in the templates from the registry.
    case areaFigures = "area-figures"
    /// One row per unit or person proposed for an award.
    case nominees
    /// One row per household of a yearly review.
    case householdList = "household-list"
  }

  public var kind: Kind
  /// report-info: the field holding the year reported on.
  public var year: String?
  /// report-info: the field holding the date the report was signed.
  public var reportDate: String?
  /// self-assessment: the field holding the criterion's id (`b4`).
  public var criterion: String?
  /// self-assessment: the field holding the unit's result.
  public var result: String?
  /// self-assessment: the field holding the evidence; without one, a result counts alone.
  public var evidence: String?
  /// self-assessment: the results that count as met (compared without case or diacritics).
  public var met: [String]?
  /// area-figures: the fields holding an area's name and its registry code.
  public var areaName: String?
  public var areaCode: String?
  /// nominees: the fields holding the nominee's name, its type (household, enterprise,
  /// person: the award rules differ) and the award proposed for it.
  public var name: String?
  public var nomineeType: String?
  public var proposedAward: String?
  /// household-list: the fields holding a household's code, its head's name, its village,
  /// its area (rural or urban), its members, its income per person per month, the count
  /// of its deprivations, and the class the commune recorded.
  public var household: String?
  public var head: String?
  public var village: String?
  public var householdArea: String?
  public var members: String?
  public var income: String?
  public var deprivationCount: String?
  public var recordedClass: String?
  /// household-list: the prefix of the fields that mark each indicator of the standard
  /// (`thieu_` + the indicator's code: `thieu_bao_hiem_y_te`).
  public var indicatorPrefix: String?
  /// household-list: recorded class (`ngheo`, `can_ngheo`, `thoat_ngheo`) → the field of
  /// the unit's area-figures form that counts the same households, compared village by
  /// village (`list-summary-mismatch`).
  public var summaryFields: [String: String]?

  public init(kind: Kind) { self.kind = kind }

  /// The slots a kind takes, each with the field named there (nil when not given), and
  /// whether the review cannot do without it.
  public var slots: [(slot: String, field: String?, required: Bool)] {
    switch kind {
    case .reportInfo: [("year", year, false), ("reportDate", reportDate, false)]
    case .selfAssessment: [("criterion", criterion, true), ("result", result, true), ("evidence", evidence, false)]
    case .areaFigures: [("areaName", areaName, true), ("areaCode", areaCode, false)]
    case .nominees: [("name", name, true), ("nomineeType", nomineeType, false), ("proposedAward", proposedAward, true)]
    case .householdList:
      [
        ("household", household, true), ("head", head, false), ("village", village, false),
        ("householdArea", householdArea, false), ("members", members, false), ("income", income, true),
        ("deprivationCount", deprivationCount, false), ("recordedClass", recordedClass, true),
      ]
    }
  }

  /// Every slot given in the file, whether or not the kind takes it.
  var givenSlots: [(slot: String, field: String)] {
    let all: [(String, String?)] = [
      ("year", year), ("reportDate", reportDate), ("criterion", criterion), ("result", result),
      ("evidence", evidence), ("areaName", areaName), ("areaCode", areaCode), ("name", name),
      ("nomineeType", nomineeType), ("proposedAward", proposedAward), ("household", household), ("head", head),
      ("village", village), ("householdArea", householdArea), ("members", members), ("income", income),
      ("deprivationCount", deprivationCount), ("recordedClass", recordedClass),
    ]
    return all.compactMap { slot, field in field.map { (slot, $0) } }
  }

  /// The field that names a row of the form in messages (an area, a nominee, a criterion).
  public var rowLabel: String? {
    switch kind {
    case .areaFigures: areaName
    case .nominees: name
    case .selfAssessment: criterion
    case .householdList: household
    case .reportInfo: nil
    }
  }
}
