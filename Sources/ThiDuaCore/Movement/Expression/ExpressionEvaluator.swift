import SheetIO

/// Evaluates a criterion's expression on one submission, keeping every cell it read.
/// A value that is not there (an empty cell, a form not sent) is `missing`, and so is
/// what is computed from it, except where the answer does not depend on it (`false and
/// …`, `true or …`); a result that is missing leaves the criterion not assessable.
struct ExpressionEvaluator {
  enum Value: Hashable {
    case number(Double), text(String), bool(Bool), date(Double), missing
    case rows([Value])
  }

  /// The submission's table of each form, by form name.
  let tables: [String: FileReport.Table]
  let forms: [String: FormSchema]
  /// The criterion's defined values, each worked out once, when first used.
  let defines: [String: CriterionExpression]
  /// The unit's tables of the year before (nil when it sent none), for `previous(…)`.
  var previousTables: [String: FileReport.Table]? = nil
  /// The plan's least yearly reduction for the unit's areas, for `plan_minimum()`.
  var planMinimum: Double? = nil
  private var definedValues: [String: Value] = [:]
  private var opened: Set<String> = []
  /// What was read, in order, once each: the cell of each key-value field there is one
  /// for, the sheet of each rows form.
  private(set) var cited: [Location] = []
  /// The sheets of the key-value forms read, for when none of their cells was there.
  private var citedForms: [Location] = []
  /// The sources of an outcome: what was cited, else the sheets read.
  var sources: [Location] { cited.isEmpty ? citedForms : cited }
  /// `FORM.field = value` of each key-value field read, for the reason's words.
  private(set) var read: [String] = []

  init(
    tables: [String: FileReport.Table], forms: [String: FormSchema], defines: [String: CriterionExpression] = [:]
  ) {
    self.tables = tables
    self.forms = forms
    self.defines = defines
  }

  mutating func value(_ e: CriterionExpression) -> Value {
    switch e {
    case .number(let n): return .number(n)
    case .text(let t): return .text(t)
    case .bool(let b): return .bool(b)
    case .field(let form, let field): return fieldValue(form, field)
    case .defined(let name): return definedValue(name)
    case .negate(let x): return lift(value(x)) { if case .number(let n) = $0 { .number(-n) } else { .missing } }
    case .not(let x): return lift(value(x)) { if case .bool(let b) = $0 { .bool(!b) } else { .missing } }
    case .binary(let op, let a, let b):
      let (x, y) = (value(a), value(b))
      return lift(x, y) { Self.apply(op, $0, $1) }
    case .call(let function, let args):
      // `movement check` has counted the arguments; a definition loaded unchecked gets no trap.
      guard args.count == function.arity else { return .missing }
      switch function {
      case .total, .totalRow, .first:
        guard case .field(let form, let field) = args[0] else { return .missing }
        return column(function, form, field)
      case .round:
        // The checked conversion: an unchecked definition's `round(x, 1e19)` has no value, no trap.
        guard case .number(let n) = args[1], let digits = Int(exactly: n), (0...6).contains(digits) else {
          return .missing
        }
        return lift(value(args[0])) { if case .number(let n) = $0 { Self.round(n, digits) } else { .missing } }
      case .ifMissing:
        // Both are read (and cited): which one counts depends on the figures.
        let (a, b) = (value(args[0]), value(args[1]))
        return lift(a, b) { $0 == .missing ? $1 : $0 }
      case .planMinimum: return planMinimum.map { .number($0) } ?? .missing
      case .previous:
        guard let tables = previousTables else { return .missing }
        // Names inside it are worked out afresh on last year's tables.
        var lastYear = ExpressionEvaluator(tables: tables, forms: forms, defines: defines)
        let v = lastYear.value(args[0])
        // `previous(THONG_TIN.so_don_khieu_nai) = 2`
        for line in lastYear.read {
          let marked = line.firstRange(of: " = ").map {
            "previous(\(line[..<$0.lowerBound])) = \(line[$0.upperBound...])"
          }
          if let marked, !read.contains(marked) { read.append(marked) }
        }
        lastYear.sources.forEach { cite($0) }
        return v
      default: return call(function, args[0])
      }
    }
  }

  private mutating func definedValue(_ name: String) -> Value {
    if let known = definedValues[name] { return known }
    // `movement check` refuses a name defined in terms of itself; unchecked, it has no value.
    guard let definition = defines[name], opened.insert(name).inserted else { return .missing }
    let v = value(definition)
    definedValues[name] = v
    return v
  }

  /// One value of a rows form's column: its total (the total row's, else the sum when
  /// every row gives one), the total row's, or the first a row gives.
  private mutating func column(_ function: CriterionExpression.Function, _ form: String, _ field: String) -> Value {
    guard case .rows(let rows) = fieldValue(form, field), let table = tables[form],
      let type = forms[form]?.field(field)?.type
    else { return .missing }
    switch function {
    case .first: return rows.first { $0 != .missing } ?? .missing
    case .totalRow: return table.total.map { Self.convert($0[field], type) } ?? .missing
    default:
      if let total = table.total { return Self.convert(total[field], type) }
      let numbers = rows.compactMap { if case .number(let n) = $0 { n } else { nil } }
      return numbers.count == rows.count ? .number(numbers.reduce(0, +)) : .missing
    }
  }

  /// To `digits` decimals, as the forms' rates are rounded.
  private static func round(_ n: Double, _ digits: Int) -> Value {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return finite((n * scale).rounded() / scale)
  }

