// swift-tools-version:6.0
import PackageDescription

// Workshop: the front desk, workshop floor and cash desk of a car-repair shop.
// No third-party Swift packages: Foundation, the toolchain's testing libraries, and
// C system libraries (SQLite, libharu, HarfBuzz, libedit) behind thin adapter modules.
let package = Package(
    name: "Workshop",
    products: [
        .executable(name: "workshop", targets: ["workshop"]),
    ],
    targets: [
        // C system libraries. Only the adapter modules import these.
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CHaru", providers: [.apt(["libhpdf-dev"])]),
        // hb-subset: each PDF embeds only the glyphs it draws.
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz-subset", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CEditLine", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CCrypt", providers: [.apt(["libcrypt-dev"])]),
        // libcrypto, loaded when the first digest is made (shim.h), not linked.
        .systemLibrary(name: "COpenSSL", providers: [.apt(["libssl-dev"])]),
        // HTTP(S) for the national repair record's uploads: libcurl is loaded when the first request
        // is made (shim.h), not linked, so that it costs nothing at start-up.
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // libpq: the PostgreSQL client, for several desks and shops on one server.
        // libpq's declarations, and forwarders that load libpq.so.5 at the first connection to a
        // server (Debian libpq-dev for the headers, libpq5 at run time): not linked, so a shop on a
        // SQLite file does not load it and its dependencies at every start.
        .target(name: "CLibPQ", linkerSettings: [.linkedLibrary("dl")]),

        // What the store asks of a database connection, and the values it binds and reads; both
        // adapters conform, so the store can run on either.
        .target(name: "SQLInterface"),

        // Adapters.
        .target(name: "SQLite", dependencies: ["CSQLite3", "SQLInterface"]),
        .target(name: "Postgres", dependencies: ["CLibPQ", "SQLInterface"]),
        .target(name: "HaruPDF", dependencies: ["CHaru", "CHarfBuzz", "DocumentModel", "SafeFiles"]),
        .target(name: "LineEditor", dependencies: ["CEditLine"]),
        .target(name: "HTTPClient", dependencies: ["CCurl"]),
        // PIN hashing (libxcrypt) and SHA-256 (OpenSSL) for accounts and the journal's hash chain.
        .target(name: "Security", dependencies: ["CCrypt", "COpenSSL"]),

        // Writing files safely: a temporary name in the target's folder, synced, renamed into place;
        // never through a symbolic link or over a hard-linked file; paths that never trap.
        .target(name: "SafeFiles"),

        // The domain: value types and rules, no I/O.
        .target(name: "WorkshopModel"),
        // The national repair record (汽车维修电子健康档案): the record, its checks, each platform's
        // style of request and answer, and when to retry. No I/O.
        .target(name: "NationalRecord", dependencies: ["WorkshopModel"]),
        // Sending the outbox's records: outside any transaction, each attempt recorded.
        .target(name: "HealthRecordUpload", dependencies: ["WorkshopStore", "NationalRecord", "HTTPClient", "WorkshopModel"]),
        // Printed documents: one model, rendered as HTML (templates) and as PDF (libharu).
        .target(name: "DocumentModel"),
        .target(name: "Templating"),
        .target(name: "JobCards", dependencies: ["WorkshopModel", "DocumentModel", "Templating"]),
        // Schema, migrations, repositories and the journal.
        .target(name: "WorkshopStore", dependencies: ["WorkshopModel", "NationalRecord", "SQLInterface", "SQLite", "Postgres", "Security", "SafeFiles"]),
        // Tokenizer, commands, session, help and the REPL loop.
        .target(name: "WorkshopCLI", dependencies: ["WorkshopModel", "WorkshopStore", "NationalRecord", "HTTPClient", "HealthRecordUpload", "SQLite", "Postgres", "JobCards", "DocumentModel", "Templating", "HaruPDF", "Security", "SafeFiles"]),

        .executableTarget(name: "workshop", dependencies: ["WorkshopCLI", "WorkshopModel", "LineEditor"]),
        // `make fuzz` only: built with -sanitize=fuzzer, libFuzzer supplies main.
        .executableTarget(name: "workshop-fuzz", dependencies: ["WorkshopCLI"],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "workshop-bench", dependencies: ["WorkshopCLI", "WorkshopModel", "WorkshopStore", "SQLite", "Postgres", "DocumentModel", "JobCards", "HaruPDF"]),

        .testTarget(name: "WorkshopModelTests", dependencies: ["WorkshopModel"]),
        .testTarget(name: "SafeFilesTests", dependencies: ["SafeFiles"]),
        // A national-record platform on 127.0.0.1 that tests start, fail and read.
        .target(name: "FakePlatform", path: "Tests/FakePlatform"),
        .testTarget(name: "NationalRecordTests", dependencies: ["NationalRecord", "WorkshopModel", "HTTPClient", "FakePlatform"]),
        .testTarget(name: "DocumentTests", dependencies: ["Templating", "DocumentModel", "HaruPDF", "JobCards", "WorkshopModel", "SafeFiles"],
                    exclude: ["Snapshots"]),
        // Transcripts/ holds scripts and their reviewed output; the tests find it by source path.
        // Postgres: the commands' statements are also prepared on a server (PortableSQLTests).
        .testTarget(name: "WorkshopCLITests", dependencies: ["WorkshopCLI", "WorkshopModel", "WorkshopStore", "SQLite", "Postgres", "Security",
                                                             "SafeFiles", "FakePlatform"],
                    exclude: ["Transcripts"]),
        // The store on its own: migrations (on the databases in Tests/Fixtures/schema), refusals, export.
        // The contract both connections keep, run on SQLite and (when a server is given, see
        // scripts/test.sh) on PostgreSQL; and what only PostgreSQL needs: retries, refusals. Also the
        // shop's schema on PostgreSQL against SQLite's: the same tables, triggers and effects, and
        // the application role's limits.
        .testTarget(name: "SQLConnectionTests", dependencies: ["SQLInterface", "SQLite", "Postgres", "WorkshopStore", "WorkshopModel", "SafeFiles"]),
        .testTarget(name: "WorkshopStoreTests", dependencies: ["WorkshopStore", "WorkshopModel", "SQLite", "SafeFiles", "Security"]),
    ]
)
