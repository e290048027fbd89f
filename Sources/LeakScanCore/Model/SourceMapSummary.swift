/// Everything the tokenizer learned from one source map, without ever holding the map.
public struct SourceMapSummary: Hashable, Sendable {
    /// Number of entries in `sources` (summed over sections for an index map).
    public var sourcesCount: Int
    /// One element per non-null `sourcesContent` string.
    public var exposed: [ExposedSource]
    /// Normalized names of sources that have no content: a names-only map still tells what the project contains.
    public var namesOnly: Int
    /// True when the map is an index map (`sections`).
    public var isIndexMap: Bool
    /// `sections[].url` values: maps referenced, not embedded.
    public var sectionURLs: [String]
    /// Things a reader should know: truncation, malformed JSON after the content, mismatched lengths.
    public var notes: [MapNote]
    /// Set when a safety limit (nesting depth, entry cap) stopped part of the map from being read.
    public var limitHit: Limit?
    /// Where in the map the limit was crossed, when the tokenizer knows.
    public var limitHitAt: Int?

    public init(
        sourcesCount: Int = 0, exposed: [ExposedSource] = [], namesOnly: Int = 0, isIndexMap: Bool = false,
        sectionURLs: [String] = [], notes: [MapNote] = [], limitHit: Limit? = nil, limitHitAt: Int? = nil
    ) {
        self.sourcesCount = sourcesCount
        self.exposed = exposed
        self.namesOnly = namesOnly
        self.isIndexMap = isIndexMap
        self.sectionURLs = sectionURLs
        self.notes = notes
        self.limitHit = limitHit
        self.limitHitAt = limitHitAt
    }
}
