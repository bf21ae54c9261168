import Foundation
public import SheetIO

/// A problem in a movement definition, found before anything runs on it.
public struct MovementProblem: Hashable, Sendable {
  /// Stable kebab-case code (docs/movement.md).
  public var code: String
  /// The file concerned, relative to the definition's folder.
  public var file: String
  /// What is wrong, with the values concerned.
  public var detail: String
  /// Where in the file (1-based; column in characters): of a problem of its JSON, or of
  /// the value a problem is about.
  public var line: Int?
  public var column: Int?
  /// The problem of the file's JSON, which words its own message.
  var fileProblem: DefinitionFileProblem?
  /// The value the problem is about, by its path in the file (`criteria[12].fields[0]`):
  /// `MovementCheck` turns it into the line and column.
  var path: String?

  init(code: String, file: String, detail: String, at path: String? = nil) {
    self.code = code
    self.file = file
    self.detail = detail
    self.path = path
  }

  init(_ problem: DefinitionFileProblem, file: String) {
    self.init(code: problem.code, file: file, detail: problem.message(.en))
    line = problem.line
    column = problem.column
    fileProblem = problem
  }

  public func message(_ language: Language) -> String {
    let place = line.map { language == .vi ? ", dòng \($0), cột \(column ?? 1)" : ":\($0):\(column ?? 1)" } ?? ""
    if let fileProblem { return "\(file)\(place): \(fileProblem.message(language))" }
    let text: (String, String)
    switch code {
    case "unreadable-file": text = ("không đọc được", "cannot be read")
    case "unknown-category": text = ("loại đơn vị không có trong danh mục", "unknown unit category")
    case "duplicate-criterion": text = ("mã tiêu chí trùng", "duplicate criterion id")
    case "points-mismatch":
      text = ("tổng điểm các tiêu chí khác tổng điểm khai báo", "criteria points do not sum as declared")
    case "unknown-field":
      text = ("tiêu chí dẫn chiếu trường không có trong biểu mẫu nào", "a criterion refers to a field no form has")
    case "unknown-form": text = ("biểu mẫu không có tệp định nghĩa", "a form has no definition file")
    case "unknown-rule":
      text = ("quy tắc xét người được đề nghị chưa được hỗ trợ", "a nominee rule thidua cannot decide")
    case "missing-rule": text = ("tiêu chí xét người được đề nghị thiếu quy tắc", "a nominee criterion names no rule")
    case "missing-expression":
      text = ("tiêu chí tính toán (computed) thiếu công thức (expression)", "a computed criterion has no expression")
    case "rule-now-formula":
      text = (
        "quy tắc này nay được viết bằng công thức: chép define, requires, expression và outcomes của tiêu chí từ bản criteria.json đi kèm thidua (thidua movement export)",
        "this rule is now a formula: copy the criterion's define, requires, expression and outcomes from the criteria.json thidua ships (thidua movement export)"
      )
    case "rule-field-missing":
      text = ("quy tắc cần một trường mà không biểu mẫu nào có", "a rule needs a field that no form has")
    case "rule-field-unread":
      text = (
        "tiêu chí khai báo một trường mà quy tắc của nó không đọc",
        "a criterion lists a field that its rule does not read"
      )
    case "duplicate-field": text = ("mã trường trùng trong biểu mẫu", "duplicate field code in a form")
    case "role-field-missing":
      text = ("vai trò của biểu mẫu dẫn chiếu trường không có trong biểu", "a form's role names a field the form lacks")
    case "role-slot-missing": text = ("vai trò của biểu mẫu thiếu mục bắt buộc", "a form's role lacks a required entry")
    case "role-slot-unused":
      text = ("mục này không dùng cho loại vai trò của biểu mẫu", "an entry that the form's kind of role does not take")
    case "role-layout":
      text = (
        "bố cục biểu mẫu không hợp với vai trò (report-info là key-value, các vai trò khác là rows)",
        "the form's layout does not fit its role (report-info is key-value, the others rows)"
      )
    case "duplicate-role":
      text = ("một loại đơn vị có hai biểu mẫu cùng vai trò", "a unit category has two forms with the same role")
    case "role-missing":
      text = (
        "tiêu chí cần một vai trò mà không biểu mẫu nào của loại đơn vị có",
        "a criterion needs a role that none of its category's forms has"
      )
    case "empty-enum": text = ("danh sách giá trị rỗng", "an empty list of values")
    case "duplicate-unit": text = ("mã đơn vị trùng", "duplicate unit code")
    case "unknown-parent": text = ("đơn vị cấp trên không có trong danh mục", "a parent unit not in the registry")
    case "unknown-area": text = ("loại địa bàn không hợp lệ", "an unknown area type")
    case "unknown-review": text = ("loại đợt xét không hợp lệ", "an unknown review kind")
    case "bad-deadline":
      text = (
        "hạn nộp báo cáo không phải ngày/tháng hoặc ngày/tháng/+1",
        "the report deadline is not day/month or day/month/+1"
      )
    case "expression-syntax": text = ("công thức tiêu chí viết sai", "a criterion's formula is not well formed")
    case "expression-field":
      text = (
        "công thức đọc một trường không có hoặc một biểu mẫu đơn vị không nộp",
        "a formula reads a field that does not exist or a form the units do not send"
      )
    case "expression-type": text = ("công thức dùng giá trị không đúng loại", "a formula's values do not fit")
    case "expression-not-computed":
      text = ("chỉ tiêu chí tính toán (computed) mới có công thức", "only a computed criterion takes a formula")
    case "expression-name":
      text = (
        "công thức dùng một tên chưa được định nghĩa (define) hoặc định nghĩa vòng quanh",
        "a formula uses a name not defined, or defined in terms of itself"
      )
    case "outcome-name":
      text = (
        "lời giải thích kết quả dùng {tên} chưa được định nghĩa", "an outcome's words show a {name} that is not defined"
      )
    case "formula-parts-without-expression":
      text = (
        "define, requires và outcomes chỉ dùng cùng một công thức (expression)",
        "define, requires and outcomes go with an expression"
      )
    case "rule-and-expression":
      text = ("tiêu chí có cả quy tắc và công thức", "a criterion names both a rule and a formula")
    case "bad-plan-date": text = ("ngày kế hoạch không phải YYYY-MM-DD", "the plan's date is not YYYY-MM-DD")
    case "bad-standard": text = ("chuẩn nghèo không dùng được", "a poverty standard that cannot be used")
    case "standard-year-taken":
      text = ("hai chuẩn nghèo cùng áp dụng cho một năm", "two poverty standards apply to the same year")
    case "bad-quota": text = ("tỷ lệ hạn mức phải lớn hơn 0 và không quá 1", "a quota share must be in (0, 1]")
    default: text = (code, code)
    }
    return "\(file)\(place): \(language == .vi ? text.0 : text.1): \(detail)"
  }
}

