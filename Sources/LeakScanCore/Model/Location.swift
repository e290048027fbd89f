/// Where something was found: the artifact, then each member path down through nested archives.
public struct Location: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// `["outer.whl", "share/ext.tgz", "package/dist/index.js.map"]` — artifact first, innermost member last.
    public var chain: [String]

    public init(_ chain: [String]) {
        self.chain = chain
    }

    /// The chain joined with `!`, the notation used in every output: `outer.whl!share/ext.tgz!package/a.js.map`.
    public var description: String { chain.joined(separator: "!") }

    /// The innermost member path (or the artifact name when the chain has one element).
    public var member: String { chain.last ?? "" }

    public func appending(_ member: String) -> Location {
        var longer = [String]()
        longer.reserveCapacity(chain.count + 1)
        longer += chain
        longer.append(member)
        return Location(longer)
    }

    public static func < (lhs: Location, rhs: Location) -> Bool {
        lhs.chain.lexicographicallyPrecedes(rhs.chain)
    }

    public init(from decoder: any Decoder) throws {
        chain = try decoder.singleValueContainer().decode(String.self).split(separator: "!", omittingEmptySubsequences: false).map(String.init)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
