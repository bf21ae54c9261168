public import Foundation

/// What a user may do in the workspace.
public enum Role: String, Sendable, CaseIterable, Codable {
  case admin
  /// Board staff: receive files, run reviews.
  case staff
  /// A reviewer: sees everything, changes only their own decisions.
  case reviewer
  case readOnly = "read-only"
}

public struct UserRecord: Sendable, Hashable {
  public var id: Int64
  public var name: String
  public var role: Role
  public var passwordHash: String
}

/// A signed-in session: its user and the token every form must carry back (CSRF).
public struct SessionRecord: Sendable, Hashable {
  public var user: UserRecord
  public var csrf: String
  public var expiresAt: Date
}

/// The accounts and sessions a store keeps (migration 2).
public protocol AccountStore: Sendable {
  /// Adds a user; nil when the name is taken.
  func addUser(name: String, role: Role, passwordHash: String, at date: Date) throws -> UserRecord?
  func user(named name: String) throws -> UserRecord?
  func userCount() throws -> Int
  func openSession(user: Int64, tokenHash: String, csrf: String, expiresAt: Date) throws
  /// The session of `tokenHash`, if it has not expired by `now`.
  func session(tokenHash: String, now: Date) throws -> SessionRecord?
  func closeSession(tokenHash: String) throws
  func audit(at date: Date, who: String, action: String, subject: String) throws
}
