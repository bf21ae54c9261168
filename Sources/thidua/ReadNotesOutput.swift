import ArgumentParser
import Foundation
import SheetIO

/// A reader's notes as the command line shows them: lines on standard error, or one JSON
/// document there with `--notes json`.
struct ReadNotesOutput {
  enum Format: String, ExpressibleByArgument { case text, json }

  /// Lines shown as text at most; JSON has every note. A file with a hundred thousand
  /// ambiguous numbers needs the first few and a count, not a flood.
  static let maxLines = 50

  struct Entry: Encodable {
    var code: String
    var cell: String?
    var detail: String
    var message: String
  }

  struct Document: Encodable {
    var file: String
    var sheet: String
    var notes: [Entry]
  }

  var file: String
  var sheet: String
  var notes: [ReadNote]
  var language: Language

  static func entries(_ notes: [ReadNote], _ language: Language) -> [Entry] {
    notes.map { Entry(code: $0.code, cell: $0.cell?.description, detail: $0.detail, message: $0.message(language)) }
  }

  func write(_ format: Format) {
    switch format {
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      let document = Document(file: file, sheet: sheet, notes: Self.entries(notes, language))
      guard let data = try? encoder.encode(document) else { return }
      FileHandle.standardError.write(data + Data("\n".utf8))
    case .text:
      let label = language == .vi ? "ghi chú" : "note"
      var lines = notes.prefix(Self.maxLines).map {
        "thidua: \(label) [\($0.code)] \(file) '\(sheet)': \($0.message(language))"
      }
      if notes.count > Self.maxLines {
        let more = notes.count - Self.maxLines
        lines.append(
          language == .vi
            ? "thidua: \(label): còn \(more) ghi chú nữa (--notes json để xem hết)"
            : "thidua: \(label): \(more) more notes (--notes json lists them all)")
      }
      guard !lines.isEmpty else { return }
      FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
  }
}
