import SQLite

/// RowDigest on a PostgreSQL server: the same digest of a row, as an SQL expression of the server's
/// own functions, so that a row digests to the same 32 hexadecimal digits on SQLite and on
/// PostgreSQL and a shop moved from one to the other verifies on both.
///
/// Computed by the server rather than in Swift from rows read back: `verify` digests every row of
/// the shop, and only each row's key and digest then cross the network. Built from the server's
/// functions only (nothing the shop's schema defines), so no one can change what it computes by
/// replacing a function.
///
/// The bytes are CanonicalBytes', written with the server's binary send functions, which are
/// big-endian as CanonicalBytes is:
///
///     NULL     0x00
///     integer  0x01, int8send
///     real     0x02, float8send
///     text     0x03, int4send(length in UTF-8 bytes), the UTF-8 bytes
///     bytea    0x04, int4send(length), the bytes
///
/// over the table's name, the row's key and every column up to its last non-NULL one (the rule
/// RowDigest keeps, so that a column a later migration adds leaves older rows' digests alone);
/// SHA-256 (`sha256`, PostgreSQL 11 on), its first 16 bytes in lowercase hexadecimal.
enum PostgresRowDigest {
    /// One column of a table on the server, as its digest needs it.
    struct Column: Sendable {
        enum Kind: Sendable { case integer, real, text, blob, boolean }

        let name: String
        let kind: Kind
        /// NOT NULL: never one of a row's trailing NULLs (keeps the expression short).
        let notNull: Bool

        /// `type`: the column's type as `format_type` names it.
        init(name: String, type: String, notNull: Bool) {
            self.name = name
            self.notNull = notNull
            switch type {
            case "bigint", "integer", "smallint": kind = .integer
            case "double precision", "real": kind = .real
            case "bytea": kind = .blob
            case "boolean": kind = .boolean
            // Text, and whatever else, as its text: the shop's schema has only bigint and text.
            default: kind = .text
            }
        }
    }

    /// The digest of row `t`: `key` is the SQL of its key (an integer for a rowid table, else text),
    /// `columns` each column with the SQL that reads it.
    static func expression(table: String, key: String, keyIsInteger: Bool, columns: [(Column, String)]) -> String {
        var name: [UInt8] = []
        CanonicalBytes.append(.text(table), to: &name)
        var parts = [literal(name), nullable(canonical(key, keyIsInteger ? .integer : .text), orElse: literal([0]))]
        for (index, (column, sql)) in columns.enumerated() {
            let later = columns[(index + 1)...]
            // A NULL is written as 0x00 only when some later column is not NULL (trailing NULLs are
            // left out). A NOT NULL column after it settles that without looking.
            let null: String
            if later.isEmpty {
                null = "''::bytea"
            } else if later.contains(where: { $0.0.notNull }) {
                null = literal([0])
            } else {
                null = "CASE WHEN num_nonnulls(\(later.map { $0.1 }.joined(separator: ", "))) > 0 THEN \(literal([0])) ELSE ''::bytea END"
            }
            // Even a NOT NULL column is guarded: a NULL must never make the whole digest NULL,
            // which a seal reads as "no row".
            parts.append(nullable(canonical(sql, column.kind), orElse: null))
        }
        return "encode(substr(sha256(" + parts.joined(separator: "\n        || ") + "), 1, \(RowDigest.length)), 'hex')"
    }

    /// A value's canonical bytes: NULL when the value is.
    static func canonical(_ value: String, _ kind: Column.Kind) -> String {
        switch kind {
        case .integer: return "\(literal([1])) || int8send(CAST(\(value) AS bigint))"
        case .boolean: return "\(literal([1])) || int8send(CAST(CAST(\(value) AS integer) AS bigint))"
        case .real: return "\(literal([2])) || float8send(CAST(\(value) AS double precision))"
        case .blob: return "\(literal([4])) || int4send(octet_length(\(value))) || \(value)"
        case .text:
            // convert_to gives the UTF-8 bytes whatever the database's encoding.
            let bytes = "convert_to(CAST(\(value) AS text), 'UTF8')"
            return "\(literal([3])) || int4send(octet_length(\(bytes))) || \(bytes)"
        }
    }

    private static func nullable(_ bytes: String, orElse null: String) -> String {
        "coalesce(\(bytes), \(null))"
    }

    /// Bytes as a bytea literal (decode: whatever standard_conforming_strings says).
    static func literal(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return "decode('" + String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }) + "', 'hex')"
    }
}
