/// Caps that keep the tokenizer's memory bounded on hostile input; crossing one is reported, never silent.
public struct SourceMapTokenizerLimits: Sendable, Equatable {
    /// Deepest JSON nesting followed before the map is declared unreadable.
    public var maxJSONDepth: Int
    /// Deepest index-map (`sections`) nesting whose embedded maps are counted.
    public var maxSectionDepth: Int
    /// Longest `sources` / `sourceRoot` / `url` string kept; longer names are truncated with a note.
    public var maxNameBytes: Int
    /// Most `sources` and `sourcesContent` entries kept per map (real bundles have thousands).
    public var maxMapEntries: Int
    /// Deepest level of maps nested in `sourcesContent` entries that is decoded and counted.
    public var maxNestedMapDepth: Int

    public init(
        maxJSONDepth: Int = 512, maxSectionDepth: Int = 8, maxNameBytes: Int = 4096, maxMapEntries: Int = 100_000,
        maxNestedMapDepth: Int = 3
    ) {
        self.maxNestedMapDepth = maxNestedMapDepth
        self.maxJSONDepth = maxJSONDepth
        self.maxSectionDepth = maxSectionDepth
        self.maxNameBytes = maxNameBytes
        self.maxMapEntries = maxMapEntries
    }
}
