/// Totals over a set of maps, aggregated as each map is added: one small record per distinct path (keyed by a hash of
/// it) and per distinct content, never the sources themselves, so an artifact's memory does not hold every map's
/// source names until its end. Dedup keys and counts are those of the counting rules (README, "Counting").
///
/// At most `maxDistinct` records per table: a source whose path (or content) would be one more is counted without
/// de-duplication (each occurrence once, in its party) and `overflowed` says so, so memory stays bounded however many
/// maps an artifact holds and no source goes uncounted.
public struct ExposureLedger: Hashable, Sendable {
    private var maps = 0
    private var mapsWithContent = 0
    private var namesOnlyMaps = 0
    private var raw = ExposureCount()
    private var byPath = ShardedTable<PathKey, PathRecord>()
    private var byContent = ShardedTable<ContentDigest, Extent>()
    /// Own-scope candidates (`@acme`) of sources whose party waits for the artifact's `package.json`.
    private var scopes: [String] = []
    private var scopeIDs: [String: Int32] = [:]
    /// Top directories (`src/tools/`) of distinct paths, each name kept once.
    private var directories: [String] = []
    private var directoryIDs: [String: Int32] = [:]
    private let tracksDirectories: Bool
    /// Most records kept per table.
    public let maxDistinct: Int
    /// Sources past `maxDistinct` distinct paths, by party code (as `PathRecord.party`), and past `maxDistinct`
    /// distinct contents: counted, not de-duplicated.
    private var pathOverflow: [Int32: ExposureCount] = [:]
    private var contentOverflow = ExposureCount()
    /// True once a source was counted without de-duplication (the artifact reports the limit).
    public var overflowed: Bool { !pathOverflow.isEmpty || contentOverflow.files > 0 }

    /// Lines and bytes of one distinct source: the largest among its duplicates.
    private struct Extent: Hashable, Sendable {
        var lines: Int
        var bytes: Int

        mutating func widen(lines: Int, bytes: Int) {
            self.lines = max(self.lines, lines)
            self.bytes = max(self.bytes, bytes)
        }
    }

    private struct PathRecord: Hashable, Sendable {
        var extent: Extent
        /// `firstParty`, `thirdParty`, or the index of a scope in `scopes`; the last map to name the path decides.
        var party: Int32
        var directory: Int32
    }

    private static let firstParty: Int32 = -1
    private static let thirdParty: Int32 = -2
    /// How many levels of directory group the paths (`src/tools/`).
    static let directoryDepth = 2

    /// `tracksDirectories`: also group first-party paths by top directory (a single map's totals need no grouping).
    public init(tracksDirectories: Bool = true, maxDistinct: Int = .max) {
        self.tracksDirectories = tracksDirectories
        self.maxDistinct = maxDistinct
    }

    /// The ledger of `findings`, added in order.
    public init(maps findings: [MapFinding]) {
        self.init()
        for finding in findings { add(finding) }
    }

    /// Counts one map and its exposed sources (read from `finding.summary.exposed`: add a finding before
    /// `MapFinding.condensed()` drops them).
    public mutating func add(_ finding: MapFinding) {
        add(finding.summary, identities: finding.identities)
    }

    /// Counts one map's summary; `identities` are those of `summary.exposed`, element by element.
    mutating func add(_ summary: SourceMapSummary, identities: [SourceIdentity]) {
        maps += 1
        if !summary.exposed.isEmpty { mapsWithContent += 1 }
        if summary.exposed.isEmpty, summary.sourcesCount > 0 { namesOnlyMaps += 1 }
        byPath.reserveCapacity(byPath.count + identities.count)
        byContent.reserveCapacity(byContent.count + identities.count)
        for (source, identity) in zip(summary.exposed, identities) {
            add(source, identity: identity)
        }
    }

    private mutating func add(_ source: ExposedSource, identity: SourceIdentity) {
        let stats = source.stats
        raw.add(stats)
        let party = partyCode(identity.party)
        let key = identity.key
        if var record = byPath[key] {
            record.extent.widen(lines: stats.lines, bytes: stats.bytes)
            record.party = party
            byPath[key] = record
        } else if byPath.count < maxDistinct {
            byPath[key] = PathRecord(
                extent: Extent(lines: stats.lines, bytes: stats.bytes), party: party, directory: directoryID(of: source.path))
        } else {
            pathOverflow[party, default: ExposureCount()].add(stats)
        }
        if var extent = byContent[stats.digest] {
            extent.widen(lines: stats.lines, bytes: stats.bytes)
            byContent[stats.digest] = extent
        } else if byContent.count < maxDistinct {
            byContent[stats.digest] = Extent(lines: stats.lines, bytes: stats.bytes)
        } else {
            contentOverflow.add(stats)
        }
    }

    private mutating func partyCode(_ party: SourceParty) -> Int32 {
        guard case .firstPartyIfOwnScope(let scope) = party else {
            return party == .firstParty ? Self.firstParty : Self.thirdParty
        }
        if let id = scopeIDs[scope] { return id }
        let id = Int32(scopes.count)
        scopes.append(scope)
        scopeIDs[scope] = id
        return id
    }

    private mutating func directoryID(of path: String) -> Int32 {
        tracksDirectories ? directoryID(named: Self.directory(of: path)) : 0
    }

