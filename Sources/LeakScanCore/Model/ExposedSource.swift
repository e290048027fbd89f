/// One original source file whose text a map embeds.
public struct ExposedSource: Hashable, Sendable {
    /// Normalized path (see `SourcePath.normalize`), or `<unnamed #i>` when `sources` has no name for the entry.
    public var path: String
    public var stats: ContentStats

    public init(path: String, stats: ContentStats) {
        self.path = path
        self.stats = stats
    }

    /// First-party means the normalized path has no `node_modules` segment.
    public var isFirstParty: Bool { SourcePath.isFirstParty(path) }
}
