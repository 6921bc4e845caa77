import Foundation
import WorkshopModel

extension RepairRecord {
    /// The record of a released order: the work the customer authorised (labour as projects with
    /// their hours, parts with their numbers and quantities; fees are not repairs), the dates and
    /// mileage of check-in and release on the shop's calendar, the 结算清单编号.
    public init(released record: OrderRecord, companyName: String, zone: ShopZone) {
        let order = record.order
        let authorised = record.offeredLines.filter { $0.status == .approved }
        self.init(
            companyName: companyName,
            vin: record.vehicle.vin ?? "",
            vinConfirmed: record.vehicle.vinConfirmed,
            plate: record.vehicle.plate.value,
            plateColor: record.vehicle.plateColor,
            repairDay: ShopDay.compact(order.checkedInAt, zone: zone),
            repairMileage: order.odometerIn,
            settleDay: ShopDay.compact(order.releasedAt ?? order.checkedInAt, zone: zone),
            faultDescription: order.complaint,
            settlementNumber: order.settlementNumber ?? "",
            category: order.category,
            projects: authorised.filter { $0.kind == .labor }.map {
                Project(name: $0.description, hours: $0.hours?.description ?? "")
            },
            parts: authorised.filter { $0.kind == .part }.map {
                Part(line: $0.number, name: $0.description, code: $0.partNumber ?? "", quantity: $0.quantity?.description ?? "")
            })
    }
}

extension RepairRecord {
    /// As stored in the outbox: every field by name, so a record written by this version reads
    /// back whole in the next.
    public var json: JSON {
        .object([
            ("company_name", .string(companyName)), ("vin", .string(vin)), ("vin_confirmed", .bool(vinConfirmed)),
            ("plate", .string(plate)), ("plate_color", .string(plateColor?.rawValue)),
            ("repair_day", .string(repairDay)), ("repair_mileage", .int(repairMileage)), ("settle_day", .string(settleDay)),
            ("fault_description", .string(faultDescription)), ("settlement_no", .string(settlementNumber)),
            ("category", .string(category.rawValue)),
            ("projects", .array(projects.map { .object([("name", .string($0.name)), ("hours", .string($0.hours))]) })),
            ("parts", .array(parts.map {
                .object([("line", .int($0.line)), ("name", .string($0.name)), ("code", .string($0.code)), ("quantity", .string($0.quantity))])
            })),
        ])
    }

    /// Reads a stored record back; nil when the text is not one (damaged by hand).
    public init?(stored text: String) {
        guard let object = Answer.object(text),
              let category = (object["category"] as? String).flatMap(RepairCategory.init(rawValue:)) else { return nil }
        func field(_ key: String) -> String { object[key] as? String ?? "" }
        let projects = (object["projects"] as? [[String: Any]] ?? []).map {
            Project(name: $0["name"] as? String ?? "", hours: $0["hours"] as? String ?? "")
        }
        let parts = (object["parts"] as? [[String: Any]] ?? []).map {
            Part(line: ($0["line"] as? NSNumber)?.intValue ?? 0, name: $0["name"] as? String ?? "",
                 code: $0["code"] as? String ?? "", quantity: $0["quantity"] as? String ?? "")
        }
        self.init(companyName: field("company_name"), vin: field("vin"), vinConfirmed: object["vin_confirmed"] as? Bool ?? false,
                  plate: field("plate"), plateColor: (object["plate_color"] as? String).flatMap(PlateColor.init(rawValue:)),
                  repairDay: field("repair_day"), repairMileage: (object["repair_mileage"] as? NSNumber)?.intValue ?? 0,
                  settleDay: field("settle_day"), faultDescription: field("fault_description"), settlementNumber: field("settlement_no"),
                  category: category, projects: projects, parts: parts)
    }
}
