import GRDB

/// The workspace database's versions, applied in order and never edited once shipped: a
/// later change is a new migration (docs/workspace.md lists them).
enum WorkspaceSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("1 received files, runs, intake, figures, audit") { db in
      // The bytes, once per SHA-256; where they are follows from it (FileVault).
      try db.create(table: "stored_bytes") { t in
        t.primaryKey("sha256", .text)
        t.column("size", .integer).notNull()
      }
      // A file as received: the same bytes under two names are two receipts.
      try db.create(table: "received_file") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("name", .text).notNull()
        t.column("sha256", .text).notNull().references("stored_bytes")
        t.column("received_at", .double).notNull()
        t.column("received_by", .text).notNull()
        t.uniqueKey(["name", "sha256"])
      }
      try db.create(table: "review_run") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("movement", .text).notNull()
        t.column("definition", .text).notNull()
        t.column("kind", .text).notNull()
        t.column("year", .integer).notNull()
        t.column("run_at", .double).notNull()
        t.column("run_by", .text).notNull()
        // The run's report.json, whole.
        t.column("report", .text).notNull()
      }
      try db.create(table: "intake") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("run", .integer).notNull().indexed().references("review_run", onDelete: .cascade)
        t.column("name", .text).notNull()
        t.column("sha256", .text).notNull()
        // The SHA-256 of the received file it is, or came inside.
        t.column("container", .text).notNull()
        t.column("fate", .text).notNull()
        t.column("format", .text)
        t.column("unit", .text)
        t.column("year", .integer)
        t.column("forms", .text).notNull()
        t.column("related", .text).notNull()
      }
      try db.create(table: "finding") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("intake", .integer).notNull().indexed().references("intake", onDelete: .cascade)
        t.column("code", .text).notNull()
        t.column("severity", .text).notNull()
        t.column("sheet", .text)
        t.column("cell", .text)
        t.column("finding_values", .text).notNull()
        t.column("message", .text).notNull()
        t.column("message_en", .text).notNull()
      }
      try db.create(table: "figure") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("run", .integer).notNull().indexed().references("review_run", onDelete: .cascade)
        t.column("file", .text).notNull()
        t.column("unit", .text).notNull()
        t.column("year", .integer).notNull()
        t.column("form", .text).notNull()
        t.column("row", .integer).notNull()
        t.column("field", .text).notNull()
        t.column("number", .double)
        t.column("text", .text)
        t.column("sheet", .text).notNull()
        t.column("cell", .text)
      }
      try db.create(index: "figure_by_unit_year", on: "figure", columns: ["unit", "year"])
      try db.create(table: "audit_log") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("at", .double).notNull()
        t.column("who", .text).notNull()
        t.column("action", .text).notNull()
        t.column("subject", .text).notNull()
      }
    }
    migrator.registerMigration("2 users and sessions") { db in
      try db.create(table: "user") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("name", .text).notNull().unique()
        // admin, staff, reviewer, read-only (`Role`).
        t.column("role", .text).notNull()
        // A slow salted hash (bcrypt), never the password.
        t.column("password_hash", .text).notNull()
        t.column("created_at", .double).notNull()
      }
      // A session is found by the SHA-256 of its cookie's token: the database alone
      // opens no session.
      try db.create(table: "session") { t in
        t.primaryKey("token_hash", .text)
        t.column("user", .integer).notNull().indexed().references("user", onDelete: .cascade)
        t.column("csrf", .text).notNull()
        t.column("expires_at", .double).notNull()
      }
    }
    return migrator
  }
}
