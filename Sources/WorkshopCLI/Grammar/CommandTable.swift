import WorkshopModel

/// Every command, found by name or alias.
struct CommandTable: Sendable {
    let commands: [CommandSpec]
    private let byName: [String: Int]

    init(_ commands: [CommandSpec]) {
        self.commands = commands
        var index: [String: Int] = [:]
        for (position, command) in commands.enumerated() {
            for word in [command.name] + command.aliases { index[word.lowercased()] = position }
        }
        self.byName = index
    }

    func find(_ word: String) -> CommandSpec? { byName[word.lowercased()].map { commands[$0] } }

    var allWords: [String] { commands.flatMap { [$0.name] + $0.aliases } }
}

/// "Did you mean": the closest candidate by edit distance, if it is close enough to be a typo.
enum Suggest {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lower, candidate.lowercased())
            if distance <= max(1, candidate.count / 3), distance < (best?.1 ?? .max) {
                best = (candidate, distance)
            }
        }
        if best == nil, let prefixed = candidates.first(where: { $0.hasPrefix(lower) && lower.count >= 2 }) {
            return prefixed
        }
        return best?.0
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

/// Who may run a form: a form with roles needs someone signed in who holds one; reading needs
/// someone signed in; a session form without roles (help, login, quit) anyone. It reads the
/// parsed form, never the words of the line.
enum Permission {
    static func check(_ invocation: Invocation, session s: Session) throws {
        guard invocation.form.access != .session || invocation.form.roles != nil else { return }
        guard let member = s.signedIn else { throw PermissionRefusal.signInFirst }
        guard let needed = invocation.form.roles else { return }
        guard needed.contains(where: member.has) else {
            throw PermissionRefusal.roleNeeded(command: invocation.label, needed: Role.allCases.filter(needed.contains),
                                               person: member.name, has: member.roles)
        }
    }
}
