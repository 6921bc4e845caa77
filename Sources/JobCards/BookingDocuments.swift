import DocumentModel
import WorkshopModel

/// The documents of bookings: the booking confirmation (预约确认单) and the pick list (领料单).
public enum BookingDocuments {
    public struct PickItem: Sendable {
        public var bay: String
        public var appointment: String
        public var time: String
        public var plate: String
        public var partNumber: String
        public var name: String
        public var quantity: Quantity
        public var bin: String?
        public init(bay: String, appointment: String, time: String, plate: String, partNumber: String, name: String, quantity: Quantity, bin: String?) {
            (self.bay, self.appointment, self.time, self.plate, self.partNumber, self.name, self.quantity, self.bin) =
                (bay, appointment, time, plate, partNumber, name, quantity, bin)
        }
    }

    static func header(_ settings: ShopSettings) -> ShopHeader {
        ShopHeader(name: settings.name, address: settings.address, phone: settings.phone, creditCode: settings.creditCode,
                   site: settings.papersSiteName)
    }

    public static func confirmation(_ a: Appointment, vehicle: Vehicle, customer: Customer, bay: String?, lines: [OrderLine],
                                    settings: ShopSettings, printedAt: Timestamp) -> Document {
        let bilingual = settings.language == .zh
        let zone = settings.timeZone
        let table = Table(title: Label("预约项目", "Planned work"), columns: [
            Column(Label("#", "#"), alignment: .right, weight: 0.4),
            Column(Label("项目 / 配件", "Work / part"), weight: 4),
            Column(Label("工时/数量", "Hours/qty"), alignment: .right, weight: 1),
            Column(Label("单价", "Unit price"), alignment: .right, weight: 1.1),
            Column(Label("金额", "Amount"), alignment: .right, weight: 1.2),
        ], rows: lines.map { line in
            ["\(line.number)", line.description + (line.partNumber.map { " (\($0))" } ?? ""),
             line.kind == .labor ? (line.hours.map { "\($0) h" } ?? "") : (line.quantity?.description ?? ""),
             (line.kind == .labor ? line.rate : line.unitPrice)?.grouped ?? "", line.amount.grouped]
        }, emptyText: bilingual ? "（到店后检查确定）" : "(to be decided at inspection)")
        return Document(
            kind: "booking", title: Label("预约确认单", "Booking Confirmation"), reference: a.reference, printedAt: zone.format(printedAt),
            shop: header(settings),
            blocks: [
                .fields(title: nil, columns: 4, fields: [
                    Field(Label("客户", "Customer"), customer.name), Field(Label("电话", "Phone"), customer.phone),
                    Field(Label("号牌号码", "Plate"), vehicle.plate.dotted), Field(Label("厂牌型号", "Make / model"), vehicle.description),
                    Field(Label("预约时间", "Booked for"), zone.format(a.at)),
                    Field(Label("预计用时", "Expected time"), bilingual ? "\(a.duration) 分钟" : "\(a.duration) min"),
                    Field(Label("工位", "Bay"), bay ?? "—"), Field(Label("状态", "Status"), bilingual ? a.status.chinese : a.status.english),
                ]),
                .text(title: Label("故障描述", "Complaint"), body: a.complaint),
                .table(table),
            ],
            closing: [
                .totals([TotalLine(Label("预估金额", "Estimated total"), settings.currencySymbol + a.estimate.grouped, emphasized: true)]),
                .notice(bilingual
                    ? "所需配件已为您预留、工位已安排。请按时到店并携带行驶证；如需改期请提前来电。实际费用以到店检查后您签字确认的维修单为准。 Your parts are reserved and a bay is held. Please come on time with your vehicle licence; call ahead to change the time. Only work you sign for is charged."
                    : "Your parts are reserved and a bay is held. Please come on time with your vehicle licence; call ahead to change the time. Only work you sign for is charged."),
                .signatures([Signature(Label("服务顾问", "Service advisor"), name: a.createdBy, date: zone.format(a.createdAt))]),
            ],
            bilingual: bilingual)
    }

    public static func pickList(day: String, items: [PickItem], settings: ShopSettings, printedAt: Timestamp) -> Document {
        let bilingual = settings.language == .zh
        let table = Table(title: nil, columns: [
            Column(Label("工位", "Bay"), weight: 1.2),
            Column(Label("预约", "Booking"), weight: 0.8),
            Column(Label("时间", "Time"), weight: 0.7),
            Column(Label("车牌", "Plate"), weight: 1.1),
            Column(Label("配件号", "Part no."), weight: 1.5),
            Column(Label("名称", "Name"), weight: 2.2),
            Column(Label("数量", "Qty"), alignment: .right, weight: 0.6),
            Column(Label("货位", "Bin"), weight: 0.8),
            Column(Label("已备", "Picked"), alignment: .center, weight: 0.6),
        ], rows: items.map { [$0.bay, $0.appointment, $0.time, $0.plate, $0.partNumber, $0.name, $0.quantity.description, $0.bin ?? "", "□"] },
           emptyText: bilingual ? "（当天没有需要备料的预约）" : "(no parts to pick for that day)")
        return Document(
            kind: "picklist", title: Label("领料单", "Pick List"), reference: day, printedAt: settings.timeZone.format(printedAt),
            shop: header(settings), blocks: [.table(table)],
            closing: [.notice(bilingual ? "按预约前一天备料，放到对应工位；到店开单后配件在签字时出库。 Pick the day before and set aside for the bay; parts leave stock when the order is signed."
                                        : "Pick the day before and set aside for the bay; parts leave stock when the order is signed."),
                      .signatures([Signature(Label("备料人", "Picked by")), Signature(Label("核对人", "Checked by"))])],
            bilingual: bilingual)
    }
}
