import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import ThiDuaCore
@testable import ThiDuaServer
@testable import ThiDuaWorkspace

/// The workspace's pages over HTTP: nothing without signing in, sign-in limited and
/// audited, every form guarded by its token, each file's fate on the inbox page.
@Suite struct SignInTests {
  static let movement = try! MovementDefinition.shipped()

  /// A workspace with the first administrator made; its folder and password.
  static func workspace(importing inbox: String? = nil) throws -> (SQLiteWorkspace, URL, String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-serve-\(UUID().uuidString)")
    let store = try SQLiteWorkspace(folder: folder.path)
    if let inbox {
      var review = Review(movement: movement)
      review.threads = 1
      _ = try WorkspaceImport(store: store, review: review, movement: movement).run(
        inbox: inbox, by: "can-bo", at: Date(timeIntervalSince1970: 1_517_443_200))
    }
    let password = try #require(try WorkspaceServer(store: store, movement: movement).firstAdministrator())
    return (store, folder, password)
  }

  /// The cookies a response sets, by name, with their attributes.
  static func setCookies(_ response: TestResponse) -> [String: String] {
    Dictionary(
      response.headers[values: .setCookie].map { line in
        (String(line.prefix { $0 != "=" }), line)
      }
    ) { $1 }
  }

  static func cookieValue(_ line: String?) -> String {
    guard let line, let equals = line.firstIndex(of: "=") else { return "" }
    return String(line[line.index(after: equals)...].prefix { $0 != ";" })
  }

  static func field(_ name: String, in html: String) -> String? {
    guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
  }

