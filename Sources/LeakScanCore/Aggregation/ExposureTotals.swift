/// Totals over a set of maps: raw, de-duplicated by normalized path and by content hash, and split by party.
public struct ExposureTotals: Hashable, Sendable, Codable {
    public var maps = 0
    public var mapsWithContent = 0
    /// Maps that name sources but embed none of their text.
    public var namesOnlyMaps = 0
    /// Every non-null `sourcesContent` entry, duplicates included.
    public var raw = ExposureCount()
    /// One per normalized path; lines and bytes are the largest among duplicates.
    public var uniqueByPath = ExposureCount()
    /// One per distinct content hash.
    public var uniqueByContent = ExposureCount()
    /// Unique by path, without a `node_modules` segment.
    public var firstParty = ExposureCount()
    /// Unique by path, under `node_modules`.
    public var thirdParty = ExposureCount()

    public init() {}

    public init(maps findings: [MapFinding]) {
        if findings.count == 1, findings[0].totals.maps == 1 {
            self = findings[0].totals
            return
        }
        var byPath: [String: (stats: ContentStats, isFirstParty: Bool)] = [:]
        var byContent: [ContentDigest: ContentStats] = [:]
        for finding in findings {
            maps += 1
            if finding.exposesContent { mapsWithContent += 1 }
            if !finding.exposesContent, finding.summary.sourcesCount > 0 { namesOnlyMaps += 1 }
            for source in finding.summary.exposed {
                raw.add(source.stats)
                byPath[source.path] = (Self.larger(byPath[source.path]?.stats, source.stats), source.isFirstParty)
                byContent[source.stats.digest] = Self.larger(byContent[source.stats.digest], source.stats)
            }
        }
        for (stats, isFirstParty) in byPath.values {
            uniqueByPath.add(stats)
            if isFirstParty { firstParty.add(stats) } else { thirdParty.add(stats) }
        }
        for stats in byContent.values {
            uniqueByContent.add(stats)
        }
    }

    /// Of two duplicates, the larger lines and bytes, so the result does not depend on the order maps were read.
    private static func larger(_ kept: ContentStats?, _ new: ContentStats) -> ContentStats {
        guard let kept else { return new }
        return ContentStats(
            lines: max(kept.lines, new.lines), bytes: max(kept.bytes, new.bytes), digest: min(kept.digest, new.digest))
    }
}
