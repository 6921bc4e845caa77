import CSQLite3

/// Checkpoints taken out of commands: SQLite's automatic checkpoint (every 1,000 pages by default)
/// runs inside the commit that crosses the mark, so one command in ~100 paid for copying the whole
/// log into the database file. With `takeCheckpointsOutOfCommits()` no commit checkpoints; the
/// owner calls `checkpoint()` at moments nobody waits for (after a command's output, at exit) and
/// reads `framesInLog` to keep the log bounded.
///
/// Durability is unchanged: a commit is durable once its frames are synced to the log (FULL syncs
/// the log at every commit); a checkpoint only moves committed pages into the database file and
/// syncs it before the log is reused.
final class WriteAheadLogState {
    /// The frames in the log after this connection's last commit (SQLite's WAL hook), or after
    /// the last checkpoint that copied them all: 0.
    var framesInLog = 0
}

extension Database {
    /// Stops SQLite from checkpointing inside commits on this connection, and counts the log's
    /// frames after each commit instead (`framesInLog`). Installing a WAL hook replaces the
    /// automatic checkpoint (which is itself a WAL hook); `wal_autocheckpoint = 0` says so plainly.
    public func takeCheckpointsOutOfCommits() throws {
        try execute("PRAGMA wal_autocheckpoint = 0")
        let context = Unmanaged.passUnretained(walState).toOpaque()
        _ = sqlite3_wal_hook(handle, { context, _, _, frames in
            guard let context else { return SQLITE_OK }
            Unmanaged<WriteAheadLogState>.fromOpaque(context).takeUnretainedValue().framesInLog = Int(frames)
            return SQLITE_OK
        }, context)
    }

    /// The frames in the write-ahead log that a checkpoint of this connection has not yet copied
    /// into the database file, as of this connection's last commit or checkpoint.
    public var framesInLog: Int { walState.framesInLog }

    /// A PASSIVE checkpoint: copies what it can of the log into the database file without waiting
    /// for any lock and without disturbing readers or writers of other connections. Never inside
    /// a transaction. Returns the log's frames and how many of them are now in the database file.
    @discardableResult
    public func checkpoint() -> (logFrames: Int, checkpointed: Int) {
        guard !isInTransaction else { return (walState.framesInLog, 0) }
        var log: Int32 = 0
        var done: Int32 = 0
        let rc = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &log, &done)
        guard rc == SQLITE_OK else { return (walState.framesInLog, 0) }
        // Everything copied: the next writer starts the log again from its beginning.
        if log >= 0 && done >= log { walState.framesInLog = 0 } else if log > 0 { walState.framesInLog = Int(log) }
        return (Int(log), Int(done))
    }
}
