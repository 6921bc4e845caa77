import SQLite
import WorkshopModel

extension Store {
    private static let customerColumns = "id, name, phone, company, address, created_at, contact, invoice_title, tax_number, member_tier"

    private func customer(from row: ShopRow) -> Customer {
        Customer(id: row.int("id"), name: row.string("name"), phone: row.string("phone"), company: row.optionalString("company"),
                 address: row.optionalString("address"), createdAt: row.timestamp("created_at"), contact: row.optionalString("contact"),
                 invoiceTitle: row.optionalString("invoice_title"), taxNumber: row.optionalString("tax_number"),
                 memberTier: row.optionalString("member_tier"))
    }

    public func customer(id: Int) throws -> Customer? {
        try db.first(Self.customerByID, [.integer(Int64(id))], customer(from:))
    }

    static let customerByID = "SELECT \(customerColumns) FROM customers WHERE id = ?"

    public func customer(phone: String) throws -> Customer? {
        try db.first("SELECT \(Self.customerColumns) FROM customers WHERE phone = ?", [.text(phone)], customer(from:))
    }

    /// A customer by reference: "C12" (the id Workshop gave it) or a phone number.
    public func resolveCustomer(_ reference: String) throws -> Customer {
        let upper = reference.uppercased()
        if upper.hasPrefix("C"), let id = Int(upper.dropFirst()) {
            guard let found = try customer(id: id) else {
                throw LookupRefusal.noCustomer(reference: upper)
            }
            return found
        }
        guard let phone = try? Phone.normalize(reference) else {
            throw LookupRefusal.notACustomerReference(given: reference)
        }
        guard let found = try customer(phone: phone) else {
            throw LookupRefusal.noCustomerWithPhone(phone: phone)
        }
        return found
    }

    /// A new customer; a company's contact person, invoice title and tax number when given (the tax
    /// number already checked: `TaxNumber.validate`).
    public func addCustomer(name: String, phone: String, company: String?, address: String?, contact: String? = nil,
                            invoiceTitle: String? = nil, taxNumber: String? = nil) throws -> Customer {
        if let existing = try customer(phone: phone) {
            throw ConflictRefusal.phoneOnFile(phone: phone, customer: existing.reference, name: existing.name)
        }
        let id = try insert("""
            INSERT INTO customers(name, phone, company, address, created_at, contact, invoice_title, tax_number)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(name), .text(phone), SQLValue(company), SQLValue(address), .integer(Int64(context.now.seconds)),
                  SQLValue(contact), SQLValue(invoiceTitle), SQLValue(taxNumber)])
        let created = Customer(id: id, name: name, phone: phone, company: company, address: address,
                               createdAt: context.now, contact: contact, invoiceTitle: invoiceTitle, taxNumber: taxNumber)
        var detail: [(String, JSON)] = [("name", .string(name)), ("phone", .string(phone)), ("company", .string(company)),
                                        ("address", .string(address))]
        for (key, value) in [("contact", contact), ("invoice_title", invoiceTitle), ("tax_number", taxNumber)] where value != nil {
            detail.append((key, .string(value)))
        }
        try journal(.customerAdd, entity: "customer", id: created.reference, detail: detail)
        return created
    }

    /// Changes a customer's fields; `changes` holds only the fields to change.
    public func updateCustomer(_ customer: Customer, changes: [(field: String, value: String?)]) throws -> Customer {
        var updated = customer
        for change in changes {
            switch change.field {
            case "name": updated.name = change.value ?? updated.name
            case "phone":
                let phone = change.value ?? updated.phone
                if let other = try self.customer(phone: phone), other.id != customer.id {
                    throw ConflictRefusal.phoneOfAnotherCustomer(phone: phone, customer: other.reference, name: other.name)
                }
                updated.phone = phone
            case "company": updated.company = change.value
            case "address": updated.address = change.value
            case "contact": updated.contact = change.value
            case "invoice_title": updated.invoiceTitle = change.value
            case "tax_number": updated.taxNumber = change.value
            default: continue
            }
        }
        try db.run("""
            UPDATE customers SET name = ?, phone = ?, company = ?, address = ?, contact = ?, invoice_title = ?, tax_number = ?
            WHERE id = ?
            """, [.text(updated.name), .text(updated.phone), SQLValue(updated.company), SQLValue(updated.address),
                  SQLValue(updated.contact), SQLValue(updated.invoiceTitle), SQLValue(updated.taxNumber), .integer(Int64(customer.id))])
        try journal(.customerSet, entity: "customer", id: customer.reference,
                    detail: changes.map { ($0.field, JSON.string($0.value)) })
        return updated
    }

    /// Customers whose name, phone or company contains `text`.
    public func findCustomers(_ text: String, limit: Int = 50) throws -> [Customer] {
        try db.rows(db.text(Self.customerSearch), [.likeContaining(text.replacingOccurrences(of: "%", with: "")), .integer(Int64(limit))],
                    customer(from:))
    }

    private static let customerSearch = PortableSQL.search { like in """
        SELECT \(customerColumns) FROM customers
        WHERE name \(like) ?1 ESCAPE '\\' OR phone \(like) ?1 ESCAPE '\\' OR company \(like) ?1 ESCAPE '\\'
        ORDER BY name, id LIMIT ?2
        """ }

    public func listCustomers(limit: Int = 100) throws -> [Customer] {
        try db.rows("SELECT \(Self.customerColumns) FROM customers ORDER BY id LIMIT ?", [.integer(Int64(limit))],
                    customer(from:))
    }

    public func customerCount() throws -> Int { try db.scalar("SELECT count(*) FROM customers") ?? 0 }
}
