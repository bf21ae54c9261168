public import Foundation
import GRDB

/// The workspace of one office: `DIR/thidua.sqlite` (SQLite in WAL mode, so that pages
/// read while a run writes) and the received bytes under `DIR/files/` (`FileVault`).
public final class SQLiteWorkspace: WorkspaceStore, AccountStore {
  public let folder: String
  private let pool: DatabasePool
  private let vault: FileVault

  public var databasePath: String { "\(folder)/thidua.sqlite" }

  /// Opens the workspace in `folder`, making it when it is new, and brings its database
  /// to the current version. Another program writing it is waited for `busyTimeout`
  /// seconds, then `locked`.
  public init(folder: String, busyTimeout: Double = 10) throws(WorkspaceError) {
    self.folder = folder
    let path = "\(folder)/thidua.sqlite"
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      vault = try FileVault(folder: "\(folder)/files")
    } catch let error as WorkspaceError {
      throw error
    } catch {
      throw .cannotOpen(path: folder, reason: error.localizedDescription)
    }
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    // Another run or the server writing: wait for it rather than fail at once.
    configuration.busyMode = .timeout(busyTimeout)
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
      let migrator = WorkspaceSchema.migrator
      let applied = try pool.read { try migrator.appliedIdentifiers($0) }
      guard applied.isSubset(of: Set(migrator.migrations)) else { throw WorkspaceError.newerVersion(path: path) }
      try migrator.migrate(pool)
    } catch {
      throw Self.explain(error, path: path)
    }
  }

  /// A database error as what it means to the user.
  static func explain(_ error: any Error, path: String) -> WorkspaceError {
    if let known = error as? WorkspaceError { return known }
    guard let database = error as? DatabaseError else {
      return .cannotOpen(path: path, reason: "\(error)")
    }
    switch database.resultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupt(path: path)
    case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
    default: return .cannotOpen(path: path, reason: database.message ?? "\(database.resultCode)")
    }
  }

  private func write<T>(_ work: (Database) throws -> T) throws -> T {
    do { return try pool.write(work) } catch { throw Self.explain(error, path: databasePath) }
  }

  private func read<T>(_ work: (Database) throws -> T) throws -> T {
    do { return try pool.read(work) } catch { throw Self.explain(error, path: databasePath) }
  }

  public func receive(path: String, name: String, by user: String, at date: Date) throws -> ReceivedRecord {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw WorkspaceError.cannotOpen(path: path, reason: "unreadable")
    }
    return try receive(bytes: [UInt8](data), name: name, by: user, at: date)
  }

  public func receive(bytes: [UInt8], name: String, by user: String, at date: Date) throws -> ReceivedRecord {
    let sha256 = FileVault.sha256(bytes)
    // The bytes are on disk and synced before the row that acknowledges them commits.
    try vault.keep(bytes, sha256: sha256)
    return try write { db in
      try db.execute(
        sql: "INSERT OR IGNORE INTO stored_bytes (sha256, size) VALUES (?, ?)", arguments: [sha256, bytes.count])
      if let row = try Row.fetchOne(
        db, sql: "SELECT * FROM received_file WHERE name = ? AND sha256 = ?", arguments: [name, sha256])
      {
        var earlier = Self.received(row, size: bytes.count)
        earlier.isNew = false
        return earlier
      }
      try db.execute(
        sql: "INSERT INTO received_file (name, sha256, received_at, received_by) VALUES (?, ?, ?, ?)",
        arguments: [name, sha256, date.timeIntervalSince1970, user])
      let id = db.lastInsertedRowID
      try Self.audit(db, at: date, who: user, action: "receive", subject: "\(name) \(sha256)")
      return ReceivedRecord(
        id: id, name: name, sha256: sha256, size: bytes.count, receivedAt: date, receivedBy: user, isNew: true)
    }
  }

  public func record(_ run: RunRecord) throws -> Int64 {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
    return try write { db in
      try db.execute(
        sql: """
          INSERT INTO review_run (movement, definition, kind, year, run_at, run_by, report)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          run.movement, run.definition, run.kind, run.year, run.at.timeIntervalSince1970, run.by, run.report,
        ])
      let number = db.lastInsertedRowID
      for file in run.intake {
        try db.execute(
          sql: """
            INSERT INTO intake (run, name, sha256, container, fate, format, unit, year, forms, related)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            number, file.name, file.sha256, file.container, file.fate, file.format, file.unit, file.year,
            try json(file.forms), try json(file.related),
          ])
        let intake = db.lastInsertedRowID
        for f in file.findings {
          try db.execute(
            sql: """
              INSERT INTO finding (intake, code, severity, sheet, cell, finding_values, message, message_en)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [intake, f.code, f.severity, f.sheet, f.cell, try json(f.values), f.message, f.messageEn])
        }
      }
      let insert = try db.makeStatement(
        sql: """
          INSERT INTO figure (run, file, unit, year, form, row, field, number, text, sheet, cell)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      for x in run.figures {
        try insert.execute(arguments: [
          number, x.file, x.unit, x.year, x.form, x.row, x.field, x.number, x.text, x.sheet, x.cell,
        ])
      }
      try Self.audit(
        db, at: run.at, who: run.by, action: "review-run",
        subject: "\(number) \(run.movement) \(run.kind) \(run.year): \(run.intake.count)")
      return number
    }
  }

  public func receivedFiles() throws -> [ReceivedRecord] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT received_file.*, stored_bytes.size FROM received_file
          JOIN stored_bytes USING (sha256) ORDER BY received_file.id
          """
      ).map { Self.received($0, size: $0["size"]) }
    }
  }

  public func runs() throws -> [RunSummary] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT review_run.*, (SELECT COUNT(*) FROM intake WHERE intake.run = review_run.id) AS files
          FROM review_run ORDER BY id
          """
      ).map { row in
        RunSummary(
          number: row["id"], movement: row["movement"], kind: row["kind"], year: row["year"],
          at: Date(timeIntervalSince1970: row["run_at"]), by: row["run_by"], files: row["files"])
      }
    }
  }

  public func intake(ofRun run: Int64, unit: String?) throws -> [IntakeRecord] {
    let decoder = JSONDecoder()
    func list(_ text: String) -> [String] { (try? decoder.decode([String].self, from: Data(text.utf8))) ?? [] }
    return try read { db in
      let findings = Dictionary(
        grouping: try Row.fetchAll(
          db,
          sql:
            """
            SELECT finding.* FROM finding JOIN intake ON intake.id = finding.intake
            WHERE intake.run = ? AND (? IS NULL OR intake.unit = ?) ORDER BY finding.id
            """,
          arguments: [run, unit, unit]), by: { $0["intake"] as Int64 })
      return try Row.fetchAll(
        db, sql: "SELECT * FROM intake WHERE run = ? AND (? IS NULL OR unit = ?) ORDER BY id",
        arguments: [run, unit, unit]
      ).map { row in
        let id: Int64 = row["id"]
        return IntakeRecord(
          name: row["name"], sha256: row["sha256"], container: row["container"], fate: row["fate"],
          format: row["format"], unit: row["unit"], year: row["year"], forms: list(row["forms"]),
          related: list(row["related"]),
          findings: (findings[id] ?? []).map { f in
            FindingRecord(
              code: f["code"], severity: f["severity"], sheet: f["sheet"], cell: f["cell"],
              values: (try? decoder.decode([String: String].self, from: Data((f["finding_values"] as String).utf8)))
                ?? [:],
              message: f["message"], messageEn: f["message_en"])
          })
      }
    }
  }

  public func figures(ofRun run: Int64) throws -> [FigureRecord] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM figure WHERE run = ? ORDER BY id", arguments: [run]).map { row in
        FigureRecord(
          file: row["file"], unit: row["unit"], year: row["year"], form: row["form"], row: row["row"],
          field: row["field"], number: row["number"], text: row["text"], sheet: row["sheet"], cell: row["cell"])
      }
    }
  }

  public func bytes(sha256: String) throws -> [UInt8] { try vault.bytes(of: sha256) }

  public func auditLog() throws -> [AuditEntry] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id").map { row in
        AuditEntry(
          at: Date(timeIntervalSince1970: row["at"]), who: row["who"], action: row["action"], subject: row["subject"])
      }
    }
  }

  public func addUser(name: String, role: Role, passwordHash: String, at date: Date) throws -> UserRecord? {
    try write { db in
      guard try Row.fetchOne(db, sql: "SELECT id FROM user WHERE name = ?", arguments: [name]) == nil else {
        return nil
      }
      try db.execute(
        sql: "INSERT INTO user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
        arguments: [name, role.rawValue, passwordHash, date.timeIntervalSince1970])
      let user = UserRecord(id: db.lastInsertedRowID, name: name, role: role, passwordHash: passwordHash)
      try Self.audit(db, at: date, who: name, action: "user-created", subject: "\(name) \(role.rawValue)")
      return user
    }
  }

  public func user(named name: String) throws -> UserRecord? {
    try read { db in try Row.fetchOne(db, sql: "SELECT * FROM user WHERE name = ?", arguments: [name]).map(Self.user) }
  }

  public func userCount() throws -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user") ?? 0 }
  }

  public func openSession(user: Int64, tokenHash: String, csrf: String, expiresAt: Date) throws {
    try write { db in
      try db.execute(
        sql: "INSERT INTO session (token_hash, user, csrf, expires_at) VALUES (?, ?, ?, ?)",
        arguments: [tokenHash, user, csrf, expiresAt.timeIntervalSince1970])
    }
  }

  public func session(tokenHash: String, now: Date) throws -> SessionRecord? {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT user.*, session.csrf, session.expires_at FROM session JOIN user ON user.id = session.user
            WHERE session.token_hash = ? AND session.expires_at > ?
            """, arguments: [tokenHash, now.timeIntervalSince1970])
      else { return nil }
      return SessionRecord(
        user: Self.user(row), csrf: row["csrf"], expiresAt: Date(timeIntervalSince1970: row["expires_at"]))
    }
  }

  public func closeSession(tokenHash: String) throws {
    try write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [tokenHash]) }
  }

  public func audit(at date: Date, who: String, action: String, subject: String) throws {
    try write { db in try Self.audit(db, at: date, who: who, action: action, subject: subject) }
  }

  private static func user(_ row: Row) -> UserRecord {
    UserRecord(
      id: row["id"], name: row["name"], role: Role(rawValue: row["role"]) ?? .readOnly,
      passwordHash: row["password_hash"])
  }

  private static func received(_ row: Row, size: Int) -> ReceivedRecord {
    ReceivedRecord(
      id: row["id"], name: row["name"], sha256: row["sha256"], size: size,
      receivedAt: Date(timeIntervalSince1970: row["received_at"]), receivedBy: row["received_by"], isNew: true)
  }

  private static func audit(_ db: Database, at: Date, who: String, action: String, subject: String) throws {
    try db.execute(
      sql: "INSERT INTO audit_log (at, who, action, subject) VALUES (?, ?, ?, ?)",
      arguments: [at.timeIntervalSince1970, who, action, subject])
  }
}
