/// Something worth knowing that does not make the scan incomplete (a malformed map, an undecodable inline payload).
public struct Note: Hashable, Sendable, Comparable {
    public var location: Location
    public var message: String

    public init(location: Location, message: String) {
        self.location = location
        self.message = message
    }

    public static func < (lhs: Note, rhs: Note) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}
