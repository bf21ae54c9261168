public import Foundation
import HTTPTypes
public import Hummingbird
import HummingbirdBcrypt
import SheetIO
public import ThiDuaCore
public import ThiDuaWorkspace

/// What a request carries through the routes: its session once signed in.
public struct WorkspaceContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  var session: SessionRecord?
  var token: String?

  public init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }
}

/// `thidua serve`: the workspace's pages over HTTP (docs/serve.md). The server reads
/// and scores nothing itself; it shows what the store holds and calls the core.
public struct WorkspaceServer: Sendable {
  let store: SQLiteWorkspace
  let movement: MovementDefinition
  /// The review the pages run, set up as the command line's (workers, kind, year).
  let review: Review
  /// The most one uploaded file may hold; an upload is one file, so this is the request's.
  let uploadLimit: Int
  let runs = ReviewQueue()
  let pages: Pages
  let limiter: SignInLimiter
  /// The clock, replaceable in tests.
  let now: @Sendable () -> Date
  static let sessionCookie = "thidua_session"
  static let signInCookie = "thidua_signin"
  static let languageCookie = "thidua_lang"
  static let sessionLifetime: TimeInterval = 8 * 3600
  /// The most a form's body may hold (an upload is not a form).
  static let formLimit = 64 * 1024

  public init(
    store: SQLiteWorkspace, movement: MovementDefinition, review: Review? = nil, signInLimit: Int = 10,
    uploadLimit: Int = 64 << 20, now: @escaping @Sendable () -> Date = Date.init
  ) throws {
    self.store = store
    self.movement = movement
    self.review = review ?? Review(movement: movement)
    self.uploadLimit = uploadLimit
    pages = try Pages()
    limiter = SignInLimiter(limit: signInLimit)
    self.now = now
  }

  /// Makes the first account, `admin`, when there is none: its one-time password, to be
  /// printed once on the console (nil when accounts exist).
  public func firstAdministrator() throws -> String? {
    guard try store.userCount() == 0 else { return nil }
    let password = String(Tokens.make().prefix(16))
    _ = try store.addUser(name: "admin", role: .admin, passwordHash: Bcrypt.hash(password, cost: 12), at: now())
    return password
  }