  static func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    let text = fields.map { name, value in
      "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
    }.joined(separator: "&")
    return ByteBuffer(string: text)
  }

  static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

  /// Signs in through the form; the session cookie's value.
  static func signIn(_ client: some TestClientProtocol, name: String, password: String) async throws -> TestResponse {
    let page = try await client.execute(uri: "/login", method: .get)
    let token = try #require(field("_csrf", in: String(buffer: page.body)))
    let cookie = cookieValue(setCookies(page)[WorkspaceServer.signInCookie])
    var headers = formType
    headers[.cookie] = "\(WorkspaceServer.signInCookie)=\(cookie)"
    return try await client.execute(
      uri: "/login", method: .post, headers: headers,
      body: formBody([("_csrf", token), ("name", name), ("password", password)]))
  }

  @Test func noPageWithoutSigningIn() async throws {
    let (store, folder, _) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let app = Application(router: try WorkspaceServer(store: store, movement: Self.movement).router())
    try await app.test(.router) { client in
      let page = try await client.execute(uri: "/", method: .get)
      #expect(page.status == .seeOther)
      #expect(page.headers[.location] == "/login")
      #expect(try await client.execute(uri: "/logout", method: .post).status == .unauthorized)
      let login = try await client.execute(uri: "/login", method: .get)
      #expect(login.status == .ok)
      #expect(login.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true)
      #expect(String(buffer: login.body).contains("<h1>Đăng nhập</h1>"))
    }
  }

  @Test func signingInGivesAStrictHttpOnlySessionAndTheInbox() async throws {
    let (store, folder, password) = try Self.workspace(importing: fixturePath("inbox"))
    defer { try? FileManager.default.removeItem(at: folder) }
    let app = Application(router: try WorkspaceServer(store: store, movement: Self.movement).router())
    try await app.test(.router) { client in
      let signedIn = try await Self.signIn(client, name: "admin", password: password)
      #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/")
      let session = try #require(Self.setCookies(signedIn)[WorkspaceServer.sessionCookie])
      #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict") && session.contains("Path=/"))
      let cookie = "\(WorkspaceServer.sessionCookie)=\(Self.cookieValue(session))"
      let inbox = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
      #expect(inbox.status == .ok)
      let html = String(buffer: inbox.body)
      #expect(
        html.contains(
          "<td>512-bao-cao-thi-dua-2017.xlsx</td><td class=\"fate fate-used\">Đã dùng</td><td><a href=\"/units/512\">512</a></td><td>2017</td><td class=\"count\">1</td>"
        ))
      #expect(html.contains("Lần thẩm định 1: năm 2017"))
      // Signing out needs the page's token; without it the session stays.
      #expect(try await client.execute(uri: "/logout", method: .post, headers: [.cookie: cookie]).status == .forbidden)
      let token = try #require(Self.field("_csrf", in: html))
      var headers = Self.formType
      headers[.cookie] = cookie
      let out = try await client.execute(
        uri: "/logout", method: .post, headers: headers, body: Self.formBody([("_csrf", token)]))
      #expect(out.status == .seeOther)
      #expect(try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]).status == .seeOther)
    }
    // The password is kept as a bcrypt hash, and nowhere in the log.
    let admin = try #require(try store.user(named: "admin"))
    #expect(admin.passwordHash.hasPrefix("$2") && !admin.passwordHash.contains(password))
    #expect(try store.auditLog().allSatisfy { !$0.subject.contains(password) })
    #expect(try store.auditLog().map(\.action).suffix(2) == ["user-created", "sign-in"])
  }

  @Test func aSignInFormFromElsewhereIsRefused() async throws {
    let (store, folder, password) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let app = Application(router: try WorkspaceServer(store: store, movement: Self.movement).router())
    try await app.test(.router) { client in
      // Without the sign-in cookie its token means nothing.
      let response = try await client.execute(
        uri: "/login", method: .post, headers: Self.formType,
        body: Self.formBody([("_csrf", "guess"), ("name", "admin"), ("password", password)]))
      #expect(response.status == .forbidden)
    }
  }

  /// A second load of the sign-in page (another tab, the browser's icon request sent to
  /// it) keeps the token of the form already shown.
  @Test func theSignInTokenSurvivesASecondLoad() async throws {
    let (store, folder, password) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let app = Application(router: try WorkspaceServer(store: store, movement: Self.movement).router())
    try await app.test(.router) { client in
      let first = try await client.execute(uri: "/login", method: .get)
      let token = try #require(Self.field("_csrf", in: String(buffer: first.body)))
      let cookie =
        "\(WorkspaceServer.signInCookie)=\(Self.cookieValue(Self.setCookies(first)[WorkspaceServer.signInCookie]))"
      let icon = try await client.execute(uri: "/favicon.ico", method: .get, headers: [.cookie: cookie])
      #expect(icon.status == .notFound)
      let second = try await client.execute(uri: "/login", method: .get, headers: [.cookie: cookie])
      #expect(Self.field("_csrf", in: String(buffer: second.body)) == token)
      var headers = Self.formType
      headers[.cookie] = cookie
      let signedIn = try await client.execute(
        uri: "/login", method: .post, headers: headers,
        body: Self.formBody([("_csrf", token), ("name", "admin"), ("password", password)]))
      #expect(signedIn.status == .seeOther)
    }
  }

  @Test func aHundredWrongPasswordsAreLimited() async throws {
    let (store, folder, password) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let app = Application(router: try WorkspaceServer(store: store, movement: Self.movement).router())
    try await app.test(.router) { client in
      var statuses: [HTTPResponse.Status: Int] = [:]
      for attempt in 0..<100 {
        let response = try await Self.signIn(client, name: "admin", password: "sai-\(attempt)")
        statuses[response.status, default: 0] += 1
      }
      #expect(statuses == [.unauthorized: 10, .tooManyRequests: 90])
      // The right password is refused too while the name is blocked.
      let blocked = try await Self.signIn(client, name: "admin", password: password)
      #expect(blocked.status == .tooManyRequests && blocked.headers[.retryAfter] == "900")
      #expect(String(buffer: blocked.body).contains("Đăng nhập sai quá nhiều lần"))
    }
    #expect(try store.auditLog().filter { $0.action == "sign-in-failed" }.count == 10)
  }

  @Test func aFileNameIsShownAsTextNeverAsMarkup() async throws {
    let inbox = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-serve-inbox-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: inbox) }
    // No "/" in a file name: "<script>alert(1)<\script>" is as hostile.
    try Data("ghi chú".utf8).write(to: inbox.appendingPathComponent("<script>alert(1)<\\script>.txt"))
    let (store, folder, password) = try Self.workspace(importing: inbox.path)
    defer { try? FileManager.default.removeItem(at: folder) }
    let app = Application(router: try WorkspaceServer(store: store, movement: Self.movement).router())
    try await app.test(.router) { client in
      let signedIn = try await Self.signIn(client, name: "admin", password: password)
      let cookie =
        "\(WorkspaceServer.sessionCookie)=\(Self.cookieValue(Self.setCookies(signedIn)[WorkspaceServer.sessionCookie]))"
      let html = String(buffer: try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]).body)
      #expect(!html.contains("<script>"))
      #expect(html.contains("&lt;script&gt;alert(1)&lt;\\script&gt;.txt"))
    }
  }
}
