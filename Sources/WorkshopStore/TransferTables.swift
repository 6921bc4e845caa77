import Postgres
import SQLite
import WorkshopModel

/// One table as `workshop migrate` copies it: the server's columns, what the file gives for each,
/// and what the copy must take care of.
struct TransferTable {
    let name: String
    /// The server's columns, as the COPY names them.
    let columns: [String]
    /// The file's expression for each column: the column itself, or `rowid` for the column
    /// PostgreSQL has where SQLite keys a table by its hidden rowid (PostgresMigrations).
    let fileColumns: [String]
    /// Whether the server keeps each column as text: a number SQLite holds there (a seal's rowid
    /// key) arrives as its decimal text, and is compared so.
    let isText: [Bool]
    /// The server's primary key.
    let key: [String]
    /// The columns the server fills from a sequence (identity): set past the copied ids after.
    let identity: [String]
    /// References that go round in a circle (orders ↔ appointments): copied NULL first, then set
    /// once the table they refer to is there (TransferTables.order).
    var deferred: [String] = []

    var quotedName: String { TransferTables.quoted(name) }
}

/// Which tables move, with which columns, in which order: read from both schemas, never listed
/// here, so a table added later is copied too — or, missing on the server, refused.
enum TransferTables {
    /// Tables each side keeps for itself: the record of its own migrations, and the writer mark
    /// (set and removed inside a write; one left set is not carried over: ShopTransfer).
    static let notCopied = Store.bookkeepingTables

    /// Every table of the file, matched with the server's, in an order its foreign keys allow.
    static func plan(file: SQLite.Database, server: Postgres.Connection) throws -> [TransferTable] {
        let serverColumns = try columnsOnServer(server)
        let keys = try primaryKeys(server)
        var tables: [TransferTable] = []
        for name in try fileTables(file) {
            guard let onServer = serverColumns[name] else { throw TransferRefusal.tableMissingOnServer(table: name) }
            let inFile = try file.rows("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(name)]) { $0.string("name") }
            let keyedByRowid = try file.scalar("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?", [.text(name)]) == 0
            // The server may have one column more: the rowid SQLite keeps hidden (PostgresMigrations).
            let hidden = PostgresMigrations.hiddenRowIDColumn
            let extra = onServer.map(\.name).filter { !inFile.contains($0) }
            guard Set(onServer.map(\.name)).isSuperset(of: inFile),
                  extra.isEmpty || (extra == [hidden] && keyedByRowid) else {
                throw TransferRefusal.columnsDiffer(table: name, file: inFile, server: onServer.map(\.name))
            }
            tables.append(TransferTable(
                name: name, columns: onServer.map(\.name),
                fileColumns: onServer.map { inFile.contains($0.name) ? quoted($0.name) : "rowid" },
                isText: onServer.map(\.isText), key: keys[name] ?? [],
                identity: onServer.filter(\.isIdentity).map(\.name)))
        }
        return try order(tables, references: references(server))
    }

    /// The file's tables: all but SQLite's own and the bookkeeping.
    static func fileTables(_ file: SQLite.Database) throws -> [String] {
        try file.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", []) {
            $0.string("name")
        }.filter { !notCopied.contains($0) }
    }

    /// The tables of the server's schema (the connection's current one).
    static func serverTables(_ server: Postgres.Connection) throws -> [String] {
        try server.rows("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename", []) {
            $0.string("tablename")
        }
    }

    struct ServerColumn {
        let name: String
        let isText: Bool
        let isIdentity: Bool
        let isNullable: Bool
    }

    static func columnsOnServer(_ server: Postgres.Connection) throws -> [String: [ServerColumn]] {
        var columns: [String: [ServerColumn]] = [:]
        try server.forEach("""
            SELECT table_name, column_name, data_type, is_identity, is_nullable FROM information_schema.columns
            WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
            """, []) { row in
            columns[row.string("table_name"), default: []].append(ServerColumn(
                name: row.string("column_name"), isText: ["text", "character varying", "character"].contains(row.string("data_type")),
                isIdentity: row.string("is_identity") == "YES", isNullable: row.string("is_nullable") == "YES"))
        }
        return columns
    }

    static func primaryKeys(_ server: Postgres.Connection) throws -> [String: [String]] {
        var keys: [String: [String]] = [:]
        try server.forEach("""
            SELECT t.relname AS tbl, a.attname AS col
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE i.indisprimary AND n.nspname = current_schema()
            ORDER BY t.relname, k.position
            """, []) { row in
            keys[row.string("tbl"), default: []].append(row.string("col"))
        }
        return keys
    }

    /// A foreign key's column: `table.column` refers to `target`, and may or may not be NULL.
    struct Reference {
        let table: String
        let column: String
        let target: String
        let isNullable: Bool
    }

    static func references(_ server: Postgres.Connection) throws -> [Reference] {
        try server.rows("""
            SELECT t.relname AS tbl, a.attname AS col, r.relname AS target, NOT a.attnotnull AS nullable
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(c.conkey) AS k(attnum)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE c.contype = 'f' AND n.nspname = current_schema()
            ORDER BY t.relname, a.attname
            """, []) {
            Reference(table: $0.string("tbl"), column: $0.string("col"), target: $0.string("target"), isNullable: $0.bool("nullable"))
        }
    }

    /// The tables in an order where every row's references are there before it: a table after the
    /// tables it refers to (by name among those ready, so the order is always the same). A table
    /// referring to itself needs nothing: a COPY checks its keys when it ends. Where references go
    /// round in a circle, the first table of the circle whose references to the others may be NULL
    /// goes first with those columns deferred: copied NULL, set once the rest is in.
    static func order(_ tables: [TransferTable], references: [Reference]) throws -> [TransferTable] {
        var waiting = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        let copied = Set(tables.map(\.name))
        var placed: [TransferTable] = []
        var done: Set<String> = []
        func outstanding(_ table: String) -> [Reference] {
            references.filter { $0.table == table && $0.target != table && copied.contains($0.target) && !done.contains($0.target) }
        }
        while !waiting.isEmpty {
            if let ready = waiting.keys.sorted().first(where: { outstanding($0).isEmpty }) {
                placed.append(waiting.removeValue(forKey: ready)!)
                done.insert(ready)
                continue
            }
            // Its deferred columns are set later by its key: a table without one cannot go first.
            guard let breaker = waiting.keys.sorted().first(where: { !waiting[$0]!.key.isEmpty && outstanding($0).allSatisfy(\.isNullable) }) else {
                throw TransferRefusal.circularReferences(tables: waiting.keys.sorted())
            }
            var table = waiting.removeValue(forKey: breaker)!
            table.deferred = Array(Set(outstanding(breaker).map(\.column))).sorted()
            placed.append(table)
            done.insert(breaker)
        }
        return placed
    }

    /// A name as an SQL identifier (the same on both databases).
    static func quoted(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
