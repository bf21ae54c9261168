import Foundation
public import SheetIO

/// Why a movement definition cannot be used.
public enum MovementError: Error, Hashable, Sendable {
  case unreadable(file: String, reason: String)
  case badUnit(file: String, row: Int)
  case unknownForm(String)
  case unknownUnit(String)
  case unknownCategory(String)
  /// The shipped definition beside the program is missing or cannot be read.
  case resources(path: String, exists: Bool)
  /// Files that strict loading refuses (unknown keys, values of the wrong kind …), or a
  /// definition that `movement check` rejects; each problem names its file and place.
  case invalid([MovementProblem])

  public func message(_ language: Language) -> String {
    let vi = language == .vi
    switch self {
    case .unreadable(let file, let reason):
      return vi
        ? "Không đọc được tệp định nghĩa \(file): \(reason)." : "Cannot read the definition file \(file): \(reason)."
    case .badUnit(let file, let row):
      return vi
        ? "Dòng \(row) của \(file) thiếu mã, tên hoặc loại đơn vị."
        : "Row \(row) of \(file) lacks a code, name or category."
    case .unknownForm(let name):
      return vi ? "Không có biểu mẫu \(name) trong định nghĩa phong trào." : "The movement defines no form \(name)."
    case .unknownUnit(let code):
      return vi ? "Không có đơn vị mã \(code) trong danh mục." : "No unit with code \(code) in the registry."
    case .unknownCategory(let code):
      return vi
        ? "Không có loại đơn vị \(code) trong định nghĩa phong trào." : "The movement has no unit category \(code)."
    case .resources(let path, true):
      return vi
        ? "Không đọc được thư mục tài nguyên của thidua \(path) (không có quyền đọc); hãy cấp quyền đọc cho người dùng này hoặc cài lại thidua."
        : "Cannot read thidua's resources folder \(path) (no read permission); give this user read access or reinstall thidua."
    case .invalid(let problems):
      let head =
        vi
        ? "Định nghĩa phong trào có \(problems.count) lỗi (xem thidua movement check):"
        : "The movement definition has \(problems.count) problem\(problems.count == 1 ? "" : "s") (see thidua movement check):"
      return ([head] + problems.map { "  [\($0.code)] " + $0.message(language) }).joined(separator: "\n")
    case .resources(let path, false):
      return vi
        ? "Không tìm thấy thư mục tài nguyên của thidua (\(path)) bên cạnh chương trình; hãy cài lại thidua hoặc dùng --movement THƯ_MỤC."
        : "thidua's resources folder (\(path)) is not beside the program; reinstall thidua or use --movement DIR."
    }
  }
}

/// A movement as data: its forms, which forms each category of unit submits, and the
/// unit registry. The definition of Plan 5201 ships with thidua; `--movement DIR` reads
/// another folder of the same shape (docs/movement.md).
public struct MovementDefinition: Sendable {
  struct Header: Codable, Sendable {
    var code: String
    var title: String
    var plan: String
    var planDate: String
    var years: [Int]
    var formsByCategory: [String: [String]]
    var reportingCategories: [String]?
    var reviewer: String?
    var issuer: [String]?
    var issuerCode: String?
    var place: String?
  }

