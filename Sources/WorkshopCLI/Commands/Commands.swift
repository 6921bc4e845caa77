/// The command table.
enum Commands {
    static let all: [CommandSpec] = legacy.map(CommandSpec.init(legacy:)) + SessionCommands.all

    static let legacy: [Command] = [
        CustomerCommands.command, VehicleCommands.command, AppointmentCommands.command, CheckinCommands.checkin,
        OrderCommands.command, CheckinCommands.diagnose, CheckinCommands.damage, BelongingsCommands.command,
        EstimateCommands.command, CheckinCommands.promise, EstimateCommands.approve, EstimateCommands.decline,
        OrderCommands.reopen, PrintCommands.command,
        FloorCommands.dispatch, FloorCommands.handover, FloorCommands.inspect, SupplementCommands.command,
        FloorCommands.progress, FloorCommands.complete, BoardCommands.board, BoardCommands.notify,
        CashCommands.invoice, CashCommands.discount, CashCommands.pay, CashCommands.refund, CashCommands.release,
        WarrantyCommands.command, AfterSalesCommands.followup, AfterSalesCommands.complaint, ReportCommands.command,
        PeopleCommands.staff, PeopleCommands.bay, PeopleCommands.checkitem,
        ShopCommands.labor, PartsCommands.command, PartsCommands.job,
        ShopCommands.shop, ShopCommands.history, TrustCommands.verify, TrustCommands.backup, TrustCommands.export,
    ]
}
