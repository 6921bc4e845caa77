/// The command table.
enum Commands {
    static let all: [CommandSpec] = CheckinCommands.all + OrderCommands.all + [BelongingsCommands.command] + EstimateCommands.all
        + FloorCommands.all + [SupplementCommands.command] + CashCommands.all
        + legacy.map(CommandSpec.init(legacy:)) + SessionCommands.all

    static let legacy: [Command] = [
        CustomerCommands.command, VehicleCommands.command, AppointmentCommands.command,
       
       
        PrintCommands.command,
       
        BoardCommands.board, BoardCommands.notify,
       
        WarrantyCommands.command, AfterSalesCommands.followup, AfterSalesCommands.complaint, ReportCommands.command,
        PeopleCommands.staff, PeopleCommands.bay, PeopleCommands.checkitem,
        ShopCommands.labor, PartsCommands.command, PartsCommands.job,
        ShopCommands.shop, ShopCommands.history, TrustCommands.verify, TrustCommands.backup, TrustCommands.export,
    ]
}
