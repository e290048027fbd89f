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

    /// The totals of `findings` (their sources still attached), as `ExposureLedger` aggregates them.
    public init(maps findings: [MapFinding]) {
        if findings.count == 1, findings[0].totals.maps == 1 {
            self = findings[0].totals
            return
        }
        self = ExposureLedger(maps: findings).totals()
    }
}
