import Foundation
import SheetIO

/// The words and limits of the intake, as data (`intake.json` of a movement): what a
/// total row, a block row, a signature block, a date line and an administrative word
/// look like, and how far the detectors look. docs/findings.md explains each.
public struct IntakeVocabulary: Codable, Sendable {
  public struct Limits: Codable, Sendable {
    /// Rows searched for a header below the start of the sheet or of the last table.
    public var headerSearchRows: Int
    /// Most rows one header may take (a parent, a sub-header, a third level).
    public var maxHeaderRows: Int
    /// Fields a header must map, at least, to be a form's.
    public var minimumFields: Int
    /// Lowest score at which a column may take a field.
    public var minimumScore: Double
    /// A parent header spanning at most this many columns qualifies the columns below it.
    public var qualifyingSpan: Int
    /// Share of a form's field codes a template's code row must hold.
    public var templateCodeShare: Double
    /// Similarity of two names above which one is read as a slip for the other.
    public var fuzzySimilarity: Double
    /// Rows from the top of a sheet without a form that count as its title area.
    public var titleRows: Int
  }

  public struct YearRange: Codable, Sendable {
    public var first: Int
    public var last: Int
  }

  public struct AdminWords: Codable, Sendable {
    public var category: String
    public var words: [String]
  }

  public var limits: Limits
  public var years: YearRange
  public var stopWords: [String]
  public var totalLabels: [String]
  public var grandTotalWords: [String]
  /// Rows that detail the row above (`Trong đó: hộ DTTS`): not areas of their own.
  public var subRowLabels: [String]
  /// Titles of the column that numbers the rows (`TT`, `STT`).
  public var ordinalTitles: [String]
  public var blockLabels: [String]
  public var footerLabels: [String]
  public var noteLabels: [String]
  public var recipientLabels: [String]
  public var mottoLines: [String]
  public var reportDateLabels: [String]
  public var reportYearLabels: [String]
  public var periodWords: [String]
  public var referenceWords: [String]
  /// Titles of the value column of a key-value sheet (`Chỉ tiêu | Giá trị`).
  public var valueColumnTitles: [String]
  public var unitLabels: [String]
  public var unitLabelExclusions: [String]
  /// Abbreviated administrative words (`X. Tam Quang`, `TP. Tam Kỳ`), with the dot.
  public var nameAbbreviations: [String: String]
  /// Offices of a district (`Phòng`): a department's initials after them are the office's.
  public var officeWords: [String]
  public var issuerWords: [String]
  public var adminWords: [AdminWords]
  /// Administrative level by category: the lower level names the sender when a title
  /// names a commune under its district.
  public var levels: [String: Int]
}

/// The vocabulary folded once, for the detectors.
struct FoldedVocabulary: Sendable {
  let limits: IntakeVocabulary.Limits
  let years: ClosedRange<Int>
  let stopWords: Set<String>
  let totalLabels: [String]
  /// The total labels as written, lower case: `Cộng` is a total, `Công ty` is not,
  /// and folding makes them one word.
  let totalLabelsMarked: [String]
  let grandTotalWords: [String]
  let subRowLabels: [String]
  let ordinalTitles: Set<String>
  let blockLabels: [String]
  let footerLabels: [String]
  let noteLabels: [String]
  let recipientLabels: [String]
  let mottoLines: [String]
  let reportDateLabels: [String]
  let reportYearLabels: [String]
  let periodWords: [String]
  let referenceWords: [String]
  let valueColumnTitles: Set<String>
  let unitLabels: [String]
  let unitLabelExclusions: [String]
  /// Abbreviations with their dot, upper case, longest first, and the word each stands for.
  let nameAbbreviations: [(String, String)]
  let officeWords: Set<String>
  /// What an issuing line starts with, as written (lower case, diacritics kept): `Sở` is
  /// a department, `Số liệu` is not, and folding makes them one word.
  let issuerStartsMarked: [String]
  /// The same folded, for lines typed without diacritics.
  let issuerStarts: [String]
  let issuerWords: [String]
  /// Administrative words, longest first, with the category each implies.
  let adminWords: [(words: String, category: String)]
  let levels: [String: Int]

