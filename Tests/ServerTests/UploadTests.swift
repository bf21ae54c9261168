import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import TestSupport
import Testing

@testable import ThiDuaCore
@testable import ThiDuaServer
@testable import ThiDuaWorkspace

/// Files sent through the pages: kept as they came, by whom may send them, how large,
/// under a name that is never a path; then the review run from the page.
@Suite struct UploadTests {
  static func server(_ store: SQLiteWorkspace, uploadLimit: Int = 64 << 20) throws -> WorkspaceServer {
    var review = Review(movement: SignInTests.movement)
    review.threads = 1
    return try WorkspaceServer(store: store, movement: SignInTests.movement, review: review, uploadLimit: uploadLimit)
  }

  /// Signs in; the session cookie and the page's CSRF token.
  static func session(_ client: some TestClientProtocol, name: String, password: String) async throws -> (
    String, String
  ) {
    let signedIn = try await SignInTests.signIn(client, name: name, password: password)
    let cookie =
      "\(WorkspaceServer.sessionCookie)=\(SignInTests.cookieValue(SignInTests.setCookies(signedIn)[WorkspaceServer.sessionCookie]))"
    let page = String(buffer: try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]).body)
    return (cookie, try #require(SignInTests.field("_csrf", in: page)))
  }

  static func upload(
    _ client: some TestClientProtocol, _ bytes: [UInt8], name: String, cookie: String, token: String?
  ) async throws -> TestResponse {
    var headers: HTTPFields = [.cookie: cookie, .contentType: "application/octet-stream"]
    headers[WorkspaceServer.fileNameHeader] = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)
    if let token { headers[SignedIn.csrfHeader] = token }
    return try await client.execute(uri: "/upload", method: .post, headers: headers, body: ByteBuffer(bytes: bytes))
  }

  @Test func theSampleInboxSentThroughThePageIsReviewed() async throws {
    let (store, folder, password) = try SignInTests.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inbox = fixturePath("inbox")
    let files = try Inbox.files(in: inbox)
    let app = Application(router: try Self.server(store).router())
    try await app.test(.router) { client in
      let (cookie, token) = try await Self.session(client, name: "admin", password: password)
      for file in files {
        let bytes = [UInt8](FileManager.default.contents(atPath: file.path)!)
        let answer = try await Self.upload(client, bytes, name: file.name, cookie: cookie, token: token)
        #expect(answer.status == .ok, "\(file.name)")
        let json = try JSONSerialization.jsonObject(with: Data(String(buffer: answer.body).utf8)) as? [String: Any]
        #expect(json?["sha256"] as? String == file.sha256)
      }
      var headers = SignInTests.formType
      headers[.cookie] = cookie
      let run = try await client.execute(
        uri: "/review", method: .post, headers: headers, body: SignInTests.formBody([("_csrf", token)]))
      #expect(run.status == .seeOther)
      let page = String(buffer: try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]).body)
      #expect(page.contains("Lần thẩm định 1: năm 2017, 36 tệp, do admin chạy."))
      #expect(page.contains("<td>512-bao-cao-thi-dua-2017.xlsx</td><td class=\"fate fate-used\">Đã dùng</td>"))
      #expect(page.contains("<td>hoa-vang-2017.xlsx</td><td class=\"fate fate-unidentified\">"))
    }
    // The same fates as the command line's review of the folder.
    var review = Review(movement: SignInTests.movement)
    review.threads = 1
    let direct = try review.run(inbox: inbox)
    let recorded = try store.intake(ofRun: 1)
    #expect(
      Dictionary(uniqueKeysWithValues: recorded.map { ($0.name, $0.fate) })
        == Dictionary(uniqueKeysWithValues: direct.files.map { ($0.file.name, $0.fate.rawValue) }))
  }

  @Test func anUploadNeedsItsTokenAndARoleThatMaySend() async throws {
    let (store, folder, password) = try SignInTests.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try store.addUser(
      name: "tham-dinh-1", role: .reviewer, passwordHash: Bcrypt.hash("mat-khau-1", cost: 4), at: Date())
    let app = Application(router: try Self.server(store).router())
    try await app.test(.router) { client in
      let bytes = Array("ghi chú".utf8)
      // Without a session: 401; without the token: 403.
      #expect(try await Self.upload(client, bytes, name: "a.txt", cookie: "", token: nil).status == .unauthorized)
      let (cookie, token) = try await Self.session(client, name: "admin", password: password)
      #expect(try await Self.upload(client, bytes, name: "a.txt", cookie: cookie, token: nil).status == .forbidden)
      #expect(try await Self.upload(client, bytes, name: "a.txt", cookie: cookie, token: "x").status == .forbidden)
      // A reviewer sees the inbox but sends nothing and runs nothing.
      let (reviewer, reviewerToken) = try await Self.session(client, name: "tham-dinh-1", password: "mat-khau-1")
      #expect(
        try await Self.upload(client, bytes, name: "a.txt", cookie: reviewer, token: reviewerToken).status == .forbidden
      )
      let page = String(buffer: try await client.execute(uri: "/", method: .get, headers: [.cookie: reviewer]).body)
      #expect(!page.contains("id=\"upload\""))
    }
    #expect(try store.receivedFiles().isEmpty)
  }

  @Test func aNameIsNeverAPathAndTooLargeIsRefused() async throws {
    let (store, folder, password) = try SignInTests.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let app = Application(router: try Self.server(store, uploadLimit: 1024).router())
    try await app.test(.router) { client in
      let (cookie, token) = try await Self.session(client, name: "admin", password: password)
      let bytes = Array("Đơn vị: Xã Tam Quang".utf8)
      let answer = try await Self.upload(client, bytes, name: "../../etc/passwd", cookie: cookie, token: token)
      #expect(answer.status == .ok)
      let big = try await Self.upload(
        client, [UInt8](repeating: 0x41, count: 2048), name: "lon.csv", cookie: cookie, token: token)
      #expect(big.status == .contentTooLarge)
    }
    #expect(try store.receivedFiles().map(\.name) == ["passwd"])
    // Nothing was written outside the workspace's own folders.
    let written = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix("files") }
    #expect(Set(written).isSubset(of: ["thidua.sqlite", "thidua.sqlite-wal", "thidua.sqlite-shm", "files"]))
  }

  @Test(arguments: [
    ("../../etc/passwd", "passwd"), ("a\\b\\c.xlsx", "c.xlsx"), ("..", "tep"), ("", "tep"),
    ("bao\u{0}cao.xlsx", "baocao.xlsx"), ("Báo cáo xã.xlsx", "Báo cáo xã.xlsx"),
  ])
  func namesAreMadeSafe(_ given: String, _ safe: String) {
    #expect(SafeName.file(given) == safe)
  }

  @Test func pathsKeepTheirFoldersButNeverClimb() {
    #expect(SafeName.path("ban-sao/502.xlsx") == "ban-sao/502.xlsx")
    #expect(SafeName.path("../../x/./y.xlsx") == "x/y.xlsx")
    #expect(SafeName.path("/../") == "tep")
  }
}
