import WorkshopModel
import WorkshopStore

/// Something named that is not on file: what was looked for, and where to find what there is.
extension LookupRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .noOrder(let order):
            return w("没有维修单 \(order)：ro list 列出在修的单", "no order \(order): ro list shows the open ones")
        case .noOpenOrder(let plate, let last?):
            return w("\(plate) 没有在修的维修单（最近一张是 \(last)）：请先接车，或用单号指明维修单",
                     "\(plate) has no open order (its last was \(last)): check it in first, or name the order by number")
        case .noOpenOrder(let plate, nil):
            return w("\(plate) 没有在修的维修单：请先接车（checkin \(plate) odometer=… fuel=… complaint=\"…\"）",
                     "\(plate) has no open order: check it in first (checkin \(plate) odometer=… fuel=… complaint=\"…\")")
        case .noVehicle(let given, let plate, let similar):
            if !similar.isEmpty {
                return w("没有车牌或 VIN 为 \(given) 的车辆；是不是 \(w.either(similar))？",
                         "no vehicle with plate or VIN \(given); did you mean \(w.either(similar))?")
            }
            // A word that can be no plate (a keyword typed out of place: damage remove RO1 1) is not
            // offered to be filed as a car.
            guard (try? Plate(given)) != nil || VIN.normalize(given).count == 17 else {
                return w("“\(given)”不是车牌、VIN 或单号（如 RO12）：请检查命令的写法（help 命令名）",
                         "'\(given)' is not a plate, a VIN or an order number (RO12): check how the command is written (help COMMAND)")
            }
            return w("没有车牌或 VIN 为 \(given) 的车辆：用 vehicle add \(plate) vin=… owner=客户 建档",
                     "no vehicle with plate or VIN \(given): add it with vehicle add \(plate) vin=… owner=CUSTOMER")
        case .noCustomer(let reference):
            return w("没有客户 \(reference)：customer find 姓名 或 customer list 可查",
                     "no customer \(reference): customer find NAME or customer list shows who there is")
        case .noCustomerWithPhone(let phone):
            return w("没有电话为 \(phone) 的客户：用 customer add 姓名 phone=\(phone) 新建",
                     "no customer with phone \(phone): add one with customer add NAME phone=\(phone)")
        case .notACustomerReference(let given):
            return w("\(given) 既不是客户编号（如 C12），也不是电话号码", "\(given) is neither a customer id (C12) nor a phone number")
        case .noAppointment(let given):
            return w("没有预约 \(given)：appointment list 列出预约", "no appointment \(given): appointment list shows the bookings")
        case .noBelonging(let item, let order):
            return w("\(order) 的随车物品清单上没有\(item)：belongings \(order) list 可查",
                     "\(item) is not on \(order)'s belongings checklist: belongings \(order) list shows what is")
        case .noChecklistItem(let stage, let code):
            return w("\(stage.chinese)检查表中没有项目 \(code)", "the \(stage.english) checklist has no item \(code)")
        }
    }
}

/// What would be entered is already on file.
extension ConflictRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .plateOnFile(let plate):
            return w("车牌 \(plate) 已建档（vehicle show \(plate)）；如要更换车主：vehicle set \(plate) owner=…",
                     "plate \(plate) is already on file (vehicle show \(plate)); to change its owner: vehicle set \(plate) owner=…")
        case .plateOfAnotherVehicle(let plate):
            return w("车牌 \(plate) 已属于另一辆车", "plate \(plate) is already on file for another vehicle")
        case .vinOnFile(let vin, let plate):
            return w("VIN \(vin) 已在车牌 \(plate) 名下建档：换了车牌的车沿用原档案，用 vehicle set \(plate) plate=… 改车牌",
                     "VIN \(vin) is already on file under plate \(plate): a re-plated car keeps its file; change the plate with vehicle set \(plate) plate=…")
        case .vinOfAnotherVehicle(let vin, let plate):
            return w("VIN \(vin) 已在车牌 \(plate) 名下建档", "VIN \(vin) is already on file under plate \(plate)")
        case .phoneOnFile(let phone, let customer, let name):
            return w("电话 \(phone) 已属于 \(customer) \(name)：请用这位客户（customer show \(customer)）",
                     "phone \(phone) already belongs to \(customer) \(name): use that customer (customer show \(customer))")
        case .phoneOfAnotherCustomer(let phone, let customer, let name):
            return w("电话 \(phone) 已属于 \(customer) \(name)", "phone \(phone) already belongs to \(customer) \(name)")
        case .keyTagInUse(let tag, let order):
            return w("钥匙牌 \(tag) 上挂着 \(order) 的钥匙：请换一个空钥匙位", "key tag \(tag) already holds the key of \(order): use a free hook")
        }
    }
}