/// `thidua movement check`: reads every file of a definition strictly and lists every
/// problem instead of stopping at the first.
public enum MovementCheck {
  public static func problems(folder: String) -> [MovementProblem] {
    var problems: [MovementProblem] = []
    var texts: [String: Data] = [:]
    func load<T: Decodable>(_ type: T.Type, _ name: String) -> T? {
      let path = (folder as NSString).appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: path) else {
        problems.append(MovementProblem(code: "unreadable-file", file: name, detail: "missing"))
        return nil
      }
      texts[name] = data
      let (value, fileProblems) = StrictJSON.decode(T.self, from: data)
      problems += fileProblems.map { MovementProblem($0, file: name) }
      return value
    }
    let header = load(MovementDefinition.Header.self, "movement.json")
    if let date = header?.planDate, MovementDefinition.isoDay(date) == nil {
      problems.append(MovementProblem(code: "bad-plan-date", file: "movement.json", detail: date, at: "planDate"))
    }
    var forms: [String: FormSchema] = [:]
    var tried: Set<String> = []  // a form several categories submit is read and reported once
    for (category, names) in (header?.formsByCategory ?? [:]).sorted(by: { $0.key < $1.key }) {
      if !MovementVocabulary.categories.contains(category) {
        problems.append(
          MovementProblem(
            code: "unknown-category", file: "movement.json", detail: category, at: "formsByCategory.\(category)"))
      }
      for name in names {
        let exists = FileManager.default.fileExists(
          atPath: (folder as NSString).appendingPathComponent("forms/\(name).json"))
        guard exists else {
          problems.append(
            MovementProblem(
              code: "unknown-form", file: "movement.json", detail: "\(category): \(name)",
              at: "formsByCategory.\(category)"))
          continue
        }
        guard tried.insert(name).inserted else { continue }
        if let form = load(FormSchema.self, "forms/\(name).json") { forms[name] = form }
      }
    }
    for form in forms.values.sorted(by: { $0.name < $1.name }) {
      problems += check(role: form)
      var seen: Set<String> = []
      for (k, field) in form.fields.enumerated() {
        let file = "forms/\(form.name).json"
        if !seen.insert(field.name).inserted {
          problems.append(
            MovementProblem(code: "duplicate-field", file: file, detail: field.name, at: "fields[\(k)].name"))
        }
        if field.type == .enum, (field.constraints?.enum ?? []).isEmpty {
          problems.append(MovementProblem(code: "empty-enum", file: file, detail: field.name, at: "fields[\(k)].type"))
        }
      }
    }
    let byCategory = header?.formsByCategory ?? [:]
    for (category, names) in byCategory.sorted(by: { $0.key < $1.key }) {
      let kinds = names.compactMap { forms[$0]?.role?.kind }
      for kind in FormRole.Kind.allCases where kinds.filter({ $0 == kind }).count > 1 {
        problems.append(
          MovementProblem(
            code: "duplicate-role", file: "movement.json", detail: "\(category): \(kind.rawValue)",
            at: "formsByCategory.\(category)"))
      }
    }
    if let criteria = load(CriteriaFile.self, "criteria.json") {
      problems += check(criteria, forms: forms, formsComplete: header != nil && forms.count == tried.count)
      // Roles are known only when every form named exists and could be read: otherwise
      // its own problem says what is wrong, without a cascade in the criteria.
      if header != nil && forms.count == Set(byCategory.values.flatMap { $0 }).count {
        // A form whose role is wrong (a report-info form in rows) has its own problem;
        // the formulas that read it would only repeat it.
        let rolesSound = !problems.contains { $0.code.hasPrefix("role-") || $0.code == "duplicate-role" }
        problems += checkRoles(criteria, forms: forms, byCategory: byCategory, formulas: rolesSound)
        problems += checkSummaryFields(forms: forms, byCategory: byCategory)
      }
    }
    // thresholds.json is optional: a movement without targets has none.
    if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("thresholds.json")),
      let thresholds = load(ThresholdsFile.self, "thresholds.json")
    {
      let areas = thresholds.yearlyReduction.map(\.area) + thresholds.targets2020.map(\.area)
      for area in areas where !MovementVocabulary.thresholdAreas.contains(area) {
        problems.append(MovementProblem(code: "unknown-area", file: "thresholds.json", detail: area))
      }
    }
    // awards.json is optional; when present it must be usable.
    if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("awards.json")),
      let awards = load(AwardRules.self, "awards.json")
    {
      problems += check(awards)
    }
    // standards/ is optional: a movement without household lists has none.
    var yearsTaken: [Int: String] = [:]
    for name in MovementDefinition.standardFiles(in: folder) {
      let file = "standards/" + name
      guard let standard = load(PovertyStandard.self, file) else { continue }
      for (at, detail) in standard.problems() {
        problems.append(MovementProblem(code: "bad-standard", file: file, detail: detail, at: at))
      }
      for year in standard.years {
        if let other = yearsTaken[year] {
          problems.append(
            MovementProblem(code: "standard-year-taken", file: file, detail: "\(year): \(other)", at: "years"))
        }
        yearsTaken[year] = yearsTaken[year] ?? standard.id
      }
    }
    // intake.json is optional too (the shipped one serves); when present it is read strictly.
    if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("intake.json")) {
      _ = load(IntakeVocabulary.self, "intake.json")
    }
    do {
      let registry = try UnitRegistry(csvPath: (folder as NSString).appendingPathComponent("units.csv"))
      problems += check(registry)
    } catch {
      problems.append(MovementProblem(code: "unreadable-file", file: "units.csv", detail: error.message(.en)))
    }
    return placed(problems, texts)
  }

  /// Each problem about a value given the line and column where the value stands.
  private static func placed(_ problems: [MovementProblem], _ texts: [String: Data]) -> [MovementProblem] {
    var layouts: [String: JSONLayout] = [:]
    return problems.map { problem in
      guard problem.line == nil, let path = problem.path, let data = texts[problem.file] else { return problem }
      if layouts[problem.file] == nil { layouts[problem.file] = JSONLayout(Array(data)) }
      guard let position = layouts[problem.file]?.values[path] else { return problem }
      var placed = problem
      placed.line = position.line
      placed.column = position.column
      return placed
    }
  }

  private static func check(
    _ file: CriteriaFile, forms: [String: FormSchema], formsComplete: Bool
  ) -> [MovementProblem] {
    var problems: [MovementProblem] = []
    var ids: Set<String> = []
    var sums: [String: Double] = [:]
    for (i, c) in file.criteria.enumerated() {
      let at = "criteria[\(i)]"
      if !ids.insert(c.id).inserted {
        problems.append(
          MovementProblem(code: "duplicate-criterion", file: "criteria.json", detail: c.id, at: at + ".id"))
      }
      if !MovementVocabulary.categories.contains(c.category) {
        problems.append(
          MovementProblem(
            code: "unknown-category", file: "criteria.json", detail: "\(c.id): \(c.category)", at: at + ".category"))
      }
      sums[c.category, default: 0] += c.points
      if c.expression != nil {
        // A formula decides a computed criterion on its own (checked against the forms below).
        if c.decided != .computed {
          problems.append(
            MovementProblem(code: "expression-not-computed", file: "criteria.json", detail: c.id, at: at + ".decided"))
        } else if c.rule != nil {
          problems.append(MovementProblem(code: "rule-and-expression", file: "criteria.json", detail: c.id, at: at))
        }
      } else if c.define != nil || c.requires != nil || c.outcomes != nil {
        problems.append(
          MovementProblem(code: "formula-parts-without-expression", file: "criteria.json", detail: c.id, at: at))
      }
      if c.decided == .computed, c.expression == nil {
        // A definition copied before the rules became formulas names one of them.
        let retired = c.rule.map(Criterion.rulesNowFormulas.contains) ?? false
        problems.append(
          MovementProblem(
            code: retired ? "rule-now-formula" : "missing-expression", file: "criteria.json",
            detail: c.rule.map { "\(c.id): \($0)" } ?? c.id, at: at + (retired ? ".rule" : "")))
      } else if c.decided == .nominee {
        if let rule = c.rule {
          if Criterion.rules[rule] == nil {
            problems.append(
              MovementProblem(code: "unknown-rule", file: "criteria.json", detail: "\(c.id): \(rule)", at: at + ".rule")
            )
          }
        } else {
          problems.append(MovementProblem(code: "missing-rule", file: "criteria.json", detail: c.id, at: at))
        }
      }
      // Fields are known only when every form could be read: otherwise the forms' own
      // problems say what is wrong, without a cascade of unknown fields.
      for (j, reference) in (c.fields ?? []).enumerated() where formsComplete {
        if !exists(reference, in: forms) {
          problems.append(
            MovementProblem(
              code: "unknown-field", file: "criteria.json", detail: "\(c.id): \(reference)", at: at + ".fields[\(j)]"))
        }
      }
    }
    for (category, declared) in file.maxPoints.sorted(by: { $0.key < $1.key }) {
      let sum = sums[category] ?? 0
      if abs(sum - declared) > 1e-9 {
        problems.append(
          MovementProblem(
            code: "points-mismatch", file: "criteria.json",
            detail: "\(category): \(CanonicalCSV.numberText(sum)) ≠ \(CanonicalCSV.numberText(declared))",
            at: "maxPoints.\(category)"))
      }
    }
    return problems
  }

  /// A form's role: the slots its kind takes, each naming a field of the form, and the
  /// layout the role is read from.
  private static func check(role form: FormSchema) -> [MovementProblem] {
    guard let role = form.role else { return [] }
    let file = "forms/\(form.name).json"
    var problems: [MovementProblem] = []
    let taken = role.slots
    for (slot, field, required) in taken {
      if let field, form.field(field) == nil {
        problems.append(
          MovementProblem(code: "role-field-missing", file: file, detail: "\(slot): \(field)", at: "role.\(slot)"))
      } else if field == nil && required {
        problems.append(
          MovementProblem(code: "role-slot-missing", file: file, detail: "\(role.kind.rawValue): \(slot)", at: "role"))
      }
    }
    if role.kind == .selfAssessment, (role.met ?? []).isEmpty {
      problems.append(
        MovementProblem(code: "role-slot-missing", file: file, detail: "\(role.kind.rawValue): met", at: "role"))
    }
    let names = Set(taken.map(\.slot))
    var unused = role.givenSlots.map(\.slot).filter { !names.contains($0) }
    if role.met != nil && role.kind != .selfAssessment { unused.append("met") }
    for slot in unused {
      problems.append(
        MovementProblem(
          code: "role-slot-unused", file: file, detail: "\(role.kind.rawValue): \(slot)", at: "role.\(slot)"))
    }
    if (role.kind == .reportInfo) != (form.layout == .keyValue) {
      problems.append(
        MovementProblem(
          code: "role-layout", file: file, detail: "\(role.kind.rawValue): \(form.layout.rawValue)", at: "layout"))
    }
    return problems
  }

  /// Each criterion against the forms of its category: the role it is decided from
  /// must be among them (a nominee's form may be any category's: nominees are proposed
  /// by the units above them), that form must hold what the rule needs, and the
  /// criterion must not claim to read fields its rule or its formulas never look at.
  /// A household list's `summaryFields`: each a class a list records, naming a field of
  /// the area-figures form that the same units submit.
  private static func checkSummaryFields(forms: [String: FormSchema], byCategory: [String: [String]])
    -> [MovementProblem]
  {
    var problems: [MovementProblem] = []
    var seen: Set<String> = []
    for (_, names) in byCategory.sorted(by: { $0.key < $1.key }) {
      let submitted = names.compactMap { forms[$0] }
      guard let list = submitted.first(where: { $0.role?.kind == .householdList }),
        let fields = list.role?.summaryFields, seen.insert(list.name).inserted
      else { continue }
      let summary = submitted.first { $0.role?.kind == .areaFigures }
      for (recorded, field) in fields.sorted(by: { $0.key < $1.key }) {
        let known = HouseholdListCheck.Recorded(rawValue: recorded) != nil
        guard !known || summary?.field(field) == nil else { continue }
        problems.append(
          MovementProblem(
            code: "role-field-missing", file: "forms/\(list.name).json",
            detail: known
              ? "summaryFields.\(recorded): \(summary?.name ?? "(no area-figures form)").\(field)"
              : "summaryFields: \(recorded) is no class (ngheo, can_ngheo, thoat_ngheo, khong)",
            at: "role.summaryFields.\(recorded)"))
      }
    }
    return problems
  }

  private static func checkRoles(
    _ file: CriteriaFile, forms: [String: FormSchema], byCategory: [String: [String]], formulas: Bool
  ) -> [MovementProblem] {
    var problems: [MovementProblem] = []
    for (i, c) in file.criteria.enumerated() {
      let at = "criteria[\(i)]"
      if formulas, c.expression != nil, c.decided == .computed {
        problems += check(c, at: at, forms: forms, submitted: Set(byCategory[c.category] ?? []))
      }
      problems += checkHouseholdList(c, at: at)
      guard let kind = c.role else { continue }
      let candidates = c.decided == .nominee ? byCategory.values.flatMap { $0 } : byCategory[c.category] ?? []
      guard let form = candidates.lazy.compactMap({ forms[$0] }).first(where: { $0.role?.kind == kind }) else {
        // A category no unit submits for has its own problem (`unknown-category`) or none to have.
        if c.decided == .nominee || byCategory[c.category] != nil {
          problems.append(
            MovementProblem(
              code: "role-missing", file: "criteria.json", detail: "\(c.id): \(c.category): \(kind.rawValue)",
              at: at + ".category"))
        }
        continue
      }
      guard let rule = c.rule, let inputs = Criterion.rules[rule] else { continue }
      for field in inputs.needs where form.field(field) == nil {
        problems.append(
          MovementProblem(
            code: "rule-field-missing", file: "criteria.json", detail: "\(c.id): \(rule): \(form.name).\(field)",
            at: at + ".rule"))
      }
      let read = Set((inputs.needs + inputs.reads).map { "\(form.name).\($0)" })
      // A field that no form has is `unknown-field` already.
      for (j, reference) in (c.fields ?? []).enumerated()
      where !read.contains(reference) && exists(reference, in: forms) {
        problems.append(
          MovementProblem(
            code: "rule-field-unread", file: "criteria.json", detail: "\(c.id): \(rule): \(reference)",
            at: at + ".fields[\(j)]"))
      }
    }
    return problems
  }

  /// The words of a criterion's household-list outcomes show the list's values only.
  private static func checkHouseholdList(_ c: Criterion, at: String) -> [MovementProblem] {
    let outcomes = [("accurate", c.householdList?.accurate), ("notAccurate", c.householdList?.notAccurate)]
    return outcomes.flatMap { key, outcome in
      (outcome?.names ?? []).filter { !HouseholdListAccuracy.valueNames.contains($0) }.map { name in
        MovementProblem(
          code: "outcome-name", file: "criteria.json",
          detail: "\(c.id): \(outcome?.vi ?? ""): {\(name)} is not a value of the household list",
          at: "\(at).householdList.\(key)")
      }
    }
  }

  /// Every formula of a criterion (its expression, what it requires, its defined values,
  /// the conditions of its unknown outcomes) must parse, read only fields of forms the
  /// criterion's units send, fit their types, and the conditions come out true or false;
  /// the outcomes' words may show defined values only; the criterion's `fields` must be
  /// among those it reads.
  private static func check(
    _ c: Criterion, at: String, forms: [String: FormSchema], submitted: Set<String>
  ) -> [MovementProblem] {
    func problem(_ code: String, _ key: String, _ text: String, _ message: String) -> MovementProblem {
      MovementProblem(code: code, file: "criteria.json", detail: "\(c.id): \(text): \(message)", at: "\(at).\(key)")
    }
    let formulas: CriterionFormulas
    do throws(CriterionFormulas.Failure) {
      guard let parsed = try CriterionFormulas(c) else { return [] }
      formulas = parsed
    } catch {
      return [
        problem("expression-syntax", error.key, error.text, "column \(error.error.column): \(error.error.message)")
      ]
    }
    let typing = ExpressionTyping(forms: forms, submitted: submitted, defines: formulas.defines)
    var problems: [MovementProblem] = []
    // The defined values first: a condition that uses a broken one would repeat its problem.
    for (name, formula) in formulas.defines.sorted(by: { $0.key < $1.key }) {
      do throws(ExpressionTyping.Problem) {
        _ = try typing.type(of: formula)
      } catch {
        problems.append(problem(error.code, "define.\(name)", c.define?[name] ?? "", error.message))
      }
    }
    guard problems.isEmpty else { return problems }
    var conditions: [(key: String, text: String, formula: CriterionExpression)] = [
      ("expression", c.expression ?? "", formulas.expression)
    ]
    if let requires = formulas.requires { conditions.append(("requires", c.requires ?? "", requires)) }
    for (i, u) in formulas.unknown.enumerated() {
      conditions.append(("outcomes.unknown[\(i)].when", u.outcome.when ?? "", u.when))
    }
    for (key, text, formula) in conditions {
      do throws(ExpressionTyping.Problem) {
        let type = try typing.type(of: formula)
        if type != .bool {
          problems.append(problem("expression-type", key, text, "the result is \(type.words), not true or false"))
        }
      } catch {
        problems.append(problem(error.code, key, text, error.message))
      }
    }
    let declared =
      c.outcomes.map {
        [("met", $0.met), ("notMet", $0.notMet)] + ($0.unknown ?? []).enumerated().map { ("unknown[\($0)]", $1) }
      } ?? []
    for (key, outcome) in declared {
      for name in outcome.names where formulas.defines[name] == nil {
        problems.append(problem("outcome-name", "outcomes.\(key)", outcome.vi, "{\(name)} is not a defined value"))
      }
    }
    guard problems.isEmpty else { return problems }
    let read = Set(formulas.fields)
    return (c.fields ?? []).enumerated().filter { !read.contains($1) && exists($1, in: forms) }.map { j, reference in
      MovementProblem(
        code: "rule-field-unread", file: "criteria.json", detail: "\(c.id): \(c.expression ?? ""): \(reference)",
        at: "\(at).fields[\(j)]")
    }
  }

  private static func exists(_ reference: String, in forms: [String: FormSchema]) -> Bool {
    let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
    return parts.count == 2 && (forms[parts[0]]?.fields.contains { $0.name == parts[1] } ?? false)
  }

  private static func check(_ awards: AwardRules) -> [MovementProblem] {
    var problems: [MovementProblem] = []
    for deadline in [awards.reportDeadline].compactMap({ $0 })
      + (awards.reportDeadlineByCategory ?? [:]).values.sorted()
    where AwardRules.serial(deadline, year: 2017) == nil {
      problems.append(MovementProblem(code: "bad-deadline", file: "awards.json", detail: deadline))
    }
    for rule in awards.rules {
      if !AwardRules.reviewKinds.contains(rule.review) {
        problems.append(
          MovementProblem(code: "unknown-review", file: "awards.json", detail: "\(rule.form): \(rule.review)"))
      }
      for category in rule.categories where !MovementVocabulary.categories.contains(category) {
        problems.append(
          MovementProblem(code: "unknown-category", file: "awards.json", detail: "\(rule.form): \(category)"))
      }
      if let share = rule.quotaShare, !(share > 0 && share <= 1) {
        problems.append(MovementProblem(code: "bad-quota", file: "awards.json", detail: "\(rule.form): \(share)"))
      }
    }
    return problems
  }

  private static func check(_ registry: UnitRegistry) -> [MovementProblem] {
    var problems: [MovementProblem] = []
    var codes: Set<String> = []
    for u in registry.units where !codes.insert(u.code).inserted {
      problems.append(MovementProblem(code: "duplicate-unit", file: "units.csv", detail: u.code))
    }
    for u in registry.units {
      if !MovementVocabulary.categories.contains(u.category) {
        problems.append(
          MovementProblem(code: "unknown-category", file: "units.csv", detail: "\(u.code): \(u.category)"))
      }
      if let parent = u.parent, !codes.contains(parent) {
        problems.append(MovementProblem(code: "unknown-parent", file: "units.csv", detail: "\(u.code): \(parent)"))
      }
      if let area = u.areaType, !MovementVocabulary.areaTypes.contains(area) {
        problems.append(MovementProblem(code: "unknown-area", file: "units.csv", detail: "\(u.code): \(area)"))
      }
      if let poor = u.poorArea, !MovementVocabulary.poorAreas.contains(poor) {
        problems.append(MovementProblem(code: "unknown-area", file: "units.csv", detail: "\(u.code): \(poor)"))
      }
    }
    return problems
  }
}
