/// A `sourceMappingURL` comment whose value is a URL rather than an inline map.
public struct Reference: Hashable, Sendable {
    public enum Status: String, Sendable, Codable {
        /// Resolves to a member of the same archive.
        case present
        /// Points at a member that is not shipped.
        case missing
        /// An `http(s)://` or protocol-relative URL: the map may be public on a CDN.
        case remote
    }

    /// The file that carries the comment, at the byte offset of its `sourceMappingURL=`.
    public var location: Location
    public var url: String
    public var status: Status
    /// The last `sourceMappingURL` in a file is the one tools follow.
    public var isEffective: Bool

    public init(location: Location, url: String, status: Status, isEffective: Bool) {
        self.location = location
        self.url = url
        self.status = status
        self.isEffective = isEffective
    }
}
