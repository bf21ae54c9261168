import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import ThiDuaCore
@testable import ThiDuaServer
@testable import ThiDuaWorkspace

/// A unit's page lists its files and findings; a finding's cell opens the sheet as the
/// clerk typed it, that cell marked.
@Suite struct UnitPageTests {
  @Test func aFindingOpensItsSourceSheetAtItsCell() async throws {
    let (store, folder, password) = try SignInTests.workspace(importing: fixturePath("inbox"))
    defer { try? FileManager.default.removeItem(at: folder) }
    let app = Application(router: try UploadTests.server(store).router())
    try await app.test(.router) { client in
      let (cookie, _) = try await UploadTests.session(client, name: "admin", password: password)
      let unit = try await client.execute(uri: "/units/512", method: .get, headers: [.cookie: cookie])
      #expect(unit.status == .ok)
      let html = String(buffer: unit.body)
      #expect(html.contains("<h1>Huyện Hiệp Đức (512)</h1>"))
      #expect(html.contains("dòng tổng cộng ghi 30.637, cộng các dòng được 30.537"))
      let link = try #require(
        html.range(of: "href=\"/source/").map { range in
          String(html[html.index(range.lowerBound, offsetBy: 6)...].prefix { $0 != "\"" })
        })
      #expect(link.contains("sheet=Bi%E1%BB%83u%2001") && link.contains("cell=C18") && link.hasSuffix("#hit"))
      let uri = String(link.prefix { $0 != "#" }).replacingOccurrences(of: "&amp;", with: "&")
      let source = try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
      #expect(source.status == .ok)
      let sheet = String(buffer: source.body)
      // Row 18 of Biểu 01, its total row, with C18 marked and Vietnamese numbers.
      #expect(sheet.contains("<tr><th>18</th><td></td><td>Tổng cộng</td><td class=\"hit\" id=\"hit\">30.637</td>"))
      // Another unit's code or an unknown file is not found.
      #expect(
        try await client.execute(uri: "/units/99999", method: .get, headers: [.cookie: cookie]).status == .notFound)
      #expect(
        try await client.execute(
          uri: "/source/\(String(repeating: "0", count: 64))", method: .get, headers: [.cookie: cookie]
        )
        .status == .notFound)
    }
  }
}