/// Someone named for a job is not on the staff, or not in the role it needs.
extension StaffRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .notOnStaff(let name, let role, let holders):
            return w("\(name) 不在员工名单上；\(role.chinese)：\(holders.isEmpty ? "尚无（staff add 姓名 role=\(role.code)）" : w.list(holders))",
                     "\(name) is not on the staff list; \(role.english)s: \(holders.isEmpty ? "none yet (staff add NAME role=\(role.code))" : w.list(holders))")
        case .lacksRole(let name, let roles, let needed, let also, let holders):
            let zh = ([needed] + also).map(\.chinese).joined(separator: "或"), en = ([needed] + also).map(\.english).joined(separator: " or ")
            let enPlural = ([needed] + also).map { $0.english + "s" }.joined(separator: " and ")
            return w("\(name) 是\(roles.map(\.chinese).joined(separator: "、"))，不是\(zh)；\(zh)：\(holders.isEmpty ? "无" : w.list(holders))",
                     "\(name) is \(roles.map(\.english).joined(separator: ", ")), not a \(en) (\(zh)); \(enPlural): \(holders.isEmpty ? "none" : w.list(holders))")
        }
    }
}

/// The shelf cannot give what is asked.
extension StockRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .notEnoughOnHand(let partNumber, let name, let onHand, let unit, let wanted):
            return w("\(partNumber) \(name)：在库只有 \(onHand) \(unit)，取不出 \(wanted)",
                     "\(partNumber) \(name): only \(onHand) \(unit) on hand, cannot take \(wanted)")
        }
    }
}

