/// A criterion written as a formula over the forms' fields (docs/movement.md,
/// *Criteria as expressions*): `THONG_TIN.nha_o_ho_tro >= 10`,
/// `all(CHI_TIEU.ho_ngheo_cuoi_nam <= CHI_TIEU.tong_so_ho)`. Numbers, text in quotes,
/// `true`/`false`, `FORM.field`, a value the criterion defines (`achieved`), arithmetic,
/// comparisons, `and`/`or`/`not`, and the functions `sum`, `count`, `min`, `max`, `all`,
/// `any`, `present`, `total`, `total_row`, `first`, `round`, `if_missing`. No loops and
/// no I/O, and a definition may not refer back to itself: its cost is its size times the
/// rows of the forms it reads.
public indirect enum CriterionExpression: Hashable, Sendable {
  case number(Double)
  case text(String)
  case bool(Bool)
  case field(form: String, field: String)
  /// A value of the criterion's `define`.
  case defined(String)
  case negate(CriterionExpression)
  case not(CriterionExpression)
  case binary(Operator, CriterionExpression, CriterionExpression)
  case call(Function, [CriterionExpression])

  public enum Operator: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    case and, or

    var isComparison: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual].contains(self) }
    var isArithmetic: Bool { [.add, .subtract, .multiply, .divide].contains(self) }
  }

  public enum Function: String, Hashable, Sendable, CaseIterable {
    case sum, count, min, max, all, any, present
    /// Of a rows form's field: the total row's value when the table has a total row, else
    /// the sum when every row gives one.
    case total
    /// Of a rows form's field: the total row's value (none without a total row).
    case totalRow = "total_row"
    /// Of a rows form's field: the first value a row gives.
    case first
    /// `round(x, 2)`: to that many decimals (0 to 6).
    case round
    /// `if_missing(a, b)`: a, or b when a has no value.
    case ifMissing = "if_missing"
    /// `previous(x)`: x worked out on the unit's report of the year before.
    case previous
    /// `plan_minimum()`: the plan's least yearly reduction for the unit's areas
    /// (thresholds.json, the strictest that applies).
    case planMinimum = "plan_minimum"

    /// How many values it takes.
    var arity: Int {
      switch self {
      case .round, .ifMissing: 2
      case .planMinimum: 0
      default: 1
      }
    }
  }

  /// Why a text is not an expression, and where (a 1-based column in characters).
  public struct SyntaxError: Error, Hashable, Sendable {
    public var column: Int
    public var message: String
  }

  /// Longest text and deepest nesting read: an expression is a line of a criterion, not a program.
  static let maxLength = 1000
  static let maxDepth = 32

  public static func parse(_ text: String) throws(SyntaxError) -> CriterionExpression {
    guard text.count <= maxLength else {
      throw SyntaxError(column: maxLength + 1, message: "longer than \(maxLength) characters")
    }
    var parser = ExpressionParser(tokens: try ExpressionLexer.tokens(text), end: text.count + 1)
    let expression = try parser.expression(depth: 0)
    try parser.expectEnd()
    return expression
  }

  /// Every `FORM.field` the expression reads, in order of first appearance.
  public var fields: [String] {
    leaves { if case .field(let form, let field) = $0 { "\(form).\(field)" } else { nil } }
  }

  /// The fields and the defined values it reads in the year decided, not inside `previous(…)`.
  var fieldsThisYear: [String] {
    leaves(skippingPrevious: true) { if case .field(let form, let field) = $0 { "\(form).\(field)" } else { nil } }
  }
  var namesThisYear: [String] {
    leaves(skippingPrevious: true) { if case .defined(let name) = $0 { name } else { nil } }
  }

  /// Every defined value the expression names, in order of first appearance.
  public var names: [String] { leaves { if case .defined(let name) = $0 { name } else { nil } } }

  /// What `pick` makes of each part of the expression, in order, once each.
  private func leaves(skippingPrevious: Bool = false, _ pick: (CriterionExpression) -> String?) -> [String] {
    var out: [String] = []
    func walk(_ e: CriterionExpression) {
      if let leaf = pick(e), !out.contains(leaf) { out.append(leaf) }
      switch e {
      case .number, .text, .bool, .field, .defined: break
      case .negate(let x), .not(let x): walk(x)
      case .binary(_, let a, let b):
        walk(a)
        walk(b)
      case .call(.previous, _) where skippingPrevious: break
      case .call(_, let args): args.forEach(walk)
      }
    }
    walk(self)
    return out
  }
}

