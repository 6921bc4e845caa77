import Glibc
import Postgres
import SQLite
import WorkshopModel

/// `workshop migrate --from FILE --to SERVER`: moves a shop kept in a SQLite file onto a PostgreSQL
/// server, as it is — every table's rows with the same ids and values, the journal, its seals and
/// the tamper log included, byte for byte — then reads both sides back and compares them.
///
/// All or nothing: the server's schema is brought up to date, checked empty, filled and compared in
/// ONE transaction on the server, which commits only when both sides agree. Every refusal comes
/// before anything is committed, so the server is left as it was found. The file is only read, in
/// one snapshot (another terminal may keep working in it; what it writes after the snapshot is not
/// moved).
public enum ShopTransfer {
    /// Tables the server's triggers write while other tables are copied: the report's running
    /// totals (PostgresReportTallies), added to by every order, line and payment copied in. They
    /// are copied last, over what the triggers wrote, so the server has the file's figures, not a
    /// second count of the same orders. (A table some future trigger fills would show in the
    /// comparison as differing, and the move would be rolled back: never a silent double count.)
    static let keptByTriggers = ["report_tallies", "report_method_tallies"]

    /// Moves the shop in `path` to the server at `uri` (its schema: the connection's search path).
    /// Returns both sides' figures, which agree; throws TransferRefusal (or the server's or file's
    /// error) with nothing left on the server otherwise.
    public static func move(from path: String, to uri: String, now: Timestamp) throws -> TransferComparison {
        let file = try openFile(path)
        // Once: a move that collides with another session's work is told so, not run again silently
        // (it may take minutes).
        let server = try Postgres.Connection(uri: uri, maximumAttempts: 1)
        try ServerOpening.checkCollation(server)
        let context = ChangeContext(actor: "workshop migrate", command: "migrate", now: now)
        return try server.transaction(immediate: true) {
            try file.transaction(immediate: false) {
                try copyShop(file, to: server, context: context)
            }
        }
    }

    /// Inside the server's transaction and the file's snapshot: the whole move.
    static func copyShop(_ file: SQLite.Database, to server: Postgres.Connection, context: ChangeContext) throws -> TransferComparison {
        try PostgresMigrator.migrate(server, now: context.now)
        try refuseUnlessEmpty(server)
        let tables = try TransferTables.plan(file: file, server: server)
        // Workshop's writer mark, for the whole move: the watch triggers log nothing of it.
        let mark = try server.first("INSERT INTO writer_mark DEFAULT VALUES RETURNING id", []) { $0.int("id") } ?? 0
        let recorded = tables.filter { !keptByTriggers.contains($0.name) }
        for table in recorded { try copyRows(table, from: file, to: server) }
        for table in recorded where !table.deferred.isEmpty { try fillDeferred(table, from: file, to: server) }
        // Last, once nothing more fires the triggers: the totals as the file has them.
        for table in tables where keptByTriggers.contains(table.name) {
            try server.execute("DELETE FROM \(table.quotedName)")
            try copyRows(table, from: file, to: server)
        }
        for table in tables { try setSequences(table, server) }
        try server.run("DELETE FROM writer_mark WHERE id = ?", [.integer(Int64(mark))])
        let markLeft = (try file.scalar("SELECT count(*) FROM writer_mark", []) ?? 0) > 0
        let comparison = try TransferCheck.compare(tables, file: file, server: server, writerMarkLeftInFile: markLeft, context: context)
        guard comparison.agrees else { throw TransferRefusal.copyDiffers(comparison) }
        return comparison
    }

    // MARK: The file

