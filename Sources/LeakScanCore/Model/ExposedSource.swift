/// One original source file whose text a map embeds.
public struct ExposedSource: Hashable, Sendable {
    /// Normalized path (see `SourcePath.normalize`), or `<unnamed #i>` when `sources` has no name for the entry.
    public let path: String
    public var stats: ContentStats
    /// First-party means the normalized path has no `node_modules` segment (decided once, here).
    public let isFirstParty: Bool
    /// Secrets and sensitive terms found in the decoded text, in text order (empty when the secret scan is off).
    public var secrets: [SecretHit] = []

    public init(path: String, stats: ContentStats) {
        self.path = path
        self.stats = stats
        isFirstParty = SourcePath.isFirstParty(path)
    }

    /// With the party decided by the caller (the map's location and the package's own scope take part in it).
    public init(path: String, stats: ContentStats, isFirstParty: Bool) {
        self.path = path
        self.stats = stats
        self.isFirstParty = isFirstParty
    }
}
