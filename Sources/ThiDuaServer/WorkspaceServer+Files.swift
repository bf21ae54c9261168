import Foundation
import HTTPTypes
import Hummingbird
import ThiDuaCore
import ThiDuaWorkspace

/// Files sent through the pages and the review run from them.
extension WorkspaceServer {
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
}
