import Foundation

/// Failed sign-ins per account name: after `limit` within `window` seconds the name is
/// refused (429) until the window has passed, whatever the password. Kept in memory: a
/// restart forgets them, as it forgets nothing else (docs/serve.md).
actor SignInLimiter {
  let limit: Int
  let window: TimeInterval
  private var failures: [String: [Date]] = [:]

  init(limit: Int = 10, window: TimeInterval = 15 * 60) {
    self.limit = limit
    self.window = window
  }

  func isBlocked(_ name: String, now: Date) -> Bool {
    recent(name, now: now).count >= limit
  }

  func failed(_ name: String, now: Date) {
    failures[name] = recent(name, now: now) + [now]
  }

  func succeeded(_ name: String) { failures[name] = nil }

  private func recent(_ name: String, now: Date) -> [Date] {
    (failures[name] ?? []).filter { now.timeIntervalSince($0) < window }
  }
}
