/// A shop moved from a SQLite file to a PostgreSQL server (`workshop migrate`), both sides read
/// back inside the move's transaction: what a person checks before trusting the server with the
/// shop. The move commits only when every figure agrees (`agrees`).
public struct TransferComparison: Sendable, Equatable {
    /// One table: its rows on each side, and whether the rows themselves are the same (every
    /// column of every row, compared by a digest of the whole table on each side).
    public struct Table: Sendable, Equatable {
        public var name: String
        public var fileRows: Int
        public var serverRows: Int
        public var sameRows: Bool

        public init(name: String, fileRows: Int, serverRows: Int, sameRows: Bool) {
            self.name = name
            self.fileRows = fileRows
            self.serverRows = serverRows
            self.sameRows = sameRows
        }

        public var agrees: Bool { fileRows == serverRows && sameRows }
    }

    /// The sum of one money column (in fen) on each side.
    public struct Sum: Sendable, Equatable {
        public var table: String
        public var column: String
        public var file: Int
        public var server: Int

        public init(table: String, column: String, file: Int, server: Int) {
            self.table = table
            self.column = column
            self.file = file
            self.server = server
        }

        public var agrees: Bool { file == server }
    }

    /// The journal on one side: its last entry and hash, how many entries it has, and what walking
    /// its hash chain found (nothing, for an intact chain).
    public struct Journal: Sendable, Equatable {
        public var entries: Int
        public var lastEntry: Int
        public var lastHash: String
        public var chainFindings: [RecordProblem]

        public init(entries: Int, lastEntry: Int, lastHash: String, chainFindings: [RecordProblem]) {
            self.entries = entries
            self.lastEntry = lastEntry
            self.lastHash = lastHash
            self.chainFindings = chainFindings
        }
    }

    public var tables: [Table]
    public var sums: [Sum]
    public var fileJournal: Journal
    public var serverJournal: Journal
    /// The file holds a writer mark someone left set (`verify` names it there): bookkeeping, not
    /// carried over, so the server's tamper watch stays on.
    public var writerMarkLeftInFile: Bool

    public init(tables: [Table], sums: [Sum], fileJournal: Journal, serverJournal: Journal, writerMarkLeftInFile: Bool) {
        self.tables = tables
        self.sums = sums
        self.fileJournal = fileJournal
        self.serverJournal = serverJournal
        self.writerMarkLeftInFile = writerMarkLeftInFile
    }

    public var agrees: Bool {
        tables.allSatisfy(\.agrees) && sums.allSatisfy(\.agrees) && fileJournal == serverJournal
    }

    /// Every row of every table moved.
    public var rows: Int { tables.reduce(0) { $0 + $1.fileRows } }
}
