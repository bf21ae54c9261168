/// Text that a spreadsheet would take for a formula if it were typed into a cell as it
/// stands: `=HYPERLINK("…")`, `@SUM(A1)`, `+cmd|' /C calc'!A0`. The outputs write it as
/// text (never run), and the finding `formula-like-text` tells the reviewers that a name
/// or a note was one, since no unit's clerk types a formula as a nominee's name.
enum FormulaLikeText {
  static func matches(_ text: String) -> Bool {
    let trimmed = text.drop { $0 == " " || $0 == "\t" }
    guard let first = trimmed.first else { return false }
    if first == "=" { return trimmed.count > 1 }
    // `+84 905…` and `- Hỗ trợ vốn (2017)` are a telephone number and a list item, not
    // formulas: after + - @ it takes a function called by name (`SUM(`) or a pipe (DDE).
    guard first == "+" || first == "-" || first == "@" else { return false }
    if trimmed.contains("|") && trimmed.contains("!") { return true }
    let name = trimmed.dropFirst().prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") }
    guard let letter = name.first, letter.isLetter else { return false }
    return trimmed.dropFirst(1 + name.count).first == "("
  }
}
