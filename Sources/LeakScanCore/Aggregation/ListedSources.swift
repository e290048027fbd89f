/// The exposed sources a `--list-sources` report shows, kept as each map is found: maps in report order (by location,
/// maps at one location in the order found), sources in `sourcesContent` order, at most `limit` in all; the rest are
/// only counted, so listing costs memory in the limit, not in the artifact.
public struct ListedSources: Hashable, Sendable {
    /// One listed source, its party decided.
    public struct Entry: Hashable, Sendable {
        /// The map that embeds the source.
        public var map: Location
        /// The normalized source path.
        public var path: String
        public var firstParty: Bool
        public var lines: Int
        public var bytes: Int

        public init(map: Location, path: String, firstParty: Bool, lines: Int, bytes: Int) {
            self.map = map
            self.path = path
            self.firstParty = firstParty
            self.lines = lines
            self.bytes = bytes
        }
    }

    private struct Source: Hashable, Sendable {
        var path: String
        var party: SourceParty
        var lines: Int
        var bytes: Int
    }

    private struct Group: Hashable, Sendable {
        var map: Location
        var sources: [Source]
    }

    /// Most sources kept.
    public let limit: Int
    private var groups: [Group] = []
    private var kept = 0
    /// Every exposed source offered, listed or not.
    public private(set) var total = 0

    public init(limit: Int) {
        self.limit = limit
    }

    /// Offers one map's exposed sources (before `MapFinding.condensed()` drops them).
    public mutating func add(_ finding: MapFinding) {
        let exposed = finding.summary.exposed
        total += exposed.count
        guard !exposed.isEmpty, limit > 0 else { return }
        var index = 0
        var end = groups.count
        while index < end {
            let middle = (index + end) / 2
            if finding.location < groups[middle].map { end = middle } else { index = middle + 1 }
        }
        if index == groups.count, kept >= limit { return }
        let member = finding.location.member
        let sources = exposed.prefix(limit).map {
            Source(path: $0.path, party: SourceParty($0, mapMember: member), lines: $0.stats.lines, bytes: $0.stats.bytes)
        }
        groups.insert(Group(map: finding.location, sources: sources), at: index)
        kept += sources.count
        while kept > limit {
            let excess = kept - limit
            let last = groups.count - 1
            if groups[last].sources.count <= excess {
                kept -= groups.removeLast().sources.count
            } else {
                groups[last].sources.removeLast(excess)
                kept -= excess
            }
        }
    }

    /// The listed sources, parties decided by the artifact's own scope.
    public func entries(ownScope: String?) -> [Entry] {
        groups.flatMap { group in
            group.sources.map {
                Entry(
                    map: group.map, path: $0.path, firstParty: $0.party.isFirstParty(ownScope: ownScope), lines: $0.lines,
                    bytes: $0.bytes)
            }
        }
    }
}