  init(_ v: IntakeVocabulary) {
    func fold(_ list: [String]) -> [String] { list.map(TextFolding.fold).filter { !$0.isEmpty } }
    limits = v.limits
    years = v.years.first...max(v.years.first, v.years.last)
    stopWords = Set(fold(v.stopWords))
    totalLabels = fold(v.totalLabels)
    totalLabelsMarked = v.totalLabels.map(Self.markedWords)
    grandTotalWords = fold(v.grandTotalWords)
    subRowLabels = fold(v.subRowLabels)
    ordinalTitles = Set(fold(v.ordinalTitles))
    blockLabels = fold(v.blockLabels)
    footerLabels = fold(v.footerLabels)
    noteLabels = fold(v.noteLabels)
    recipientLabels = fold(v.recipientLabels)
    mottoLines = fold(v.mottoLines)
    reportDateLabels = fold(v.reportDateLabels)
    reportYearLabels = fold(v.reportYearLabels)
    periodWords = fold(v.periodWords)
    referenceWords = fold(v.referenceWords)
    valueColumnTitles = Set(fold(v.valueColumnTitles))
    unitLabels = fold(v.unitLabels).sorted { $0.count > $1.count }
    unitLabelExclusions = fold(v.unitLabelExclusions)
    nameAbbreviations = v.nameAbbreviations.map { ($0.key.uppercased(), $0.value) }.sorted { $0.0.count > $1.0.count }
    officeWords = Set(fold(v.officeWords))
    let starts = v.issuerWords + v.unitLabels + v.adminWords.filter { $0.category == "SO_NGANH" }.flatMap(\.words)
    issuerStartsMarked = starts.map(Self.markedWords)
    // Without diacritics `So`, `Ban`, `Hoi` are more often Số, bàn, hỏi than Sở, Ban, Hội.
    issuerStarts = fold(starts).filter { !["so", "ban", "hoi"].contains($0) }
    issuerWords = fold(v.issuerWords).sorted { $0.count > $1.count }
    adminWords = v.adminWords.flatMap { group in fold(group.words).map { ($0, group.category) } }
      .sorted { $0.0.count > $1.0.count }
    levels = v.levels
  }

  /// `text` with abbreviated administrative words written out: `X. Tam Xuân 1` is
  /// `Xã Tam Xuân 1`, `TT.Núi Thành` `Thị trấn Núi Thành`. Only with the dot, so that
  /// the name `P Rao` stays as it is.
  func expandingAbbreviations(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var words: [String] = []
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let upper = word.uppercased()
      if let (short, long) = nameAbbreviations.first(where: { upper.hasPrefix($0.0) }) {
        let rest = word.dropFirst(short.count)
        words.append(rest.isEmpty ? long : long + " " + rest)
      } else {
        words.append(String(word))
      }
    }
    return words.joined(separator: " ")
  }

  /// Whether a row label names a total. A label written with diacritics is compared with
  /// them (`Cộng` is a total, `Công ty` a company); one without any is compared folded.
  func isTotalLabel(_ label: String) -> Bool {
    TextFolding.hasDiacritics(label)
      ? Self.starts(Self.markedWords(label), with: totalLabelsMarked)
      : Self.starts(TextFolding.fold(label), with: totalLabels)
  }

  /// Whether a line names its issuer (`UBND …`, `SỞ …`, `Đơn vị: …`), but not the units
  /// of its figures (`Đơn vị tính`). Compared as written when it has diacritics.
  func isIssuerLine(_ text: String) -> Bool {
    let folded = TextFolding.fold(text)
    guard !Self.starts(folded, with: unitLabelExclusions) else { return false }
    return TextFolding.hasDiacritics(text)
      ? Self.starts(Self.markedWords(text), with: issuerStartsMarked) : Self.starts(folded, with: issuerStarts)
  }

  /// Lower case NFC words joined by single spaces, diacritics kept.
  static func markedWords(_ text: String) -> String {
    text.precomposedStringWithCanonicalMapping.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(
      separator: " ")
  }

  /// Whether folded `text` starts with one of `phrases` as whole words.
  static func starts(_ text: String, with phrases: [String]) -> Bool {
    // Byte by byte (folded text is ASCII but for other scripts), no string made per phrase.
    phrases.contains { phrase in
      let rest = text.utf8.dropFirst(phrase.utf8.count)
      return text.utf8.starts(with: phrase.utf8) && (rest.isEmpty || rest.first == UInt8(ascii: " "))
    }
  }

  /// Whether folded `text` holds one of `phrases` as whole words.
  static func contains(_ text: String, _ phrases: [String]) -> Bool {
    let padded = " " + text + " "
    return phrases.contains { padded.contains(" " + $0 + " ") }
  }
}
