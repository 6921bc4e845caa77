import WorkshopModel
import WorkshopStore

enum CustomerCommands {
    static let usage = [
        "customer add NAME phone=PHONE [company=…] [address=…]",
        "customer show C12|PHONE",
        "customer find TEXT",
        "customer list",
        "customer set C12|PHONE [name=…] [phone=…] [company=…] [address=…]",
    ]

    static let command = Command(
        name: "customer", aliases: ["cust", "客户"], group: .reception,
        summary: "find or create the customer, see their vehicles and orders",
        usage: usage,
        examples: ["customer add 张伟 phone=13800138000 company=顺达物流", "customer find 张", "customer show 13800138000"],
        access: .write, readingSubcommands: ["show", "find", "search", "list", "ls"], roles: [.advisor, .manager, .cashier]
    ) { invocation, session in
        let sub = try invocation.required("a sub-command (add, show, find, list, set)", usage: usage.joined(separator: " | "))
        switch sub.lowercased() {
        case "add", "new": return try add(&invocation, session)
        case "show": return try show(&invocation, session)
        case "find", "search": return try find(&invocation, session)
        case "list", "ls": return try list(session.store.listCustomers(), session)
        case "set", "edit": return try set(&invocation, session)
        default:
            // "customer 13800138000" reads as show.
            if let customer = try? session.store.resolveCustomer(sub) { return try render(customer, session) }
            throw UserError("customer \(sub): unknown sub-command; usage: \(usage.joined(separator: " | "))")
        }
    }

    static func add(_ invocation: inout LegacyInvocation, _ session: Session) throws -> Output {
        let name = invocation.rest().joined(separator: " ")
        guard !name.isEmpty else { throw UserError("customer add: the name is missing; usage: \(usage[0])") }
        let phone = try Phone.normalize(try invocation.requiredOption("phone", example: "phone=13800138000"))
        let customer = try session.store.addCustomer(name: name, phone: phone, company: invocation.option("company"),
                                                     address: invocation.option("address"))
        return .message(session.t("已建档 \(customer.reference) \(customer.name) \(customer.phone)",
                                  "added \(customer.reference) \(customer.name) \(customer.phone)"),
                        [("customer", json(customer))])
    }

    static func show(_ invocation: inout LegacyInvocation, _ session: Session) throws -> Output {
        let reference = try invocation.required("the customer (C12 or phone)", usage: usage[1])
        return try render(try session.store.resolveCustomer(reference), session)
    }

    static func render(_ customer: Customer, _ s: Session) throws -> Output {
        let vehicles = try s.store.vehicles(ownerID: customer.id)
        var fields = Fields()
        fields.add(s.t("电话", "Phone"), customer.phone)
        fields.add(s.t("单位", "Company"), customer.company)
        fields.add(s.t("地址", "Address"), customer.address)
        fields.add(s.t("建档", "Since"), s.zone.formatDate(customer.createdAt))
        var text = "\(customer.reference)  \(customer.name)\n" + fields.render()
        if vehicles.isEmpty {
            text += "\n  " + s.t("(名下暂无车辆：vehicle add 车牌 vin=… owner=\(customer.reference))",
                                 "(no vehicles yet: vehicle add PLATE vin=… owner=\(customer.reference))")
        } else {
            var table = TextTable([s.t("车牌", "Plate"), s.t("车型", "Vehicle"), "VIN", s.t("里程", "Odometer")], rightAligned: [3])
            for v in vehicles { table.add([v.plate.value, v.description, v.vin ?? "", "\(v.odometer)"]) }
            text += "\n\n" + table.render()
        }
        return Output(text: text, json: .object([
            ("customer", json(customer)),
            ("vehicles", .array(vehicles.map { .string($0.plate.value) })),
        ]))
    }

    static func find(_ invocation: inout LegacyInvocation, _ session: Session) throws -> Output {
        let text = invocation.rest().joined(separator: " ")
        guard !text.isEmpty else { throw UserError("customer find: what to look for is missing; usage: \(usage[2])") }
        let phoneDigits = (try? Phone.normalize(text)) ?? text
        let found = try session.store.findCustomers(phoneDigits)
        if found.isEmpty {
            return Output(text: session.t("没有找到“\(text)”", "no customer matches \"\(text)\""), json: .object([("customers", .array([]))]))
        }
        return try list(found, session)
    }

    static func list(_ customers: [Customer], _ s: Session) throws -> Output {
        var table = TextTable(["ID", s.t("姓名", "Name"), s.t("电话", "Phone"), s.t("单位", "Company")])
        for c in customers { table.add([c.reference, c.name, c.phone, c.company ?? ""]) }
        return Output(text: customers.isEmpty ? s.t("(暂无客户)", "(no customers)") : table.render(),
                      json: .object([("customers", .array(customers.map(json)))]))
    }

    static func set(_ invocation: inout LegacyInvocation, _ session: Session) throws -> Output {
        let reference = try invocation.required("the customer (C12 or phone)", usage: usage[4])
        let customer = try session.store.resolveCustomer(reference)
        var changes: [(field: String, value: String?)] = []
        for (key, value) in invocation.allOptions(accepting: ["name", "phone", "company", "address"]) {
            switch key {
            case "name":
                guard !value.isEmpty else { throw UserError("customer set: name= cannot be empty") }
                changes.append((key, value))
            case "phone": changes.append((key, try Phone.normalize(value)))
            default: changes.append((key, value.isEmpty ? nil : value))
            }
        }
        guard !changes.isEmpty else { throw UserError("customer set: nothing to change; usage: \(usage[4])") }
        let updated = try session.store.updateCustomer(customer, changes: changes)
        return .message(session.t("已更新 \(updated.reference) \(updated.name)", "updated \(updated.reference) \(updated.name)"),
                        [("customer", json(updated))])
    }

    static func json(_ c: Customer) -> JSON {
        .object([("id", .string(c.reference)), ("name", .string(c.name)), ("phone", .string(c.phone)),
                 ("company", .string(c.company)), ("address", .string(c.address)), ("created_at", .string(c.createdAt.iso8601))])
    }
}