enum ExpressionToken: Hashable {
  case number(Double), text(String), name(String), symbol(String)
}

/// Splits an expression into numbers, quoted text, names (`THONG_TIN.so_don_khieu_nai`,
/// `and`, `sum`) and symbols, each with its column.
enum ExpressionLexer {
  static func tokens(_ text: String) throws(CriterionExpression.SyntaxError) -> [(ExpressionToken, Int)] {
    let chars = Array(text)
    var out: [(ExpressionToken, Int)] = []
    var i = 0
    func isNameStart(_ c: Character) -> Bool { c.isLetter || c == "_" }
    func isNamePart(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." }
    while i < chars.count {
      let c = chars[i]
      let column = i + 1
      if c.isWhitespace {
        i += 1
      } else if c.isASCII && c.isNumber {
        var j = i
        while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." { j += 1 }
        guard let n = Double(String(chars[i..<j])), n.isFinite else {
          throw .init(column: column, message: "“\(String(chars[i..<j]))” is not a number (write 1.5, not 1,5)")
        }
        out.append((.number(n), column))
        i = j
      } else if isNameStart(c) {
        var j = i
        while j < chars.count, isNamePart(chars[j]) { j += 1 }
        out.append((.name(String(chars[i..<j])), column))
        i = j
      } else if c == "\"" {
        var j = i + 1
        while j < chars.count, chars[j] != "\"" { j += 1 }
        guard j < chars.count else { throw .init(column: column, message: "text without its closing quote") }
        out.append((.text(String(chars[(i + 1)..<j])), column))
        i = j + 1
      } else if let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : nil,
        ["<=", ">=", "==", "!="].contains(two)
      {
        out.append((.symbol(two), column))
        i += 2
      } else if "+-*/<>(),".contains(c) {
        out.append((.symbol(String(c)), column))
        i += 1
      } else {
        throw .init(column: column, message: "“\(c)” has no meaning here")
      }
    }
    return out
  }
}

/// Precedence, loosest first: `or`, `and`, `not`, comparisons (one per level: `a < b <
/// c` is refused, as it reads two ways), `+ -`, `* /`, unary `-`.
struct ExpressionParser {
  let tokens: [(ExpressionToken, Int)]
  let end: Int
  var i = 0

  init(tokens: [(ExpressionToken, Int)], end: Int) {
    self.tokens = tokens
    self.end = end
  }

  private var column: Int { i < tokens.count ? tokens[i].1 : end }

  private func fail(_ message: String) -> CriterionExpression.SyntaxError { .init(column: column, message: message) }

  private mutating func take(_ symbol: String) -> Bool {
    guard i < tokens.count else { return false }
    switch tokens[i].0 {
    case .symbol(symbol), .name(symbol):
      i += 1
      return true
    default: return false
    }
  }

  mutating func expectEnd() throws(CriterionExpression.SyntaxError) {
    if i < tokens.count { throw fail("an operator (and, or, +, <= …) or the end was expected") }
  }

  mutating func expression(depth: Int) throws(CriterionExpression.SyntaxError) -> CriterionExpression {
    guard depth < CriterionExpression.maxDepth else { throw fail("nested deeper than \(CriterionExpression.maxDepth)") }
    return try chain([.or], depth) { (me, depth) throws(CriterionExpression.SyntaxError) in
      try me.chain([.and], depth) { (me, depth) throws(CriterionExpression.SyntaxError) in try me.negation(depth) }
    }
  }

