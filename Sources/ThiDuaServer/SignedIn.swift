import Foundation
import HTTPTypes
import Hummingbird
import ThiDuaWorkspace

/// No page without a session: a request without one goes to the sign-in page (or gets
/// 401 when it is not a page's GET), and every POST but the sign-in's must carry the
/// session's CSRF token, as a form field `_csrf` or the header `X-CSRF-Token`.
struct SignedIn: RouterMiddleware {
  typealias Context = WorkspaceContext
  let server: WorkspaceServer
  /// Paths open without a session.
  static let open: Set<String> = ["/login", "/language", "/static/thidua.css", "/favicon.ico"]

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var context = context
    var request = request
    if let token = request.cookies[WorkspaceServer.sessionCookie]?.value, !token.isEmpty,
      let session = try server.store.session(tokenHash: Tokens.hash(token), now: server.now())
    {
      context.session = session
      context.token = token
    }
    let path = request.uri.path
    guard let session = context.session else {
      if Self.open.contains(path) { return try await next(request, context) }
      let page = request.method == .get || request.method == .head
      return page ? WorkspaceServer.redirect("/login") : Response(status: .unauthorized)
    }
    if request.method == .post && !Self.open.contains(path) {
      // A form carries its token as a field; anything else (an upload) in the header, and
      // its body is not read here.
      let given: String?
      if let header = request.headers[Self.csrfHeader] {
        given = header
      } else if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
        let body = try await request.collectBody(upTo: WorkspaceServer.formLimit)
        given = WorkspaceServer.form(String(buffer: body))["_csrf"]
      } else {
        given = nil
      }
      guard let given, Tokens.same(given, session.csrf) else { return WorkspaceServer.forbidden() }
    }
    return try await next(request, context)
  }

  static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
}

/// Headers every response carries: nothing from elsewhere, no framing, no sniffing.
struct SecurityHeaders: RouterMiddleware {
  typealias Context = WorkspaceContext

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var response = try await next(request, context)
    response.headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'; form-action 'self'"
    response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
    response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
    return response
  }
}
