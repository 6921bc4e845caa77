import WorkshopModel

extension Store {
    /// On a server, the counterpart of SQLite's `foreign_key_check`: every foreign key of the shop's
    /// schema, checked for rows whose parent is missing. The server enforces them as rows are
    /// written, but its owner can write past them (`session_replication_role = replica`, or the
    /// constraint's triggers disabled), and nothing on the server would say so afterwards. Each
    /// key is one anti-join on the parent's key (an index); at most `Store.listedPerKind` rows a key.
    func serverForeignKeyProblems() throws -> [RecordProblem] {
        guard db.isPostgres else { return [] }
        // The single-column keys (all of Workshop's), with the child's primary key when it is one
        // integer column: the row named in the finding.
        let keys = try db.rows("""
            SELECT c.conrelid::regclass::text AS child, quote_ident(a.attname) AS col,
                   c.confrelid::regclass::text AS parent, quote_ident(pa.attname) AS parent_col,
                   (SELECT quote_ident(k.attname) FROM pg_index i
                      JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = i.indkey[0]
                    WHERE i.indrelid = c.conrelid AND i.indisprimary AND i.indnatts = 1
                      AND k.atttypid IN ('int8'::regtype, 'int4'::regtype)) AS child_key
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
              AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
            ORDER BY 1, 2
            """) { row in
            (child: row.string("child"), column: row.string("col"), parent: row.string("parent"),
             parentColumn: row.string("parent_col"), key: row.optionalString("child_key"))
        }
        var problems: [RecordProblem] = []
        for key in keys {
            problems += try db.rows("""
                SELECT \(key.key.map { "ch." + $0 } ?? "0") AS row_key FROM \(key.child) AS ch
                WHERE ch.\(key.column) IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM \(key.parent) AS p WHERE p.\(key.parentColumn) = ch.\(key.column))
                ORDER BY 1 LIMIT \(Store.listedPerKind)
                """) { RecordProblem.foreignKey(table: key.child, row: $0.int("row_key"), parent: key.parent) }
        }
        return problems
    }
}