  public func router() -> Router<WorkspaceContext> {
    let router = Router(context: WorkspaceContext.self)
    router.add(middleware: SecurityHeaders())
    router.add(middleware: SignedIn(server: self))
    router.get("/static/thidua.css") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-cache"],
        body: .init(byteBuffer: ByteBuffer(string: pages.styleSheet)))
    }
    router.get("/static/upload.js") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
        body: .init(byteBuffer: ByteBuffer(string: pages.uploadScript)))
    }
    router.get("/login") { request, _ in signInPage(request, error: nil) }
    // Browsers ask for an icon unasked; there is none.
    router.get("/favicon.ico") { _, _ in Response(status: .notFound) }
    router.post("/upload") { request, context in try await upload(request, context: context) }
    router.post("/review") { request, context in try await runReview(request, context: context) }
    router.post("/login") { request, context in try await signIn(request, context: context) }
    router.post("/logout") { request, context in
      if let token = context.token { try store.closeSession(tokenHash: Tokens.hash(token)) }
      var response = Self.redirect("/login")
      response.setCookie(Self.cookie(Self.sessionCookie, "", maxAge: 0))
      return response
    }
    router.get("/language") { request, _ in
      let to = request.uri.queryParameters["to"].map(String.init) == "en" ? "en" : "vi"
      var response = Self.redirect("/")
      response.setCookie(Self.cookie(Self.languageCookie, to, maxAge: 365 * 86_400))
      return response
    }
    router.get("/") { request, context in try inboxPage(request, context: context) }
    router.get("/units/:code") { request, context in try unitPage(request, context: context) }
    router.get("/source/:sha") { request, context in try await sourcePage(request, context: context) }
    return router
  }

  /// Serves until stopped.
  public func run(host: String, port: Int) async throws {
    let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port)))
    try await app.runService()
  }

  // MARK: pages

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

  func signInPage(_ request: Request, error: String?) -> Response {
    // A sign-in form carries a token of its own, also set as a cookie: a form posted from
    // another site has the cookie but cannot know the token. The browser's token is kept
    // when it has one, so that a second load (another tab, the icon's request) does not
    // orphan the form already shown.
    let kept = request.cookies[Self.signInCookie]?.value ?? ""
    let token =
      kept.count == 43 && kept.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
      ? kept : Tokens.make()
    let words = PageWords.all(Self.language(request))
    var frame = frame(request, session: nil, title: words["signIn"]!)
    frame["csrf"] = token
    var values: [String: Any] = ["csrf": token]
    if let error { values["error"] = error }
    var response = Self.html(pages.render("login", values, frame: frame), status: error == nil ? .ok : .unauthorized)
    response.setCookie(Self.cookie(Self.signInCookie, token, maxAge: 3600))
    return response
  }

  func signIn(_ request: Request, context: WorkspaceContext) async throws -> Response {
    var request = request
    let body = try await request.collectBody(upTo: WorkspaceServer.formLimit)
    let form = Self.form(String(buffer: body))
    let words = PageWords.all(Self.language(request))
    guard let expected = request.cookies[Self.signInCookie]?.value, let given = form["_csrf"],
      Tokens.same(expected, given)
    else { return Self.forbidden() }
    let name = form["name"] ?? ""
    let time = now()
    if await limiter.isBlocked(name, now: time) {
      var response = signInPage(request, error: words["tooMany"])
      response.status = .tooManyRequests
      response.headers[.retryAfter] = "900"
      return response
    }
    guard let user = try store.user(named: name), Bcrypt.verify(form["password"] ?? "", hash: user.passwordHash) else {
      await limiter.failed(name, now: time)
      try store.audit(at: time, who: name, action: "sign-in-failed", subject: name)
      return signInPage(request, error: words["wrongPassword"])
    }
    await limiter.succeeded(name)
    let token = Tokens.make()
    try store.openSession(
      user: user.id, tokenHash: Tokens.hash(token), csrf: Tokens.make(), expiresAt: time + Self.sessionLifetime)
    try store.audit(at: time, who: name, action: "sign-in", subject: name)
    var response = Self.redirect("/")
    response.setCookie(Self.cookie(Self.sessionCookie, token, maxAge: Int(Self.sessionLifetime)))
    response.setCookie(Self.cookie(Self.signInCookie, "", maxAge: 0))
    return response
  }

  /// Who may send files and run the review: the Board's staff and the administrator.
  static func canChange(_ session: SessionRecord?) -> Bool {
    session.map { [.admin, .staff].contains($0.user.role) } ?? false
  }

  /// `POST /upload`: one file, its bytes the body and its name in `X-File-Name`
  /// (percent-encoded), kept and synced before the answer says so.
  func upload(_ request: Request, context: WorkspaceContext) async throws -> Response {
    guard let session = context.session, Self.canChange(session) else { return Self.forbidden() }
    guard let given = request.headers[Self.fileNameHeader]?.removingPercentEncoding else {
      return Response(status: .badRequest)
    }
    var request = request
    let body: ByteBuffer
    do {
      body = try await request.collectBody(upTo: uploadLimit)
    } catch {
      return Response(status: .contentTooLarge)
    }
    let name = SafeName.file(given)
    let store = self.store
    let time = now()
    let record = try await Self.offLoop {
      try store.receive(bytes: Array(buffer: body), name: name, by: session.user.name, at: time)
    }
    let answer: [String: Any] = [
      "name": record.name, "sha256": record.sha256, "size": record.size, "new": record.isNew,
    ]
    let json = try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys])
    return Response(
      status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
  }

  /// `POST /review`: the review of every file received, recorded as a run; one at a time.
  func runReview(_ request: Request, context: WorkspaceContext) async throws -> Response {
    guard let session = context.session, Self.canChange(session) else { return Self.forbidden() }
    let (store, review, movement, time) = (self.store, self.review, self.movement, now())
    try await runs.one {
      _ = try await Self.offLoop {
        try WorkspaceReview(store: store, review: review, movement: movement).run(by: session.user.name, at: time)
      }
    }
    return Self.redirect("/")
  }

  /// Runs blocking work (the disk, the core's review) off the server's event loops.
  static func offLoop<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
  }

  static let fileNameHeader = HTTPField.Name("X-File-Name")!

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
              "severity": f.severity, "severityName": words[f.severity] ?? f.severity, "sheet": f.sheet ?? "",
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
        FileManager.default.createFile(atPath: path, contents: Data(try store.bytes(sha256: sha)))
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

  // MARK: HTTP pieces

  /// `dd/mm/yyyy hh:mm` in Vietnam's time (UTC+7), as the Board reads dates.
  static func dateTime(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(format: "%02d/%02d/%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
  }

  static func html(_ text: String, status: HTTPResponse.Status) -> Response {
    Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static func redirect(_ path: String) -> Response {
    Response(status: .seeOther, headers: [.location: path])
  }

  static func forbidden() -> Response {
    html("<!doctype html><title>403</title><p>403</p>", status: .forbidden)
  }

  /// `HttpOnly`, `SameSite=Strict`, the whole site: no script reads it, no other site sends it.
  static func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
    Cookie(name: name, value: value, maxAge: maxAge, path: "/", httpOnly: true, sameSite: .strict)
  }

  /// An `application/x-www-form-urlencoded` body as its fields (the last of a repeated name).
  static func form(_ body: String) -> [String: String] {
    var fields: [String: String] = [:]
    for pair in body.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1).map {
        String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
      }
      if let name = parts.first { fields[name] = parts.count > 1 ? parts[1] : "" }
    }
    return fields
  }
}
