/// The type of every part of a criterion's expression, from the forms' field types:
/// `movement check` refuses an expression that reads a field no form has, a form the
/// criterion's category does not submit, or values that do not fit (text added to a
/// number, a sum of text, a result that is not true or false).
///
/// A field of a key-value form is one value; a field of a rows form is one value per
/// row (`rows`), which arithmetic and comparisons take row by row and `sum`, `count`,
/// `min`, `max`, `all`, `any` turn into one value.
indirect enum ExpressionType: Hashable, Sendable {
  case number, text, bool, date
  case rows(ExpressionType, form: String)

  var base: ExpressionType {
    if case .rows(let t, _) = self { return t }
    return self
  }

  var rowsForm: String? {
    if case .rows(_, let form) = self { return form }
    return nil
  }

  var words: String {
    switch self {
    case .number: "a number"
    case .text: "text"
    case .bool: "true or false"
    case .date: "a date"
    case .rows(let t, let form): "\(t.words) in each row of \(form)"
    }
  }
}

struct ExpressionTyping {
  /// Every form of the movement, and those the criterion's units submit.
  let forms: [String: FormSchema]
  let submitted: Set<String>
  /// The criterion's `define`: its named values.
  var defines: [String: CriterionExpression] = [:]
  /// The names being typed, to find one that refers back to itself.
  private var open: [String] = []

  init(forms: [String: FormSchema], submitted: Set<String>, defines: [String: CriterionExpression] = [:]) {
    self.forms = forms
    self.submitted = submitted
    self.defines = defines
  }

  struct Problem: Error, Hashable {
    /// `expression-field` (what it reads does not exist or is not sent), `expression-name`
    /// (a name not defined, or defined in terms of itself) or `expression-type`.
    var code: String
    var message: String
  }

  /// The expression's type; a criterion's must be `bool`.
  func type(of e: CriterionExpression) throws(Problem) -> ExpressionType {
    switch e {
    case .number: return .number
    case .text: return .text
    case .bool: return .bool
    case .defined(let name):
      guard let definition = defines[name] else {
        throw .init(code: "expression-name", message: "“\(name)” is not defined (write FORM.field, or define it)")
      }
      guard !open.contains(name) else {
        throw .init(code: "expression-name", message: "“\(name)” is defined in terms of itself")
      }
      var inner = self
      inner.open.append(name)
      return try inner.type(of: definition)
    case .field(let name, let fieldName):
      guard let form = forms[name] else { throw .init(code: "expression-field", message: "no form \(name)") }
      guard let field = form.field(fieldName) else {
        throw .init(code: "expression-field", message: "form \(name) has no field \(fieldName)")
      }
      guard submitted.contains(name) else {
        throw .init(code: "expression-field", message: "the criterion's units do not send form \(name)")
      }
      let t: ExpressionType =
        switch field.type {
        case .integer, .number, .percent: .number
        case .string, .enum: .text
        case .date: .date
        }
      return form.layout == .keyValue ? t : .rows(t, form: name)
    case .negate(let x):
      let t = try type(of: x)
      guard t.base == .number else { throw mismatch("“-” needs a number, not \(t.words)") }
      return t
    case .not(let x):
      let t = try type(of: x)
      guard t.base == .bool else { throw mismatch("“not” needs true or false, not \(t.words)") }
      return t
    case .binary(let op, let a, let b):
      let (x, y) = (try type(of: a), try type(of: b))
      let form = try sameRows(x, y, op.rawValue)
      let result: ExpressionType
      if op.isArithmetic {
        guard x.base == .number, y.base == .number else {
          throw mismatch("“\(op.rawValue)” needs numbers, not \(x.words) and \(y.words)")
        }
        result = .number
      } else if op.isComparison {
        let ordered = [.number, .date].contains(x.base)
        guard x.base == y.base, ordered || op == .equal || op == .notEqual else {
          throw mismatch("“\(op.rawValue)” cannot compare \(x.words) with \(y.words)")
        }
        result = .bool
      } else {
        guard x.base == .bool, y.base == .bool else {
          throw mismatch("“\(op.rawValue)” needs true or false on both sides, not \(x.words) and \(y.words)")
        }
        result = .bool
      }
      return form.map { .rows(result, form: $0) } ?? result
    case .call(let function, let args):
      guard args.count == function.arity else {
        throw mismatch(
          "\(function.rawValue)(…) takes \(["no value", "one value", "two values"][function.arity]), not \(args.count)")
      }
      guard function != .planMinimum else { return .number }
      let t = try type(of: args[0])
      switch function {
      case .present:
        switch args[0] {
        case .field, .defined: break
        default: throw mismatch("present(…) takes a field, FORM.field, or a defined name")
        }
        return t.rowsForm.map { .rows(.bool, form: $0) } ?? .bool
      case .total:
        guard case .field = args[0], t.rowsForm != nil, t.base == .number else {
          throw mismatch("total(…) takes a field of numbers of a rows form, FORM.field")
        }
        return .number
      case .totalRow, .first:
        guard case .field = args[0], t.rowsForm != nil else {
          throw mismatch("\(function.rawValue)(…) takes a field of a rows form, FORM.field")
        }
        return t.base
      case .round:
        guard t.base == .number, case .number(let digits) = args[1], digits >= 0, digits <= 6,
          digits.rounded() == digits
        else { throw mismatch("round(x, n) takes a number and a whole number of decimals from 0 to 6") }
        return t
      case .ifMissing:
        let other = try type(of: args[1])
        guard t.base == other.base else {
          throw mismatch("if_missing(a, b) needs a and b of one type, not \(t.words) and \(other.words)")
        }
        _ = try sameRows(t, other, "if_missing")
        return t.rowsForm == nil ? other : t
      case .previous:
        // Last year's rows are other areas, or the same ones in another order.
        guard t.rowsForm == nil else {
          throw mismatch("previous(…) takes one value, not \(t.words): use total(…), first(…), sum(…) inside it")
        }
        return t
      case .planMinimum: return .number
      case .count:
        guard t.rowsForm != nil else { throw mismatch("count(…) needs a field of a rows form, not \(t.words)") }
        return .number
      case .sum, .min, .max:
        guard t.rowsForm != nil, t.base == .number else {
          throw mismatch("\(function.rawValue)(…) needs numbers in rows, not \(t.words)")
        }
        return .number
      case .all, .any:
        guard t.rowsForm != nil, t.base == .bool else {
          throw mismatch("\(function.rawValue)(…) needs a condition on rows, not \(t.words)")
        }
        return .bool
      }
    }
  }

  /// The rows form both sides go over, if any: two different rows forms have rows that
  /// are not each other's.
  private func sameRows(_ x: ExpressionType, _ y: ExpressionType, _ op: String) throws(Problem) -> String? {
    switch (x.rowsForm, y.rowsForm) {
    case (let a?, let b?) where a != b: throw mismatch("“\(op)” between rows of \(a) and rows of \(b)")
    case (let a?, _): return a
    case (nil, let b): return b
    }
  }

  private func mismatch(_ message: String) -> Problem { Problem(code: "expression-type", message: message) }
}
