/// The inline maps of one file past `SourceMappingURLFinder.maxInlineMapsKept`, counted together as one finding so a
/// script of a million inline maps costs bounded memory: every map is decoded and counted, each distinct source
/// (path and content) is kept once, and past `maxMapEntries` distinct sources the finding reports the limit (fail
/// closed).
struct InlineMapOverflow {
    /// Offset of the first merged map's `sourceMappingURL` value.
    let offset: Int
    /// How many inline maps were merged.
    private(set) var count = 0
    private(set) var summary = SourceMapSummary()
    private var seen: Set<Source> = []

    private struct Source: Hashable {
        var path: String
        var digest: ContentDigest
    }

    /// Most distinct notes kept on the merged finding.
    private static let maxNotes = 64

    init(offset: Int) {
        self.offset = offset
    }

    /// Adds one map's sources (and the maps nested in its entries, already resolved) to the merged finding.
    mutating func merge(_ map: SourceMapSummary, maxEntries: Int) {
        count += 1
        summary.sourcesCount += map.sourcesCount
        summary.namesOnly += map.namesOnly
        summary.isIndexMap = summary.isIndexMap || map.isIndexMap
        if summary.limitHit == nil { summary.limitHit = map.limitHit }
        for note in map.notes where summary.notes.count < Self.maxNotes && !summary.notes.contains(note) {
            summary.notes.append(note)
        }
        for source in map.exposed where !seen.contains(Source(path: source.path, digest: source.stats.digest)) {
            guard summary.exposed.count < maxEntries else {
                if summary.limitHit == nil { summary.limitHit = .mapEntries(maxEntries) }
                break
            }
            seen.insert(Source(path: source.path, digest: source.stats.digest))
            summary.exposed.append(source)
        }
    }
}
