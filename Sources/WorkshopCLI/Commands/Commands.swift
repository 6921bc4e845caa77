/// The command table.
enum Commands {
    static let all: [CommandSpec] = listed(CheckinCommands.all + OrderCommands.all + [BelongingsCommands.command] + EstimateCommands.all
        + FloorCommands.all + [SupplementCommands.command] + CashCommands.all + [CardCommands.command, MemberCommands.command] + declared + TrustCommands.all) + SessionCommands.all

    /// The shop's commands around the order: reception, bookings, price lists, people, after-sales, documents.
    static let declared: [CommandSpec] = [
        CustomerCommands.command, VehicleCommands.command, AppointmentCommands.command, PrintCommands.command,
        BoardCommands.board, BoardCommands.notify,
        WarrantyCommands.command, AfterSalesCommands.followup, RemindCommands.command, AfterSalesCommands.complaint, ReportCommands.command,
        SiteCommands.command, PeopleCommands.staff, PeopleCommands.bay, PeopleCommands.checkitem,
        ShopCommands.labor, PartsCommands.command, PartsCommands.job,
        ShopCommands.shop, ShopCommands.history, HealthRecordCommands.command,
    ]

    /// The order `help` lists the commands in, within each part of the work.
    static let listing = [
        "customer", "vehicle", "appointment", "checkin", "ro", "diagnose", "damage", "belongings", "estimate", "promise",
        "approve", "decline", "reopen", "void", "print", "dispatch", "handover", "inspect", "supplement", "progress", "complete",
        "board", "notify", "invoice", "discount", "pay", "refund", "release", "card", "member", "warranty", "followup", "remind", "complaint", "report",
        "site", "staff", "bay", "checkitem", "labor", "parts", "job", "shop", "history", "healthrecord", "verify", "anchor", "backup", "export",
    ]

    static func listed(_ commands: [CommandSpec]) -> [CommandSpec] {
        commands.enumerated().sorted { a, b in
            let (x, y) = (listing.firstIndex(of: a.element.name) ?? listing.count, listing.firstIndex(of: b.element.name) ?? listing.count)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }
}
