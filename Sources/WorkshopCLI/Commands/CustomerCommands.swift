import WorkshopModel
import WorkshopStore

/// Customers: found by number or phone, created once, their vehicles listed.
enum CustomerCommands {
    static let writers: Set<Role> = [.advisor, .manager, .cashier]
    /// 纳税人识别号: the 18-character 统一社会信用代码, its check character verified; empty clears it (customer set).
    static let taxNumber = ValueType(Phrase("纳税人识别号", "TAX-NO")) { text, _, _ in
        .text(text.isEmpty ? "" : try TaxNumber.validate(text))
    }
    /// What a company customer's invoices need: its contact person, invoice title, tax number.
    static let companyOptions = [option("contact", .name, aliases: ["联系人"]), option("invoice_title", .text, aliases: ["title", "抬头"]),
                                 option("tax_no", taxNumber, aliases: ["taxno", "税号"])]

    static let command = CommandSpec("customer", aliases: ["cust", "客户"], group: .reception,
        summary: Phrase("查找或建立客户档案，查看其车辆", "find or create the customer, see their vehicles"), forms: [
        Form([word("add", "new"), textArg("name", .name)],
             options: [required("phone", .phone), option("company", .text), option("address", .text)] + companyOptions,
             access: .write, roles: writers,
             summary: Phrase("新建客户（电话不可与已有客户重复）；单位客户可写联系人、发票抬头、纳税人识别号",
                             "add a customer (a phone number belongs to one customer); a company with its contact person, invoice title and tax number"),
             examples: ["customer add 张伟 phone=13800138000 company=顺达物流",
                        "customer add 顺达物流 phone=075588889999 company=深圳市顺达物流有限公司 contact=李经理 invoice_title=深圳市顺达物流有限公司 tax_no=91350100M000100Y43"]) { invocation, s in
            try add(invocation, s)
        },
        Form([word("show"), arg("customer", .customer)], access: .read,
             summary: Phrase("客户资料及名下车辆", "the customer and their vehicles"),
             examples: ["customer show 13800138000", "customer show C1"]) { invocation, s in
            try render(try s.store.resolveCustomer(invocation.need("customer")), s)
        },
        Form([word("find", "search"), textArg("text", .text("姓名|电话|单位", "NAME|PHONE|COMPANY"))], access: .read,
             summary: Phrase("按姓名、电话或单位查找", "look up by name, phone or company"),
             examples: ["customer find 张"]) { invocation, s in
            let text: String = invocation.need("text")
            let found = try s.store.findCustomers((try? Phone.normalize(text)) ?? text)
            if found.isEmpty {
                return Output(text: s.t("没有找到“\(text)”", "no customer matches \"\(text)\""), json: .object([("customers", .array([]))]))
            }
            return list(found, s)
        },
        Form([word("list", "ls")], access: .read, summary: Phrase("全部客户", "every customer"),
             examples: ["customer list"]) { _, s in
            list(try s.store.listCustomers(), s)
        },
        Form([word("set", "edit"), arg("customer", .customer)],
             options: [option("name", .name), option("phone", .phone), option("company", .text), option("address", .text)] + companyOptions,
             access: .write, roles: writers,
             summary: Phrase("修改客户资料（company= 等留空即清除）", "change the customer's details (an empty company=, contact=, invoice_title= or tax_no= clears it)"),
             examples: ["customer set C1 address=\"深圳市南山区科技园\"", "customer set C2 invoice_title=深圳市顺达物流有限公司 tax_no=91350100M000100Y43"]) { invocation, s in
            try set(invocation, s)
        },
        Form([arg("customer", .customerReference)], access: .read,
             summary: Phrase("同 customer show", "the same as customer show"),
             examples: ["customer 13800138000"]) { invocation, s in
            try render(try s.store.resolveCustomer(invocation.need("customer")), s)
        },
    ])

    static func add(_ invocation: Invocation, _ s: Session) throws -> Output {
        let name: String = invocation.need("name")
        func given(_ key: String) -> String? { (invocation.value(key) as String?).flatMap { $0.isEmpty ? nil : $0 } }
        let customer = try s.store.addCustomer(name: name, phone: invocation.need("phone"), company: invocation.value("company"),
                                               address: invocation.value("address"), contact: given("contact"),
                                               invoiceTitle: given("invoice_title"), taxNumber: given("tax_no"))
        return .message(s.t("已建档 \(customer.reference) \(customer.name) \(customer.phone)",
                            "added \(customer.reference) \(customer.name) \(customer.phone)"),
                        [("customer", json(customer))])
    }

    static func render(_ customer: Customer, _ s: Session) throws -> Output {
        let vehicles = try s.store.vehicles(ownerID: customer.id)
        var fields = Fields()
        fields.add(s.t("电话", "Phone"), customer.phone)
        fields.add(s.t("单位", "Company"), customer.company)
        fields.add(s.t("地址", "Address"), customer.address)
        fields.add(s.t("联系人", "Contact"), customer.contact)
        fields.add(s.t("发票抬头", "Invoice title"), customer.invoiceTitle)
        fields.add(s.t("纳税人识别号", "Tax number"), customer.taxNumber)
        fields.add(s.t("会员", "Member"), try customer.memberTier.map { try MemberCommands.tierText($0, s) })
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

    static func list(_ customers: [Customer], _ s: Session) -> Output {
        var table = TextTable([s.t("客户号", "ID"), s.t("姓名", "Name"), s.t("电话", "Phone"), s.t("单位", "Company")])
        for c in customers { table.add([c.reference, c.name, c.phone, c.company ?? ""]) }
        return Output(text: customers.isEmpty ? s.t("(暂无客户)", "(no customers)") : table.render(),
                      json: .object([("customers", .array(customers.map(json)))]))
    }

    static func set(_ invocation: Invocation, _ s: Session) throws -> Output {
        let customer = try s.store.resolveCustomer(invocation.need("customer"))
        var changes: [(field: String, value: String?)] = []
        if let name: String = invocation.value("name") {
            guard !name.isEmpty else { throw InputRefusal.empty(field: "name") }
            changes.append(("name", name))
        }
        if let phone: String = invocation.value("phone") { changes.append(("phone", phone)) }
        for (key, field) in [("company", "company"), ("address", "address"), ("contact", "contact"), ("invoice_title", "invoice_title"),
                             ("tax_no", "tax_number")] {
            if let value: String = invocation.value(key) { changes.append((field, value.isEmpty ? nil : value)) }
        }
        guard !changes.isEmpty else { throw CustomerRefusal.nothingToChange(customer: customer.reference) }
        let updated = try s.store.updateCustomer(customer, changes: changes)
        return .message(s.t("已更新 \(updated.reference) \(updated.name)", "updated \(updated.reference) \(updated.name)"),
                        [("customer", json(updated))])
    }

    static func json(_ c: Customer) -> JSON {
        .object([("id", .string(c.reference)), ("name", .string(c.name)), ("phone", .string(c.phone)),
                 ("company", .string(c.company)), ("address", .string(c.address)), ("created_at", .string(c.createdAt.iso8601))]
                + [("contact", c.contact), ("invoice_title", c.invoiceTitle), ("tax_number", c.taxNumber),
                   ("member_tier", c.memberTier)].compactMap { key, value in
                    value.map { (key, JSON.string($0)) }
                })
    }
}