  private mutating func call(_ function: CriterionExpression.Function, _ arg: CriterionExpression) -> Value {
    let v = value(arg)
    let items: [Value]
    if case .rows(let rows) = v { items = rows } else { items = [v] }
    let given = items.filter { $0 != .missing }
    switch function {
    case .present:
      if case .rows(let rows) = v { return .rows(rows.map { .bool($0 != .missing) }) }
      return .bool(v != .missing)
    case .count: return .number(Double(given.count))
    case .sum, .min, .max:
      let numbers = given.compactMap { if case .number(let n) = $0 { n } else { nil } }
      guard !numbers.isEmpty else { return .missing }
      switch function {
      case .sum: return .number(numbers.reduce(0, +))
      case .min: return .number(numbers.min()!)
      default: return .number(numbers.max()!)
      }
    case .all:
      if given.contains(.bool(false)) { return .bool(false) }
      return given.count == items.count ? .bool(true) : .missing
    case .any:
      if given.contains(.bool(true)) { return .bool(true) }
      return given.count == items.count ? .bool(false) : .missing
    case .total, .totalRow, .first, .round, .ifMissing, .previous, .planMinimum: return .missing  // taken in `value`
    }
  }

  private mutating func fieldValue(_ form: String, _ field: String) -> Value {
    guard let schema = forms[form], let type = schema.field(field)?.type else { return .missing }
    guard let table = tables[form] else {
      read.append("\(form).\(field) = —")
      return schema.layout == .keyValue ? .missing : .rows([])
    }
    if schema.layout == .keyValue {
      // A key-value field cites its cell, when the form has one for it.
      if let cell = table.cells.first?[field] { cite(Location(file: table.file, sheet: table.sheet, cell: cell)) }
      let sheet = Location(file: table.file, sheet: table.sheet, cell: nil)
      if !citedForms.contains(sheet) { citedForms.append(sheet) }
      let v = Self.convert(table.rows.first?[field], type)
      let line = "\(form).\(field) = \(Self.text(v))"
      if !read.contains(line) { read.append(line) }
      return v
    }
    // A rows field reads a column: it cites the sheet, not each row's cell.
    cite(Location(file: table.file, sheet: table.sheet, cell: nil))
    return .rows(table.rows.map { Self.convert($0[field], type) })
  }

  /// A cell as a value of its field's type; anything else (an empty cell, text in a
  /// number field) has no value.
  private static func convert(_ cell: CellValue?, _ type: FieldSchema.FieldType) -> Value {
    switch (type, cell) {
    case (.integer, .number(let n)?), (.number, .number(let n)?), (.percent, .number(let n)?): return .number(n)
    case (.string, .text(let t)?), (.enum, .text(let t)?): return t.isEmpty ? .missing : .text(t)
    case (.date, .date(let d)?): return .date(d.serial)
    default: return .missing
    }
  }

  private mutating func cite(_ location: Location) {
    if !cited.contains(location) { cited.append(location) }
  }

  /// `f` on a value, or on each row of it.
  private func lift(_ x: Value, _ f: (Value) -> Value) -> Value {
    if case .rows(let rows) = x { return .rows(rows.map { $0 == .missing ? .missing : f($0) }) }
    return x == .missing ? .missing : f(x)
  }

  /// `f` on two values, row by row when either has rows (a single value stands for
  /// every row).
  private func lift(_ x: Value, _ y: Value, _ f: (Value, Value) -> Value) -> Value {
    switch (x, y) {
    case (.rows(let a), .rows(let b)): return .rows(zip(a, b).map(f))
    case (.rows(let a), _): return .rows(a.map { f($0, y) })
    case (_, .rows(let b)): return .rows(b.map { f(x, $0) })
    default: return f(x, y)
    }
  }

  private static func apply(_ op: CriterionExpression.Operator, _ x: Value, _ y: Value) -> Value {
    switch (op, x, y) {
    case (.and, .bool(false), _), (.and, _, .bool(false)): return .bool(false)
    case (.or, .bool(true), _), (.or, _, .bool(true)): return .bool(true)
    case (.and, .bool, .bool), (.or, .bool, .bool): return .bool(op == .and)
    default: break
    }
    if x == .missing || y == .missing { return .missing }
    switch (x, y) {
    case (.number(let a), .number(let b)):
      switch op {
      case .add: return finite(a + b)
      case .subtract: return finite(a - b)
      case .multiply: return finite(a * b)
      case .divide: return b == 0 ? .missing : finite(a / b)
      default: return compare(op, a, b)
      }
    case (.date(let a), .date(let b)): return compare(op, a, b)
    case (.text(let a), .text(let b)):
      // Text compares as the intake reads it: `Có` is `có` is `co`.
      let same = TextFolding.fold(a) == TextFolding.fold(b)
      return op == .equal ? .bool(same) : op == .notEqual ? .bool(!same) : .missing
    case (.bool(let a), .bool(let b)):
      return op == .equal ? .bool(a == b) : op == .notEqual ? .bool(a != b) : .missing
    default: return .missing
    }
  }

  private static func finite(_ n: Double) -> Value { n.isFinite ? .number(n) : .missing }

  private static func compare(_ op: CriterionExpression.Operator, _ a: Double, _ b: Double) -> Value {
    switch op {
    case .less: .bool(a < b)
    case .lessOrEqual: .bool(a <= b)
    case .greater: .bool(a > b)
    case .greaterOrEqual: .bool(a >= b)
    case .equal: .bool(a == b)
    case .notEqual: .bool(a != b)
    default: .missing
    }
  }

  static func text(_ v: Value) -> String {
    switch v {
    case .number(let n): CanonicalCSV.numberText(n)
    case .text(let t): t
    case .bool(let b): b ? "true" : "false"
    case .date(let d): ExcelDate(serial: d, uses1904: false).isoText
    case .missing: "—"
    case .rows(let rows): "[" + rows.map(text).joined(separator: ", ") + "]"
    }
  }
}
