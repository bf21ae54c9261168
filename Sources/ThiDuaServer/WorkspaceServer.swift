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
  /// Seconds a session lasts.
  static let sessionSeconds = 8 * 3600
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