    /// The file, opened for reading only: it must be a Workshop shop at this program's schema.
    /// Upgrading an older one is opening it (`workshop --db FILE`), a write this command never makes.
    static func openFile(_ path: String) throws -> SQLite.Database {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw TransferRefusal.noFile(path: path) }
            throw TransferRefusal.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG, hasSQLiteHeader(path) else { throw TransferRefusal.notAShop(path: path) }
        do {
            let file = try SQLite.Database(path: path, readOnly: true, immutable: DatabaseOpening.decide(path).immutable)
            file.setBusyTimeout(milliseconds: 5_000)
            let known = Schema.migrations.map(\.name)
            try file.transaction(immediate: false) {
                let found = try Migrator.state(file)
                if found.version == 0 && found.recorded == nil { throw TransferRefusal.notAShop(path: path) }
                try Migrator.validate(found, known: known, path: path)
                guard found.recorded != nil, found.version == known.count else {
                    throw TransferRefusal.schemaVersion(path: path, found: found.version, known: known.count)
                }
            }
            return file
        } catch let error as SQLiteError where !error.isBusy {
            throw TransferRefusal.unreadable(path: path, reason: error.message)
        }
    }

    /// Whether the file starts as every SQLite database does.
    static func hasSQLiteHeader(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let magic = Array("SQLite format 3\u{0}".utf8)
        var header = [UInt8](repeating: 0, count: magic.count)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, magic.count) }
        return count == magic.count && header == magic
    }

    // MARK: The server

    /// Refuses a schema holding any row (but its record of migrations): a shop is never merged
    /// into another, nor laid over one a move half made.
    static func refuseUnlessEmpty(_ server: Postgres.Connection) throws {
        var filled: [String] = []
        for table in try TransferTables.serverTables(server) where table != "schema_migrations" {
            if try server.first("SELECT EXISTS (SELECT 1 FROM \(TransferTables.quoted(table))) AS filled", [], { $0.bool("filled") }) == true {
                filled.append(table)
            }
        }
        guard filled.isEmpty else {
            let schema = try server.first("SELECT current_schema() AS name", []) { $0.string("name") } ?? "?"
            throw TransferRefusal.targetNotEmpty(schema: schema, tables: filled)
        }
    }

    /// One table's rows, streamed from the file into one COPY; deferred columns go in NULL.
    static func copyRows(_ table: TransferTable, from file: SQLite.Database, to server: Postgres.Connection) throws {
        let deferred = table.columns.map { table.deferred.contains($0) }
        try server.copy(into: table.name, columns: table.columns) { rows in
            try file.forEach("SELECT \(table.fileColumns.joined(separator: ", ")) FROM \(table.quotedName)", []) { row in
                for column in 0..<table.columns.count {
                    rows.field(deferred[column] ? .null : row.value(Int32(column)))
                }
                try rows.endRow()
            }
        }
    }

    /// The deferred references of a table, now that what they refer to is there: the file's values
    /// go into a temporary table by COPY, and one UPDATE sets them by key.
    static func fillDeferred(_ table: TransferTable, from file: SQLite.Database, to server: Postgres.Connection) throws {
        let later = "workshop_transfer_deferred"
        let columns = table.key + table.deferred
        let quotedColumns = columns.map(TransferTables.quoted)
        try server.execute("""
            CREATE TEMPORARY TABLE \(later) ON COMMIT DROP AS
            SELECT \(quotedColumns.joined(separator: ", ")) FROM \(table.quotedName) WITH NO DATA
            """)
        let fileColumns = columns.map { table.fileColumns[table.columns.firstIndex(of: $0)!] }
        let anySet = table.deferred.map { TransferTables.quoted($0) + " IS NOT NULL" }.joined(separator: " OR ")
        try server.copy(into: later, columns: columns) { rows in
            try file.forEach("SELECT \(fileColumns.joined(separator: ", ")) FROM \(table.quotedName) WHERE \(anySet)", []) { row in
                for column in 0..<columns.count { rows.field(row.value(Int32(column))) }
                try rows.endRow()
            }
        }
        let assignments = table.deferred.map { "\(TransferTables.quoted($0)) = d.\(TransferTables.quoted($0))" }.joined(separator: ", ")
        let matching = table.key.map { "t.\(TransferTables.quoted($0)) = d.\(TransferTables.quoted($0))" }.joined(separator: " AND ")
        try server.execute("UPDATE \(table.quotedName) AS t SET \(assignments) FROM \(later) AS d WHERE \(matching); DROP TABLE \(later)")
    }

    /// Each identity column's sequence set to the largest id copied, so the server's next row takes
    /// the next id, as SQLite's would. An empty table's sequence starts at 1, as it was.
    static func setSequences(_ table: TransferTable, _ server: Postgres.Connection) throws {
        for column in table.identity {
            let name = TransferTables.quoted(column)
            try server.execute("""
                SELECT setval(pg_get_serial_sequence('\(table.quotedName.replacingOccurrences(of: "'", with: "''"))', \
                '\(column.replacingOccurrences(of: "'", with: "''"))')::regclass, top)
                FROM (SELECT max(\(name)) AS top FROM \(table.quotedName)) AS copied WHERE top IS NOT NULL
                """)
        }
    }
}
