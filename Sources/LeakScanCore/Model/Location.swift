/// Where something was found: the artifact, then each member path down through nested archives, and where known the
/// byte offset inside the innermost member (an inline map's or a reference's `sourceMappingURL=`).
public struct Location: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// `["outer.whl", "share/ext.tgz", "package/dist/index.js.map"]` — artifact first, innermost member last. Member
    /// paths only: positions live in `byteOffset`, never in the chain.
    public var chain: [String]
    /// Offset inside the innermost member's (decompressed) bytes; nil when the whole member is meant.
    public var byteOffset: Int?

    public init(_ chain: [String], byteOffset: Int? = nil) {
        self.chain = chain
        self.byteOffset = byteOffset
    }

    /// The same member at a byte offset inside it.
    public func at(byteOffset: Int) -> Location {
        Location(chain, byteOffset: byteOffset)
    }

    /// The chain joined with `!`, the notation used in every output: `outer.whl!share/ext.tgz!package/a.js.map` (the
    /// offset is reported on its own).
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

    /// By chain, then by offset (the whole member first).
    public static func < (lhs: Location, rhs: Location) -> Bool {
        if lhs.chain != rhs.chain { return lhs.chain.lexicographicallyPrecedes(rhs.chain) }
        return (lhs.byteOffset ?? -1) < (rhs.byteOffset ?? -1)
    }

    /// Read back from JSON as the chain only (reports carry offsets in their own fields).
    public init(from decoder: any Decoder) throws {
        chain = try decoder.singleValueContainer().decode(String.self).split(separator: "!", omittingEmptySubsequences: false)
            .map(String.init)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
