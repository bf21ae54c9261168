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
    store: SQLiteWorkspace, movement: MovementDefinition, signInLimit: Int = 10,
    now: @escaping @Sendable () -> Date = Date.init
  ) throws {
    self.store = store
    self.movement = movement
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
    router.get("/login") { request, _ in signInPage(request, error: nil) }
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
    // another site has the cookie but cannot know the token.
    let token = Tokens.make()
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

  func inboxPage(_ request: Request, context: WorkspaceContext) throws -> Response {
    let language = Self.language(request)
    let words = PageWords.all(language)
    var values: [String: Any] = [:]
    let latest = try store.runs().last
    if let latest {
      values["run"] = [
        "line": language == .vi
          ? "Lần thẩm định \(latest.number): năm \(latest.year), \(latest.files) tệp, do \(latest.by) chạy."
          : "Review run \(latest.number): year \(latest.year), \(latest.files) files, run by \(latest.by)."
      ]
      values["files"] = try store.intake(ofRun: latest.number).map { file -> [String: Any] in
        [
          "name": file.name, "fate": file.fate,
          "fateName": ReceivedFile.Fate(rawValue: file.fate)?.name(language) ?? file.fate, "unit": file.unit ?? "",
          "year": file.year.map(String.init) ?? "", "findings": String(file.findings.count),
        ]
      }
    }
    return Self.html(
      pages.render("inbox", values, frame: frame(request, session: context.session, title: words["inbox"]!)),
      status: .ok)
  }

  // MARK: HTTP pieces

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