    /// The first `directoryDepth` directory levels of a path (`src/tools/`), or `./` for a file at the top. Written
    /// into the result in one pass: this runs for every distinct path of every artifact.
    static func directory(of path: String) -> String {
        SourcePath.withBytes(path) { bytes in
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: directoryDepth + 1) { segments in
                var found = 0
                SourcePath.forEachSegment(bytes) { segment in
                    let start = segment.baseAddress! - bytes.baseAddress!
                    segments[found] = start..<(start + segment.count)
                    found += 1
                    return found <= directoryDepth
                }
                // A segment is a directory level when another segment follows it.
                let levels = min(directoryDepth, found - 1)
                guard levels > 0 else { return "./" }
                let length = segments[..<levels].reduce(levels) { $0 + $1.count }
                return String(unsafeUninitializedCapacity: length) { output in
                    var count = 0
                    for segment in segments[..<levels] {
                        for index in segment {
                            output[count] = bytes[index]
                            count += 1
                        }
                        output[count] = UInt8(ascii: "/")
                        count += 1
                    }
                    return count
                }
            }
        }
    }

    private func isFirstParty(_ party: Int32, ownScope: String?) -> Bool {
        switch party {
        case Self.firstParty: true
        case Self.thirdParty: false
        default: scopes[Int(party)] == ownScope
        }
    }

    /// The same ledger with every party decided by the artifact's own scope (nil: it has none).
    public func resolved(ownScope: String?) -> ExposureLedger {
        guard !scopes.isEmpty else { return self }
        var resolved = self
        for (key, record) in byPath.entries where record.party >= 0 {
            resolved.byPath[key]?.party = isFirstParty(record.party, ownScope: ownScope) ? Self.firstParty : Self.thirdParty
        }
        resolved.pathOverflow = [:]
        for (party, count) in pathOverflow {
            let decided = isFirstParty(party, ownScope: ownScope) ? Self.firstParty : Self.thirdParty
            resolved.pathOverflow[decided, default: ExposureCount()].add(count)
        }
        resolved.scopes = []
        resolved.scopeIDs = [:]
        return resolved
    }

    /// Raw, de-duplicated and per-party totals.
    public func totals(ownScope: String? = nil) -> ExposureTotals {
        var totals = ExposureTotals()
        totals.maps = maps
        totals.mapsWithContent = mapsWithContent
        totals.namesOnlyMaps = namesOnlyMaps
        totals.raw = raw
        for (_, record) in byPath.entries {
            totals.uniqueByPath.add(lines: record.extent.lines, bytes: record.extent.bytes)
            if isFirstParty(record.party, ownScope: ownScope) {
                totals.firstParty.add(lines: record.extent.lines, bytes: record.extent.bytes)
            } else {
                totals.thirdParty.add(lines: record.extent.lines, bytes: record.extent.bytes)
            }
        }
        for (_, extent) in byContent.entries {
            totals.uniqueByContent.add(lines: extent.lines, bytes: extent.bytes)
        }
        for (party, count) in pathOverflow {
            totals.uniqueByPath.add(count)
            if isFirstParty(party, ownScope: ownScope) {
                totals.firstParty.add(count)
            } else {
                totals.thirdParty.add(count)
            }
        }
        totals.uniqueByContent.add(contentOverflow)
        return totals
    }

    /// Unique-by-path counts of the sources that are first-party only under a given own scope, by scope: what moves
    /// from third- to first-party once the scope is known.
    func ownScopeShifts() -> [String: ExposureCount] {
        var shifts: [String: ExposureCount] = [:]
        for (_, record) in byPath.entries where record.party >= 0 {
            shifts[scopes[Int(record.party)], default: ExposureCount()].add(
                lines: record.extent.lines, bytes: record.extent.bytes)
        }
        for (party, count) in pathOverflow where party >= 0 {
            shifts[scopes[Int(party)], default: ExposureCount()].add(count)
        }
        return shifts
    }

    /// First-party distinct paths grouped by top directory, largest first (ties by name), at most `limit` groups.
    public func topDirectories(ownScope: String? = nil, limit: Int) -> [DirectoryExposure] {
        guard tracksDirectories else { return [] }
        var groups: [Int32: ExposureCount] = [:]
        for (_, record) in byPath.entries where isFirstParty(record.party, ownScope: ownScope) {
            groups[record.directory, default: ExposureCount()].add(lines: record.extent.lines, bytes: record.extent.bytes)
        }
        return groups.map { DirectoryExposure(directory: directories[Int($0.key)], count: $0.value) }
            .sorted { ($1.count.lines, $0.directory) < ($0.count.lines, $1.directory) }
            .prefix(limit).map { $0 }
    }

    /// Adds another artifact's ledger (both resolved): de-duplication then spans both, and a path's party is the one
    /// `other` gives it, as if its maps came after these.
    public mutating func merge(_ other: ExposureLedger) {
        maps += other.maps
        mapsWithContent += other.mapsWithContent
        namesOnlyMaps += other.namesOnlyMaps
        raw.files += other.raw.files
        raw.lines += other.raw.lines
        raw.bytes += other.raw.bytes
        for (key, record) in other.byPath.entries {
            var merged = record
            merged.directory =
                tracksDirectories && other.tracksDirectories ? directoryID(named: other.directories[Int(record.directory)]) : 0
            if let kept = byPath[key] { merged.extent.widen(lines: kept.extent.lines, bytes: kept.extent.bytes) }
            byPath[key] = merged
        }
        for (digest, extent) in other.byContent.entries {
            var merged = byContent[digest] ?? extent
            merged.widen(lines: extent.lines, bytes: extent.bytes)
            byContent[digest] = merged
        }
        for (party, count) in other.pathOverflow {
            pathOverflow[party, default: ExposureCount()].add(count)
        }
        contentOverflow.add(other.contentOverflow)
    }

    private mutating func directoryID(named name: String) -> Int32 {
        if let id = directoryIDs[name] { return id }
        let id = Int32(directories.count)
        directories.append(name)
        directoryIDs[name] = id
        return id
    }
}