/// The database itself says no; nothing was changed.
extension StoreRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .unreadable(let reason):
            return w("SQLite 无法读取它（\(w.sqlite(reason))）", "SQLite cannot read it (\(reason))")
        case .notAWorkshopDatabase(let path):
            return w("\(path) 不是 Workshop 的数据库（里面是别的程序的表）：请指定门店的数据库文件",
                     "\(path) is not a Workshop database (it holds another program's tables): name the shop's database file")
        case .newerSchema(let found, let known):
            return w("此数据库由更新版本的 Workshop 写入（结构版本 \(found)，本程序只认识到 \(known)）：请先升级 Workshop 再打开",
                     "this database was written by a newer Workshop (schema \(found); this program knows \(known)): update Workshop before opening it")
        case .foreignMigrations(let recorded, let known):
            let index = zip(recorded, known).prefix { $0 == $1 }.count
            let theirs = index < recorded.count ? recorded[index] : "—"
            let ours = index < known.count ? known[index] : "—"
            return w("此数据库的结构迁移与本程序的不同：第 \(index + 1) 项数据库里是 \(theirs)，本程序是 \(ours)。它出自另一版本的 Workshop，请用那个版本打开",
                     "this database's migrations differ from this Workshop's: number \(index + 1) is \(theirs) there and \(ours) here. It was made by another build of Workshop: open it with that one")
        case .migrationRecordDisagrees(let recorded, let version):
            return w("数据库记录了 \(recorded) 项结构迁移，结构版本却是 \(version)：它在 Workshop 之外被改动过，请恢复备份",
                     "the database records \(recorded) migrations but its schema version is \(version): it was changed outside Workshop; restore a backup")
        case .unknownCode(let table, let row, let column, let value):
            return w("数据库里有 Workshop 不认识的值：\(table) 表 \(row) 的 \(column) 是“\(value)”（在 Workshop 之外被改动过，或由更新版本写入）；请更正或恢复备份",
                     "the database holds a value Workshop does not know: \(table) \(row), \(column) = \"\(value)\" (changed outside Workshop, or written by a newer version); correct it or restore a backup")
        case .orderWithoutVehicleOrCustomer(let order):
            return w("\(order) 的车辆或客户在数据库中不存在", "\(order) refers to a vehicle or customer that is missing from the database")
        case .readOnly(let path):
            return w("门店数据库 \(path) 是只读的（文件或其所在文件夹不可写）：只能查看，不能更改；未做任何更改",
                     "the shop database \(path) is read-only (the file or its folder cannot be written): it can be read but not changed; nothing was changed")
        case .readOnlyNeedsUpgrade(let path, let found, let known):
            return w("门店数据库 \(path) 是只读的，而它的结构版本 \(found) 需要升级到 \(known)：请让它可写后再打开一次",
                     "the shop database \(path) is read-only, and its schema \(found) needs upgrading to \(known): make it writable and open it once")
        case .serverCollation(let found):
            return w("服务器上的数据库按“\(found)”排序文字，Workshop 需要按字节排序（C）：请用 createdb -T template0 -l C -E UTF8 建库后再连接；未做任何更改",
                     "the server's database sorts text by \"\(found)\"; Workshop needs byte order (C): create it with createdb -T template0 -l C -E UTF8 and connect again; nothing was changed")
        case .serverNeedsSetup(let known):
            return w("服务器上的门店数据库需要建立或升级（本程序的结构有 \(known) 项迁移），而当前账号无权修改结构：请管理员运行 workshop setup-server；未做任何更改",
                     "the shop's schema on the server needs setting up or upgrading (this program's has \(known) migrations), which this account may not do: an administrator runs workshop setup-server; nothing was changed")
        case .backupOnServer:
            return w("门店数据在 PostgreSQL 服务器上：请用 pg_dump 备份（见 README“在服务器上运行门店”），或用 export 导出；未做任何更改",
                     "the shop is kept on a PostgreSQL server: back it up with pg_dump (README, \"Running a shop on a server\"), or use export; nothing was changed")
        }
    }
}

/// Keeping the record: what verify found, and backups or exports that could not be written.
extension RecordRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .verifyFound(let problems, let notes):
            let list = problems.map { "  - " + w.problem($0) }.joined(separator: "\n")
            let noted = notes.isEmpty ? "" : "\n" + notes.map { "  · " + w.note($0) }.joined(separator: "\n")
            return w("核查发现 \(problems.count) 个问题：\n" + list + noted,
                     "verify found \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n" + list + noted)
        case .backupOverwritesOtherFile(let path):
            return w("\(path) 已存在，且不是数据库备份：请换一个文件名（未写入任何内容）",
                     "\(path) exists and is not a database backup: choose a new file name (nothing was written)")
        case .backupFailsIntegrity(let path, let problems):
            return w("\(path) 的备份未通过完整性检查：\(problems.joined(separator: "; "))",
                     "the backup at \(path) fails its integrity check: \(problems.joined(separator: "; "))")
        case .cannotWrite(let path, let reason):
            return w("无法写入 \(path)：\(reason)", "could not write \(path): \(reason)")
        }
    }
}