  public let code: String
  public let title: String
  public let plan: String
  /// Who reviews the reports and answers the units (`Sở Nội vụ (Ban Thi đua – Khen
  /// thưởng)` for Plan 5201, IV.4), named on each unit's feedback.
  public let reviewer: String?
  /// The heading of the Board's documents: the body above it and the body itself (`UBND
  /// TỈNH QUẢNG NAM`, `SỞ NỘI VỤ`), its short code in document numbers (`SNV`), and the
  /// place on the date line (`Quảng Nam`).
  public let issuer: [String]?
  public let issuerCode: String?
  public let place: String?
  /// The plan's date as seconds since 1970: the default time stamp of generated files,
  /// so that two runs give identical bytes.
  public let planDate: Int
  public let years: [Int]
  public let forms: [String: FormSchema]
  public let formsByCategory: [String: [String]]
  /// Categories whose units report to the Board themselves (plan IV.4: departments and
  /// districts); a commune reports through its district, so it is never "missing".
  public let reportingCategories: Set<String>
  public let registry: UnitRegistry
  public let criteria: [Criterion]
  /// The plan's targets by area (`thresholds.json`); none for a movement without targets.
  public let thresholds: ThresholdsFile?
  /// Category → the points its criteria sum to.
  public let maxPoints: [String: Double]
  /// The poverty standards household lists are checked against (`standards/*.json`, in
  /// name order); none for a movement without household lists.
  public let standards: [PovertyStandard]
  /// Award rules and the reporting deadline; none when the folder has no `awards.json`.
  public let awards: AwardRules
  /// The intake's words and limits (`intake.json`; the shipped one when the folder has none).
  public let intake: IntakeVocabulary
  /// The same, folded once for the detectors.
  let vocabulary: FoldedVocabulary
  /// SHA-256 of the files read (docs/movement.md): recorded in report.json.
  public let fingerprint: String
  /// Whether the files are those shipped with thidua, byte for byte.
  public var isShipped: Bool { fingerprint == DefinitionFingerprint.shipped }
  /// The folder it was read from.
  public let folder: String

  /// The folder of the definition shipped with thidua: Plan 5201/KH-UBND (2017), in the
  /// resources folder the build puts beside the program (a build, the release tarball),
  /// else in `../share/thidua` from the program's real path (the installed package:
  /// `/usr/bin/thidua`, `/usr/share/thidua`); never the working directory. Found by hand
  /// rather than through `Bundle.module`, which stops the process (SIGILL) when the
  /// folder is missing or unreadable instead of saying so.
  public static func shippedFolder() throws(MovementError) -> String {
    let program = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    let beside = program.appendingPathComponent("thidua_ThiDuaCore.resources")
    let installed = program.deletingLastPathComponent().appendingPathComponent("share/thidua")
    let resources =
      [beside, installed].first {
        FileManager.default.fileExists(atPath: $0.appendingPathComponent("ke-hoach-5201").path)
      }
      ?? beside
    let folder = resources.appendingPathComponent("ke-hoach-5201").path
    guard FileManager.default.fileExists(atPath: resources.path) else {
      throw .resources(path: resources.path, exists: false)
    }
    guard FileManager.default.isReadableFile(atPath: (folder as NSString).appendingPathComponent("movement.json"))
    else {
      throw .resources(path: resources.path, exists: true)
    }
    return folder
  }

  /// The definition shipped with thidua.
  public static func shipped() throws(MovementError) -> MovementDefinition {
    try MovementDefinition(folder: try shippedFolder())
  }

  /// The definition in `folder` when `movement check` finds nothing wrong with it; its
  /// problems otherwise (a district at 110 of 100 points must not be proposed).
  public static func checked(folder: String) throws(MovementError) -> MovementDefinition {
    let problems = MovementCheck.problems(folder: folder)
    guard problems.isEmpty else { throw .invalid(problems) }
    return try MovementDefinition(folder: folder)
  }

