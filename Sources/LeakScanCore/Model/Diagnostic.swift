/// A part of an artifact that could not be fully read; any diagnostic makes the artifact's result incomplete.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public var location: Location
    public var message: String
    /// The limit that was crossed and the flag that raises it, when a limit is the cause.
    public var limit: String?

    public init(location: Location, message: String, limit: String? = nil) {
        self.location = location
        self.message = message
        self.limit = limit
    }

    /// One line for standard error: the chained location, then the message.
    public var line: String { "\(location): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}
