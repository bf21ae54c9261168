import Foundation
import HTTPTypes
import Hummingbird
import SheetIO
import ThiDuaCore
import ThiDuaWorkspace

/// The pages: the frame every page shares, the inbox, a unit, a source sheet.
extension WorkspaceServer {

  static func language(_ request: Request) -> Language {
    request.cookies[languageCookie]?.value == "en" ? .en : .vi
  }

  func frame(_ request: Request, session: SessionRecord?, title: String) -> [String: Any] {
    let language = Self.language(request)
    var frame: [String: Any] = [
      "lang": language == .vi ? "vi" : "en", "title": title, "movement": movement.title,
      "t": PageWords.all(language), "otherLang": language == .vi ? "en" : "vi",
      "otherLangName": language == .vi ? "English" : "Tiếng Việt",
    ]
    if let session {
      frame["user"] = ["name": session.user.name, "role": session.user.role.rawValue]
      frame["csrf"] = session.csrf
    }
    return frame
  }

  func inboxPage(_ request: Request, context: WorkspaceContext) throws -> Response {
    let language = Self.language(request)
    let words = PageWords.all(language)
    var values: [String: Any] = ["canChange": Self.canChange(context.session)]
    values["received"] = try store.receivedFiles().map { file -> [String: Any] in
      let size = VietnameseNumber.text(Double(file.size))
      return [
        "name": file.name, "size": language == .vi ? size : size.replacingOccurrences(of: ".", with: ","),
        "at": Self.dateTime(file.receivedAt), "by": file.receivedBy,
      ]
    }
    let latest = try store.runs().last
    if let latest {
      values["run"] = [
        "line": language == .vi
          ? "Lần thẩm định \(latest.number): năm \(latest.year), \(latest.files) tệp, do \(latest.by) chạy."
          : "Review run \(latest.number): year \(latest.year), \(latest.files) files, run by \(latest.by)."
      ]
      values["files"] = try store.intake(ofRun: latest.number).map { file -> [String: Any] in
        var row: [String: Any] = [
          "name": file.name, "fate": file.fate,
          "fateName": ReceivedFile.Fate(rawValue: file.fate)?.name(language) ?? file.fate,
          "year": file.year.map(String.init) ?? "", "findings": String(file.findings.count),
        ]
        if let unit = file.unit { row["unit"] = unit }
        return row
      }
    }
    return Self.html(
      pages.render("inbox", values, frame: frame(request, session: context.session, title: words["inbox"]!)),
      status: .ok)
  }

  /// A unit's files in the latest run, each with its findings; a finding's cell opens the
  /// source sheet with the cell marked.
  func unitPage(_ request: Request, context: WorkspaceContext) throws -> Response {
    let language = Self.language(request)
    let words = PageWords.all(language)
    let code = context.parameters.get("code") ?? ""
    guard let unit = movement.registry.unit(code: code) else { return Response(status: .notFound) }
    let files = try store.runs().last.map { try store.intake(ofRun: $0.number, unit: code) } ?? []
    let values: [String: Any] = [
      "unit": code, "unitName": unit.name,
      "files": files.map { file -> [String: Any] in
        [
          "name": file.name, "fate": file.fate,
          "fateName": ReceivedFile.Fate(rawValue: file.fate)?.name(language) ?? file.fate,
          "hasFindings": !file.findings.isEmpty,
          "findings": file.findings.map { f -> [String: Any] in
            var row: [String: Any] = [
              "severity": f.severity,
              "severityName": Finding.Severity(rawValue: f.severity)?.name(language) ?? f.severity,
              "sheet": f.sheet ?? "",
              "cell": f.cell ?? "", "message": language == .vi ? f.message : f.messageEn,
            ]
            // Only a file received as it is can be opened; a member of an archive cannot yet.
            if file.container == file.sha256, let sheet = f.sheet {
              var link = URLComponents()
              link.path = "/source/\(file.sha256)"
              link.queryItems =
                [URLQueryItem(name: "name", value: file.name), URLQueryItem(name: "sheet", value: sheet)]
                + (f.cell.map { [URLQueryItem(name: "cell", value: $0)] } ?? [])
              row["link"] = (link.string ?? "") + "#hit"
            }
            return row
          },
        ]
      },
    ]
    let title = "\(unit.name) (\(code))"
    return Self.html(
      pages.render("unit", values, frame: frame(request, session: context.session, title: title)), status: .ok)
  }

  /// `GET /source/SHA?name=…&sheet=…&cell=…`: the received file's sheet around the cell.
  func sourcePage(_ request: Request, context: WorkspaceContext) async throws -> Response {
    let language = Self.language(request)
    let sha = context.parameters.get("sha") ?? ""
    let query = request.uri.queryParameters
    let name = query["name"].map(String.init) ?? ""
    let sheet = query["sheet"].map(String.init) ?? ""
    let cell = query["cell"].flatMap { CellAddress(String($0)) }
    guard try store.receivedFiles().contains(where: { $0.sha256 == sha }) else { return Response(status: .notFound) }
    let store = self.store
    let window: [String: Any]
    do {
      window = try await Self.offLoop {
        // The bytes under a private name with the received name's extension (a CSV is
        // told by it when its content cannot tell).
        let ext = (SafeName.file(name) as NSString).pathExtension
        let path = FileManager.default.temporaryDirectory
          .appendingPathComponent("thidua-source-\(UUID().uuidString)" + (ext.isEmpty ? "" : "." + ext)).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(try store.bytes(sha256: sha))) else {
          throw WorkspaceError.cannotWrite(path: path, reason: "source view")
        }
        return UncheckedBox(try SourceView.window(path: path, sheet: sheet, cell: cell, language: language))
      }.value
    } catch {
      return Self.html(
        pages.render(
          "source", ["file": name, "sheet": sheet, "rows": [] as [Any]],
          frame: frame(request, session: context.session, title: name)), status: .unprocessableContent)
    }
    var values = window
    values["file"] = name
    if let cell { values["cell"] = cell.description }
    return Self.html(
      pages.render("source", values, frame: frame(request, session: context.session, title: name)), status: .ok)
  }
}