extension Wording {
    /// One thing verify found, as a line of its report: what, and where (table and row, entry, file).
    func problem(_ problem: RecordProblem) -> String {
        switch problem {
        case .integrity(let findings):
            return self("SQLite 完整性检查：", "SQLite integrity check: ") + findings.joined(separator: "; ")
        case .foreignKey(let table, let row, let parent):
            return self("外键：\(table) 第 \(row) 行引用的 \(parent) 不存在", "foreign key: \(table) row \(row) refers to a missing \(parent)")
        case .journalEntriesMissing(let from, let to):
            return self("日志：第 \(from)…\(to) 条缺失（被删除）", "journal: entries \(from)…\(to) are missing (removed)")
        case .journalEntryAltered(let entry, let action, let actor):
            return self("日志：第 \(entry) 条（\(actor) 的 \(action)）在 Workshop 之外被改动或插入：哈希链从这里断开",
                        "journal: entry \(entry) (\(action) by \(actor)) was changed or inserted outside Workshop: the hash chain breaks there")
        case .rowChanged(let table, let row, let entry):
            return self("\(table) 表第 \(row) 行与日志第 \(entry) 条写入的不符：此后在 Workshop 之外被改动",
                        "\(table) row \(row) differs from what journal entry \(entry) wrote: changed outside Workshop since")
        case .rowAdded(let table, let row, nil):
            return self("\(table) 表第 \(row) 行不是任何日志条目写入的：在 Workshop 之外被新增",
                        "\(table) row \(row) was written by no journal entry: added outside Workshop")
        case .rowAdded(let table, let row, let deletedBy?):
            return self("\(table) 表第 \(row) 行已由日志第 \(deletedBy) 条删除，现在又出现：在 Workshop 之外被加回",
                        "\(table) row \(row) was deleted by journal entry \(deletedBy) and is back: put back outside Workshop")
        case .rowDeleted(let table, let row, let entry):
            return self("\(table) 表第 \(row) 行（日志第 \(entry) 条写入）不见了：在 Workshop 之外被删除",
                        "\(table) row \(row), written by journal entry \(entry), is gone: deleted outside Workshop")
        case .rowFoundAltered(let table, let row, let entry):
            return self("日志第 \(entry) 条改写 \(table) 表第 \(row) 行时，发现它此前已在 Workshop 之外被改动或删除",
                        "when journal entry \(entry) rewrote \(table) row \(row), it had already been changed or deleted outside Workshop")
        case .moreRows(let table, let count):
            return self("\(table) 表：另有 \(count) 处同类问题", "\(table): \(count) more like these")
        case .sealsAltered(let entry):
            return self("日志第 \(entry) 条：其行封存（row_seals）与该条哈希所涵盖的不符：封存记录被改动",
                        "journal entry \(entry): its row seals (row_seals) are not those its hash covers: the seals were edited")
        case .sealsWithoutEntries(let from, let to):
            return self("行封存指向日志第 \(from)…\(to) 条，日志里却没有这些条目：日志被截短或删除",
                        "row seals name journal entries \(from)…\(to), which the journal does not have: the journal was cut or deleted")
        case .journalCut(let ends, let anchorEntry, let anchor, let writtenAt, let earlier):
            return anchorSaid(earlier) + self(
                "日志止于第 \(ends) 条，锚点 \(anchor)（写于 \(time(writtenAt))）记载已到第 \(anchorEntry) 条：第 \(ends + 1)…\(anchorEntry) 条被截掉",
                "the journal ends at entry \(ends), the anchor \(anchor) (written \(time(writtenAt))) says it reached entry \(anchorEntry): entries \(ends + 1)…\(anchorEntry) were cut")
        case .journalRewritten(let entry, let anchor, let writtenAt, let earlier):
            return anchorSaid(earlier) + self(
                "日志第 \(entry) 条的哈希与锚点 \(anchor)（写于 \(time(writtenAt))）记载的不同：哈希链到此为止被重写过",
                "journal entry \(entry) has another hash than the anchor \(anchor) (written \(time(writtenAt))) recorded: the chain was rewritten up to there")
        case .journalPastAnchor(let from, let to, let anchor, let earlier):
            return anchorSaid(earlier) + self(
                "日志第 \(from)…\(to) 条超出锚点 \(anchor)，且没有任何 Workshop 写入预告过：在 Workshop 之外被追加（或断电时写入未及记入锚点）",
                "journal entries \(from)…\(to) go past the anchor \(anchor) and no Workshop write announced them: appended outside Workshop (or, after a power cut, a write that never reached the anchor)")
        case .anchorUnreadable(let anchor, let earlier):
            return anchorSaid(earlier) + self("锚点文件 \(anchor) 不是锚点：在 Workshop 之外被改写",
                                              "the anchor file \(anchor) is not an anchor: overwritten outside Workshop")
        case .anchorRemoved(let anchor, let last):
            return self("没有锚点文件 \(anchor)，而 Workshop 写到第 \(last) 条时一直保有它：它被删除或移走（若同时换回了旧的数据库副本，其后的记录就此消失而无从察觉）。"
                            + "核查备份副本请核查门店数据库本身；锚点确已遗失、缺失的记录已查清的，由经理运行 anchor restart reason=\"…\" 重新建立",
                        "no anchor file at \(anchor), though Workshop kept one while it wrote entries up to \(last): it was removed or moved (with an older copy of the database put back, what was recorded since is gone unseen). "
                            + "To check a backup copy, verify the shop's own database; once a lost anchor is accounted for, a manager starts it again with anchor restart reason=\"…\"")
        case .anchorBegunLate(let anchor, let begun, let earlier):
            return self("锚点 \(anchor) 从第 \(begun) 条才开始，而此前 Workshop 已保有锚点写到第 \(earlier) 条：原锚点被删除或替换，且无经理重新建立的记录（anchor restart）；若换回过旧的数据库副本，其后的记录已消失而无从察觉",
                        "the anchor \(anchor) begins at entry \(begun), though Workshop had kept an anchor while it wrote entries up to \(earlier): that anchor was removed or replaced, and no manager restarted it (anchor restart); if an older copy of the database was put back, what was recorded since is gone unseen")
        case .changedOutside(let table, let row, let operation, let at):
            let done: String
            switch operation {
            case "insert": done = self("新增", "inserted")
            case "update": done = self("修改", "updated")
            default: done = self("删除", "deleted")
            }
            return self("\(table)：第 \(row ?? "?") 行在 Workshop 之外被\(done)（UTC \(at)）",
                        "\(table): row \(row ?? "?") was \(done) outside Workshop (at \(at) UTC)")
        case .safeguardsRemoved(let triggers):
            let names = triggers.prefix(6).joined(separator: ", ") + (triggers.count > 6 ? " …" : "")
            return self("防护被移除：触发器 \(names)", "safeguards removed: triggers \(names)")
        case .safeguardRewritten(let trigger):
            return self("防护触发器 \(trigger) 被替换：它的 SQL 已不是 Workshop 建立时的", "safeguard trigger \(trigger) was replaced: its SQL is not the one Workshop made")
        case .unknownTrigger(let trigger, let table):
            return self("\(table) 表上的触发器 \(trigger) 不是 Workshop 建立的", "trigger \(trigger) on \(table) was not made by Workshop")
        case .writerMarkLeftSet:
            return self("writer_mark 在 Workshop 的事务之外留有记录：有人在隐藏改动",
                        "writer_mark holds a row outside any Workshop transaction: someone is hiding changes")
        case .stockDisagrees(let partNumber, let onHand, let movements):
            return self("库存：\(partNumber) 显示在库 \(onHand)，但流水合计为 \(movements)",
                        "stock: \(partNumber) shows \(onHand) on hand but its movements add to \(movements)")
        case .cardDisagrees(let card, let balance, let movements):
            return self("会员卡：\(card) 显示余额 本金 \(balance.paidIn.grouped)、赠送 \(balance.bonus.grouped)、次数 \(balance.uses)，但流水合计为 本金 \(movements.paidIn.grouped)、赠送 \(movements.bonus.grouped)、次数 \(movements.uses)",
                        "member card: \(card) shows paid-in \(balance.paidIn.grouped), bonus \(balance.bonus.grouped), uses \(balance.uses), but its movements add to paid-in \(movements.paidIn.grouped), bonus \(movements.bonus.grouped), uses \(movements.uses)")
        case .reportTallyDisagrees(let quarter, let figures):
            return self("报表累计：\(time(quarter)) 起的一刻钟里 \(figures.joined(separator: "、")) 与该时段的工单、项目和收款合计不符：日报、月报会显示记录里没有的数字",
                        "report totals: the quarter hour from \(time(quarter)) holds \(figures.joined(separator: ", ")) other than its orders, lines and payments add up to: the day and month reports would show figures the record does not")
        case .damagedSetting(let key, let value):
            return self("设置项 \(key) 的值“\(value)”无法读取，目前按默认值执行：请用 shop set \(key)=… 重新设置",
                        "setting \(key) = \"\(value)\" cannot be read, so its default is in force: set it again with shop set \(key)=…")
        }
    }