  /// Reads `movement.json`, `forms/*.json` and `units.csv` from `folder`.
  public init(folder: String) throws(MovementError) {
    func read(_ name: String) throws(MovementError) -> Data {
      let path = (folder as NSString).appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: path) else {
        throw .unreadable(file: path, reason: "missing")
      }
      return data
    }
    func decode<T: Decodable>(_ type: T.Type, _ name: String, _ data: Data) throws(MovementError) -> T {
      let (value, problems) = StrictJSON.decode(type, from: data)
      guard let value, problems.isEmpty else { throw .invalid(problems.map { MovementProblem($0, file: name) }) }
      return value
    }
    let header = try decode(Header.self, "movement.json", try read("movement.json"))
    var forms: [String: FormSchema] = [:]
    for name in Set(header.formsByCategory.values.flatMap { $0 }).sorted() {
      forms[name] = try decode(FormSchema.self, "forms/\(name).json", try read("forms/\(name).json"))
    }
    code = header.code
    title = header.title
    plan = header.plan
    reviewer = header.reviewer
    issuer = header.issuer
    issuerCode = header.issuerCode
    place = header.place
    guard let date = Self.isoDay(header.planDate) else {
      throw .unreadable(file: "movement.json", reason: "planDate is not YYYY-MM-DD")
    }
    planDate = WholeNumber.clamped(date.timeIntervalSince1970, to: Int.min...Int.max)
    years = header.years
    self.forms = forms
    formsByCategory = header.formsByCategory
    reportingCategories = Set(header.reportingCategories ?? Array(header.formsByCategory.keys))
    registry = try UnitRegistry(csvPath: (folder as NSString).appendingPathComponent("units.csv"))
    let criteriaFile = try decode(CriteriaFile.self, "criteria.json", try read("criteria.json"))
    criteria = criteriaFile.criteria
    maxPoints = criteriaFile.maxPoints
    let thresholdsPath = (folder as NSString).appendingPathComponent("thresholds.json")
    thresholds = try FileManager.default.contents(atPath: thresholdsPath).map { (data) throws(MovementError) in
      try decode(ThresholdsFile.self, "thresholds.json", data)
    }
    var standards: [PovertyStandard] = []
    for name in Self.standardFiles(in: folder) {
      standards.append(try decode(PovertyStandard.self, "standards/" + name, try read("standards/" + name)))
    }
    self.standards = standards
    let awardsPath = (folder as NSString).appendingPathComponent("awards.json")
    if let data = FileManager.default.contents(atPath: awardsPath) {
      awards = try decode(AwardRules.self, "awards.json", data)
    } else {
      awards = .none
    }
    var intakePath = (folder as NSString).appendingPathComponent("intake.json")
    if !FileManager.default.fileExists(atPath: intakePath) {
      intakePath = (try Self.shippedFolder() as NSString).appendingPathComponent("intake.json")
    }
    guard let intakeData = FileManager.default.contents(atPath: intakePath) else {
      throw MovementError.unreadable(file: "intake.json", reason: "missing")
    }
    intake = try decode(IntakeVocabulary.self, "intake.json", intakeData)
    vocabulary = FoldedVocabulary(intake)
    self.folder = folder
    fingerprint = DefinitionFingerprint.of(folder: folder)
  }

  /// The `.json` files of the folder's `standards/`, in name order.
  static func standardFiles(in folder: String) -> [String] {
    let path = (folder as NSString).appendingPathComponent("standards")
    return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".json") }
      .sorted()
  }

  /// The standard a household review of `year` is judged by; nil when none covers it.
  public func povertyStandard(forYear year: Int) -> PovertyStandard? {
    standards.first { $0.years.contains(year) }
  }

  /// `2017-09-27` as midnight UTC of that day; nil for anything else.
  static func isoDay(_ text: String) -> Date? {
    guard text.utf8.count == 10 else { return nil }
    return ISO8601DateFormatter().date(from: text + "T00:00:00Z")
  }

  /// The criterion with `id` (`b4`, `dd3` …).
  public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }

  /// The form with role `kind` among those a unit of `category` submits (`movement
  /// check` allows one at most).
  public func form(_ kind: FormRole.Kind, forCategory category: String) -> FormSchema? {
    (formsByCategory[category] ?? []).lazy.compactMap { forms[$0] }.first { $0.role?.kind == kind }
  }

  /// The forms a unit of `category` submits, in order.
  public func forms(forCategory category: String) throws(MovementError) -> [FormSchema] {
    guard let names = formsByCategory[category] else { throw .unknownCategory(category) }
    var result: [FormSchema] = []
    for name in names {
      guard let form = forms[name] else { throw .unknownForm(name) }
      result.append(form)
    }
    return result
  }
}
