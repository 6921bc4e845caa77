/// Spaces around typed text, as `CharacterSet.whitespaces` has them (a tab, and every space
/// separator: the ASCII space, the ideographic space 　, no-break spaces), in plain Swift:
/// Foundation's `trimmingCharacters(in:)` bridges through NSString, and was a fifth of the time
/// it took to read a command line.
extension StringProtocol {
    /// The text without the spaces around it.
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isSpaceOrTab }) else { return "" }
        let last = lastIndex(where: { !$0.isSpaceOrTab })!
        return String(self[first...last])
    }

    /// Nothing but spaces (or nothing at all).
    var isBlank: Bool { allSatisfy(\.isSpaceOrTab) }
}

extension Character {
    var isSpaceOrTab: Bool {
        unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }
}