    /// Before a finding a later write made about the anchor it replaced.
    private func anchorSaid(_ earlier: Bool) -> String {
        earlier ? self("（此前一次写入时发现）", "(found by a later write) ") : ""
    }

    /// What verify noticed that is no problem.
    func note(_ note: RecordNote) -> String {
        switch note {
        case .lateEntry(let entry, let claimed, let recorded, let actor, let action):
            return self("补录：第 \(entry) 条，\(actor) 的\(JournalAction.label(of: action, self))，记为 \(time(claimed))，\(realTime(recorded))",
                        "late entry: entry \(entry), \(JournalAction.label(of: action, self)) by \(actor), dated \(time(claimed)), \(realTime(recorded))")
        case .moreLateEntries(let count):
            return self("另有更早的补录 \(count) 条（history 可查）", "\(count) earlier late entries (history shows them)")
        case .sealedAsFound(let entry, let rows, let at):
            return self("第 \(entry) 条于 \(time(at)) 按原样封存了 \(rows) 行（升级到行封存时）：这些行自那时起才有核查依据",
                        "entry \(entry) sealed \(rows) rows as found on \(time(at)) (the upgrade to row seals): verify vouches for them from then on")
        case .anchorAgrees(let path, let entry):
            return self("日志与锚点 \(path) 一致（第 \(entry) 条）", "the journal agrees with its anchor \(path) (entry \(entry))")
        case .anchorMissing(let path):
            return self("没有锚点文件 \(path)：日志的结尾无从与数据库之外核对（备份的副本，或升级后尚未写入）；请将链头与最近一份日报核对",
                        "no anchor file at \(path): the journal's end is checked against nothing outside the database (a backup's copy, or not written since the upgrade); compare the head with the last day report")
        case .head(let entry, let hash):
            return self("链头：", "chain head: ") + chainHead(entry: entry, hash: hash)
        case .anchorRestarted(let entry, let by, let at, let reason):
            return self("锚点于第 \(entry) 条由 \(by) 在 \(time(at)) 重新建立：\(reason)",
                        "the anchor was started again at entry \(entry) by \(by) on \(time(at)): \(reason)")
        }
    }

    /// The real time a late entry was typed, as printed beside the time it claims.
    func realTime(_ recorded: Timestamp) -> String {
        self("实际录入 \(time(recorded))", "entered \(time(recorded))")
    }

    /// A chain head as printed for comparing by eye: "第 1234 条 · 9f3a-5c2e-81d0-77ab" (the first 64
    /// bits of its hash, enough that no forged chain could match them by trying).
    func chainHead(entry: Int, hash: String) -> String {
        guard entry > 0 else { return self("（尚无日志条目）", "(no entries yet)") }
        let short = hash.prefix(16)
        let groups = stride(from: 0, to: short.count, by: 4).map { offset -> String in
            let start = short.index(short.startIndex, offsetBy: offset)
            return String(short[start..<short.index(start, offsetBy: 4)])
        }
        return self("第 \(entry) 条 · ", "entry \(entry) · ") + groups.joined(separator: "-")
    }
}
