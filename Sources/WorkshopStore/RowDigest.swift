import Security
import SQLite

/// The digest of one row as Workshop last wrote it: SHA-256 over the table's name, the row's key and
/// every column in the table's order up to its last non-NULL one (so a column a later migration adds,
/// NULL in older rows, leaves their digests alone), each in canonical form (CanonicalBytes), cut to 16 bytes and
/// written as 32 hexadecimal digits (readable with the sqlite3 tool, and exported as it is). 128
/// bits leave no room to find another row with the same digest, and keep each seal small.
///
/// The same digest is computed two ways that must agree byte for byte: in SQL, by the function
/// `workshop_row_digest(table, key, column…)` this connection defines (to seal a row as it is, or
/// to check it), and in Swift from the values SQLite's pre-update hook shows (a row as Workshop found
/// it before changing it). On PostgreSQL both are one SQL expression of the server's own functions
/// (PostgresRowDigest): the row as it is, and as it was, from the copy a trigger kept
/// (PostgresTouchedRows).
enum RowDigest {
    static let function = "workshop_row_digest"
    static let length = 16

    static func digest(of canonicalBytes: [UInt8]) -> String {
        Digest.hex(Digest.sha256(canonicalBytes).prefix(length))
    }

    /// Defines the SQL function on this connection (only Workshop's connections have it), with a
    /// hash stream of its own: verify calls it once for every row of the shop. Nothing on a server,
    /// where the digest is an expression (PostgresRowDigest).
    static func register(on db: ShopDatabase) throws {
        guard let db = db.sqlite else { return }
        let stream = SHA256Stream()
        try db.defineTextFunction(overCanonicalBytes: function) { input, output in
            stream.appendHexDigest(of: input, length: length, to: &output)
        }
    }

    /// The row as it was before `change` (an update or a delete), digested.
    static func old(_ change: RowChange, in shape: TableShape, key: RowKey) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        CanonicalBytes.append(.text(shape.name), to: &bytes)
        CanonicalBytes.append(key.value, to: &bytes)
        // Trailing NULL columns are left out, as in the SQL function: a column a later migration
        // adds does not change the digest of a row written before it.
        var end = shape.columns.count
        while end > 0 && change.isOldNull(end - 1) { end -= 1 }
        for column in 0..<end { change.appendOld(column, to: &bytes) }
        return digest(of: bytes)
    }
}
