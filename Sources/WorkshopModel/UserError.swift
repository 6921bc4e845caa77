/// A refusal a person can act on: what was wrong and what is accepted. A command that throws one
/// changes nothing.
public struct UserError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
