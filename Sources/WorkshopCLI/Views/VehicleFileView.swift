import WorkshopModel
import WorkshopStore

/// The vehicle's file (一车一档): the vehicle, its owner, every order, and the work the customer
/// declined before (offered again at the next visit).
enum VehicleFileView {
    static func render(_ v: Vehicle, session s: Session) throws -> Output {
        let owner = try s.store.customer(id: v.ownerID)
        let orders = try s.store.orderSummaries(vehicleID: v.id)
        let declined = try s.store.declinedLines(vehicleID: v.id)
        // A chain's file is every site's: each order names the site it was serviced at.
        let sites = try s.store.hasSites() ? try s.store.sites() : []
        func siteName(_ o: OrderSummary) -> String? {
            sites.isEmpty ? nil : sites.first { $0.id == (o.siteID ?? Site.homeID) }?.name ?? ""
        }

        var fields = Fields()
        fields.add(s.t("号牌", "Plate"), "\(v.plate.dotted) · \(s.t(v.plate.kind.chinese, v.plate.kind.english)) · \(s.t(v.plateColor.chinese + "牌", v.plateColor.rawValue + " plate"))")
        fields.add("VIN", v.vin.map { $0 + (v.vinConfirmed ? s.t("（校验位不符，已确认）", " (check digit confirmed by advisor)") : "") })
        fields.add(s.t("车型", "Vehicle"), v.description)
        fields.add(s.t("颜色", "Colour"), v.color)
        fields.add(s.t("发动机号", "Engine no."), v.engineNumber)
        fields.add(s.t("燃料", "Fuel"), v.fuel)
        fields.add(s.t("车辆类别", "Class"), v.vehicleClass.label(s.language))
        fields.add(s.t("车主", "Owner"), owner.map { "\($0.reference) \($0.name) \($0.phone)" })
        fields.add(s.t("最近里程", "Last odometer"), "\(v.odometer) km")
        var text = "\(v.plate)\n" + fields.render()

        if orders.isEmpty {
            text += "\n\n  " + s.t("(尚无维修记录)", "(no orders yet)")
        } else {
            var table = TextTable([s.t("单号", "Order"), s.t("进厂", "Checked in"), s.t("里程", "Km"), s.t("类别", "Category"),
                                   s.t("状态", "Status"), s.t("金额", "Amount"), s.t("故障描述", "Complaint")]
                                      + (sites.isEmpty ? [] : [s.t("门店", "Site")]),
                                  rightAligned: [2, 5])
            table.maximumWidth = 30
            for o in orders {
                table.add([o.number, s.formatTime(o.checkedInAt), "\(o.odometerIn)", o.category.label(s.language),
                           o.status.label(s.language), o.total.grouped, o.complaint] + (siteName(o).map { [$0] } ?? []))
            }
            text += "\n\n" + s.t("维修记录 (\(orders.count))", "Orders (\(orders.count))") + "\n" + table.render()
        }
        if !declined.isEmpty {
            var table = TextTable([s.t("单号", "Order"), s.t("项目", "Item"), s.t("金额", "Amount")], rightAligned: [2])
            for (order, line) in declined { table.add([RepairOrder.number(order), OrderView.itemText(line, s), line.amount.grouped]) }
            text += "\n\n" + s.t("曾拒绝的项目（下次进厂时再次建议）", "Declined earlier (offer again)") + "\n" + table.render()
        }
        let today = s.zone.formatDate(s.now)
        let inForce = try s.store.warrantyCoverage(vehicle: v, coveringDay: today, odometer: v.odometer)
        if !inForce.isEmpty {
            var table = TextTable([s.t("单号", "Order"), s.t("项目", "Work"), s.t("保修至", "Until")])
            for c in inForce { table.add([RepairOrder.number(c.orderID), OrderView.itemText(c.line, s), "\(c.lastDay) / \(c.lastKilometre) km"]) }
            text += "\n\n" + s.t("保修期内 (\(inForce.count))", "Under warranty (\(inForce.count))") + "\n" + table.render()
        }
        let comebacks = try s.store.comebacks(vehicleID: v.id)
        if !comebacks.isEmpty {
            text += "\n\n" + s.t("返修 (\(comebacks.count))", "Comebacks (\(comebacks.count))") + "\n" + comebacks.map {
                "  \(RepairOrder.number($0.order)) ← \(RepairOrder.number($0.of))" + ($0.line.map { "/\($0)" } ?? "") + " · \($0.cause ?? "")"
            }.joined(separator: "\n")
        }
        let complaints = try s.store.complaints(vehicleID: v.id)
        if !complaints.isEmpty {
            text += "\n\n" + s.t("投诉 (\(complaints.count))", "Complaints (\(complaints.count))") + "\n" + complaints.map {
                "  #\($0.id) \(s.zone.formatDate($0.registeredAt)) \(AfterSalesCommands.stageText($0, s)) · \($0.text)"
            }.joined(separator: "\n")
        }
        return Output(text: text, json: .object([
            ("under_warranty", .array(inForce.map(WarrantyCommands.json))),
            ("comebacks", .array(comebacks.map { .object([("order", .string(RepairOrder.number($0.order))),
                                                          ("of", .string(RepairOrder.number($0.of))), ("line", .int($0.line)),
                                                          ("cause", .string($0.cause))]) })),
            ("complaints", .array(complaints.map { AfterSalesCommands.json($0, s) })),
            ("vehicle", VehicleCommands.json(v)),
            ("owner", owner.map(CustomerCommands.json) ?? .null),
            ("orders", .array(orders.map { o in
                guard let site = siteName(o), case .object(let fields) = summaryJSON(o) else { return summaryJSON(o) }
                return .object(fields + [("site", .string(site))])
            })),
            ("declined_lines", .array(declined.map { order, line in
                .object([("order", .string(RepairOrder.number(order))), ("line", OrderView.lineJSON(line))])
            })),
        ]))
    }

    static func summaryJSON(_ o: OrderSummary) -> JSON {
        .object([("order", .string(o.number)), ("plate", .string(o.plate)), ("status", .string(o.status.code)),
                 ("checked_in_at", .string(o.checkedInAt.iso8601)), ("promised_at", .string(o.promisedAt?.iso8601)),
                 ("odometer", .int(o.odometerIn)), ("category", .string(o.category.code)),
                 ("complaint", .string(o.complaint)), ("total", .money(o.total)), ("awaiting_answer", .money(o.awaitingAnswer)),
                 ("held", o.held.map(OrderCommands.heldJSON) ?? .null)])
    }
}
