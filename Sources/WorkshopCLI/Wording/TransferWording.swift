import WorkshopModel

/// `workshop migrate`: why a shop was not moved, and both sides' figures once it was (or when the
/// copy came out different and was rolled back).
extension TransferRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        let unchanged = w("服务器未改动", "the server is unchanged")
        switch self {
        case .noFile(let path):
            return w("\(path) 不存在：--from 要写门店的数据库文件；\(unchanged)", "there is no file \(path): --from takes the shop's database file; \(unchanged)")
        case .notAShop(let path):
            return w("\(path) 不是 Workshop 门店的数据库文件：--from 要写门店的数据库文件（workshop --db 用的那个）；\(unchanged)",
                     "\(path) is not a Workshop shop's database file: --from takes the shop's database file (the one workshop --db opens); \(unchanged)")
        case .unreadable(let path, let reason):
            return w("无法读取 \(path)（\(w.sqlite(reason))）；\(unchanged)", "cannot read \(path) (\(reason)); \(unchanged)")
        case .schemaVersion(let path, let found, let known) where found < known:
            return w("\(path) 的结构版本是 \(found)，本程序是 \(known)：先用 workshop --db \(path) 打开一次（自动升级），再迁移；\(unchanged)",
                     "\(path) is at schema \(found) and this program at \(known): open it once with workshop --db \(path) (which upgrades it), then migrate; \(unchanged)")
        case .schemaVersion(let path, let found, let known):
            return w("\(path) 由更新版本的 Workshop 写入（结构版本 \(found)，本程序只认识到 \(known)）：请用新版本迁移；\(unchanged)",
                     "\(path) was written by a newer Workshop (schema \(found); this program knows \(known)): migrate it with that version; \(unchanged)")
        case .tableMissingOnServer(let table):
            return w("服务器上的结构没有表 \(table)，文件里却有：它的数据无处可放（服务器的结构落后于本程序？）；\(unchanged)",
                     "the server's schema has no table \(table), which the file has: its rows would have nowhere to go (is the server's schema behind this program?); \(unchanged)")
        case .columnsDiffer(let table, let file, let server):
            return w("表 \(table) 的列两边不同：文件里是 \(file.joined(separator: ", "))，服务器上是 \(server.joined(separator: ", "))；\(unchanged)",
                     "table \(table) has other columns on the server than in the file: \(file.joined(separator: ", ")) in the file, \(server.joined(separator: ", ")) on the server; \(unchanged)")
        case .targetNotEmpty(let schema, let tables):
            let listed = tables.prefix(8).joined(separator: ", ") + (tables.count > 8 ? " …" : "")
            return w("服务器上的库（结构 \(schema)）已有数据（\(listed)）：迁移只放进空库，从不合并两家门店；请换一个新建的空库（结构）；\(unchanged)",
                     "the server's schema \(schema) already holds data (\(listed)): a shop moves only into an empty one, never merged with another; give a new, empty database (schema); \(unchanged)")
        case .circularReferences(let tables):
            return w("服务器上这些表互相引用且引用列不能为空，无法确定复制顺序：\(tables.joined(separator: ", "))；\(unchanged)",
                     "these tables on the server refer to each other through columns that may not be empty, so no order of copying works: \(tables.joined(separator: ", ")); \(unchanged)")
        case .copyDiffers(let comparison):
            return w("服务器上的副本与文件不一致，已整体回滚，服务器上没有留下任何东西：\n",
                     "the copy on the server differs from the file: rolled back whole, nothing stays on the server:\n") + w.comparison(comparison)
        }
    }
}

extension Wording {
    /// A move that went through: where from and to, how much, how long, then both sides' figures.
    func moved(_ comparison: TransferComparison, from path: String, to uri: String, seconds: Double) -> String {
        let time = (seconds * 10).rounded() / 10
        return self("已将 \(path) 中的门店迁到 \(uri)：\(comparison.tables.count) 张表，\(comparison.rows) 行，用时 \(time) 秒；两边一致\n",
                    "moved the shop in \(path) to \(uri): \(comparison.tables.count) tables, \(comparison.rows) rows, in \(time) s; both sides agree\n")
            + self.comparison(comparison)
    }

    /// Both sides, line by line, each line that differs marked.
    func comparison(_ c: TransferComparison) -> String {
        let differs = self("  ≠ 不同", "  ≠ differs")
        let width = max(24, (c.tables.map(\.name.count) + c.sums.map { $0.table.count + $0.column.count + 1 }).max() ?? 0)
        func line(_ name: String, _ file: String, _ server: String, agrees: Bool) -> String {
            pad(name, width) + padLeft(file, 16) + padLeft(server, 16) + (agrees ? "" : differs) + "\n"
        }
        var text = line(self("表（行数）", "table (rows)"), self("文件", "file"), self("服务器", "server"), agrees: true)
        for table in c.tables {
            text += line(table.name, String(table.fileRows), String(table.serverRows), agrees: table.fileRows == table.serverRows)
            if table.fileRows == table.serverRows && !table.sameRows {
                text += self("  \(table.name)：行数相同，内容不同\n", "  \(table.name): as many rows, but not the same\n")
            }
        }
        if !c.sums.isEmpty {
            text += "\n" + line(self("金额合计", "money totals"), self("文件", "file"), self("服务器", "server"), agrees: true)
            for sum in c.sums {
                text += line("\(sum.table).\(sum.column)", Money(fen: sum.file).grouped, Money(fen: sum.server).grouped, agrees: sum.agrees)
            }
        }
        text += "\n" + journal(self("文件", "file"), c.fileJournal)
        text += journal(self("服务器", "server"), c.serverJournal)
        if c.fileJournal != c.serverJournal { text += self("  ≠ 日志两边不同\n", "  ≠ the journals differ\n") }
        if c.writerMarkLeftInFile {
            text += self("注意：文件里留有一个写入标记（verify 会指出）；它未被迁移，服务器上的篡改监视照常记录\n",
                         "note: the file holds a writer mark someone left set (verify names it); it was not moved, and the server's tamper watch stays on\n")
        }
        return text
    }

    /// One side's journal: entries, last entry and hash, and what walking the chain again found.
    private func journal(_ side: String, _ j: TransferComparison.Journal) -> String {
        var text = self("日志（\(side)）：\(j.entries) 条，最后一条 #\(j.lastEntry)，哈希 \(j.lastHash)；",
                        "journal (\(side)): \(j.entries) entries, last #\(j.lastEntry), hash \(j.lastHash); ")
        if j.chainFindings.isEmpty { return text + self("重新验算哈希链：完好\n", "hash chain walked again: intact\n") }
        text += self("重新验算哈希链发现 \(j.chainFindings.count) 处（原样迁来，两边相同；详见 verify）：\n",
                     "hash chain walked again: \(j.chainFindings.count) finding\(j.chainFindings.count == 1 ? "" : "s") (carried over as they are; see verify):\n")
        return text + j.chainFindings.map { "  - " + problem($0) + "\n" }.joined()
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - displayWidth(text)))
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(1, width - displayWidth(text))) + text
    }

    /// Columns a terminal gives the text: two for a CJK character, one for the rest.
    private func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.properties.isIdeographic || (0xFF00...0xFFEF).contains($1.value) ? 2 : 1) }
    }
}