  /// Operands joined left to right by any of `operators`: `a - b + c` is `(a - b) + c`.
  private mutating func chain(
    _ operators: [CriterionExpression.Operator], _ depth: Int,
    _ operand: (inout ExpressionParser, Int) throws(CriterionExpression.SyntaxError) -> CriterionExpression
  ) throws(CriterionExpression.SyntaxError) -> CriterionExpression {
    var left = try operand(&self, depth)
    while let op = nextOperator(operators) { left = .binary(op, left, try operand(&self, depth)) }
    return left
  }

  private mutating func nextOperator(_ operators: [CriterionExpression.Operator]) -> CriterionExpression.Operator? {
    for op in operators where take(op.rawValue) { return op }
    return nil
  }

  private mutating func negation(_ depth: Int) throws(CriterionExpression.SyntaxError) -> CriterionExpression {
    if take("not") {
      guard depth + 1 < CriterionExpression.maxDepth else { throw fail("nested too deep") }
      return .not(try negation(depth + 1))
    }
    return try comparison(depth)
  }

  private mutating func comparison(_ depth: Int) throws(CriterionExpression.SyntaxError) -> CriterionExpression {
    let left = try sum(depth)
    for op in ["<=", ">=", "==", "!=", "<", ">"] where take(op) {
      let right = try sum(depth)
      if ["<=", ">=", "==", "!=", "<", ">"].contains(where: { next in peekSymbol(next) }) {
        throw fail("one comparison at a time: write (a < b) and (b < c)")
      }
      return .binary(CriterionExpression.Operator(rawValue: op)!, left, right)
    }
    return left
  }

  private func peekSymbol(_ symbol: String) -> Bool { i < tokens.count && tokens[i].0 == .symbol(symbol) }

  private mutating func sum(_ depth: Int) throws(CriterionExpression.SyntaxError) -> CriterionExpression {
    try chain([.add, .subtract], depth) { (me, depth) throws(CriterionExpression.SyntaxError) in
      try me.chain([.multiply, .divide], depth) { (me, depth) throws(CriterionExpression.SyntaxError) in
        try me.unary(depth)
      }
    }
  }

  private mutating func unary(_ depth: Int) throws(CriterionExpression.SyntaxError) -> CriterionExpression {
    if take("-") {
      guard depth + 1 < CriterionExpression.maxDepth else { throw fail("nested too deep") }
      return .negate(try unary(depth + 1))
    }
    return try atom(depth)
  }

  private mutating func atom(_ depth: Int) throws(CriterionExpression.SyntaxError) -> CriterionExpression {
    guard i < tokens.count else { throw fail("a value was expected") }
    let (token, _) = tokens[i]
    switch token {
    case .number(let n):
      i += 1
      return .number(n)
    case .text(let t):
      i += 1
      return .text(t)
    case .symbol("("):
      i += 1
      let inner = try expression(depth: depth + 1)
      guard take(")") else { throw fail("“)” was expected") }
      return inner
    case .name(let name):
      i += 1
      if name == "true" || name == "false" { return .bool(name == "true") }
      if let function = CriterionExpression.Function(rawValue: name), take("(") {
        var args: [CriterionExpression] = []
        if !take(")") {
          repeat { args.append(try expression(depth: depth + 1)) } while take(",")
          guard take(")") else { throw fail("“,” or “)” was expected") }
        }
        return .call(function, args)
      }
      let parts = name.split(separator: ".", omittingEmptySubsequences: false)
      if parts.count == 1, !["and", "or", "not"].contains(name) { return .defined(name) }
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        i -= 1
        throw fail("“\(name)” is neither FORM.field nor a function")
      }
      return .field(form: String(parts[0]), field: String(parts[1]))
    case .symbol(let s):
      throw fail("“\(s)” where a value was expected")
    }
  }
}
