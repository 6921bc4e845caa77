import Foundation
import SQLite
import Testing
import WorkshopModel
import WorkshopStore
@testable import WorkshopCLI

/// Tests generated from the command table itself: every form of every command, as every role.
/// What `help` and `help roles` say is what the permission check enforces, because both read the
/// same declaration; these tests hold the declaration to it.
@Suite("Every command as every role")
struct GrammarDeclarationTests {
    /// Every form that is run by someone signed in, with its command.
    static let forms: [(command: CommandSpec, index: Int)] = Commands.all.flatMap { command in
        command.forms.indices.map { (command, $0) }
    }

    @Test func everyFormHasAnExampleThatParsesToThatForm() throws {
        let parser = Parser(table: CommandTable(Commands.all), context: ParseContext(zone: .shanghai, now: Timestamp(seconds: 1_795_309_200)))
        for (command, index) in Self.forms {
            let form = command.forms[index]
            #expect(!form.examples.isEmpty, "\(command.name) form \(index + 1) has no example")
            for example in form.examples {
                do {
                    let invocation = try #require(try parser.parse(example))
                    #expect(invocation.command.name == command.name, "\(example) parsed as \(invocation.command.name)")
                    #expect(invocation.formIndex == index,
                            "\(example) is an example of \(command.name) form \(index + 1) but parses as form \(invocation.formIndex + 1)")
                } catch {
                    Issue.record("\(example) does not parse: \(Wording(language: .en, zone: .shanghai).refusal(error).text)")
                }
            }
        }
    }

    /// Each person has exactly one role; a refused line names the roles that may run it and changes nothing.
    @Test func aRoleNotAllowedIsRefusedNamingTheRoleNeededAndNothingChanges() throws {
        let folder = NSTemporaryDirectory() + "workshop-roles-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/shop.db"
        let store = try Store(path: path, context: ChangeContext(actor: "test", command: "", now: Timestamp(seconds: 1_795_309_200)))
        var members: [Role: StaffMember] = [:]
        try store.write {
            for role in Role.allCases {
                members[role] = try store.saveStaff(name: "只有\(role.chinese)", roles: [role], group: role == .technician ? "一组" : nil)
            }
        }
        let session = Session(store: store, user: "test", now: Timestamp(seconds: 1_795_309_200), format: .text)
        session.documentsDirectory = folder + "/documents"
        let before = try Workshop.fingerprint(of: path)
        var refusals = 0
        for (command, index) in Self.forms {
            let form = command.forms[index]
            guard form.access != .session, let allowed = form.roles else { continue }
            for role in Role.allCases where !allowed.contains(role) {
                session.signedIn = members[role]
                session.user = members[role]!.name
                for example in form.examples {
                    guard case .failure(let code, let message) = session.execute(example) else {
                        Issue.record("\(example) ran for \(role.code), who may not run it"); continue
                    }
                    #expect(code == "permission.role-needed", "\(example) as \(role.code): \(message)")
                    for needed in allowed { #expect(message.contains(needed.chinese), "\(example) as \(role.code): \(message)") }
                    refusals += 1
                }
            }
        }
        #expect(refusals > 100)
        #expect(try Workshop.fingerprint(of: path) == before, "a refused line changed the database")
    }

    /// The roles a form allows pass the permission check; anyone signed in may read.
    @Test func everyRoleAllowedPassesThePermissionCheck() throws {
        let parser = Parser(table: CommandTable(Commands.all), context: ParseContext(zone: .shanghai, now: Timestamp(seconds: 1_795_309_200)))
        let folder = NSTemporaryDirectory() + "workshop-roles-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store(path: folder + "/shop.db", context: ChangeContext(actor: "test", command: "", now: Timestamp(seconds: 0)))
        let session = Session(store: store, user: "test", now: nil, format: .text)
        for (command, index) in Self.forms {
            let form = command.forms[index]
            for role in Role.allCases where form.roles?.contains(role) ?? true {
                session.signedIn = StaffMember(id: 1, name: "x", roles: [role], group: nil)
                for example in form.examples {
                    guard let invocation = try? parser.parse(example) else { continue }
                    #expect(throws: Never.self, "\(example) as \(role.code)") { try Permission.check(invocation, session: session) }
                }
            }
        }
    }

    @Test func helpRolesShowsWhatThePermissionCheckEnforces() throws {
        let folder = NSTemporaryDirectory() + "workshop-roles-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store(path: folder + "/shop.db", context: ChangeContext(actor: "test", command: "", now: Timestamp(seconds: 0)))
        let session = Session(store: store, user: "test", now: nil, format: .json)
        let output = Help.roles(session)
        guard case .object(let fields) = output.json, case .array(let rows)? = fields.first(where: { $0.0 == "permissions" })?.1 else {
            Issue.record("help roles has no permissions"); return
        }
        for (command, index) in Self.forms where command.forms[index].access == .write {
            let form = command.forms[index]
            let label = ([command.name] + form.keywords).joined(separator: " ")
            let row = rows.first {
                guard case .object(let fields) = $0 else { return false }
                return fields.contains { $0.0 == "command" && $0.1 == .string(label) } && fields.contains { $0.0 == "writes" && $0.1 == .bool(true) }
            }
            guard case .object(let rowFields)? = row, case .array(let roles)? = rowFields.first(where: { $0.0 == "roles" })?.1 else {
                Issue.record("help roles does not list \(label)"); continue
            }
            #expect(roles == Help.roles(form).map { JSON.string($0.code) }, "\(label)")
        }
    }
}
