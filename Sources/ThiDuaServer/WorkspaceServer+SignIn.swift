import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import SheetIO
import ThiDuaCore
import ThiDuaWorkspace

/// Signing in: the form with its own token, the check of name and password, the limit.
extension WorkspaceServer {
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
      user: user.id, tokenHash: Tokens.hash(token), csrf: Tokens.make(),
      expiresAt: time + TimeInterval(Self.sessionSeconds))
    try store.audit(at: time, who: name, action: "sign-in", subject: name)
    var response = Self.redirect("/")
    response.setCookie(Self.cookie(Self.sessionCookie, token, maxAge: Self.sessionSeconds))
    response.setCookie(Self.cookie(Self.signInCookie, "", maxAge: 0))
    return response
  }
}
