/// The immutable result of one run: artifacts in input order, plus overall totals.
public struct ScanReport: Hashable, Sendable {
    public let artifacts: [ArtifactReport]
    /// Totals over every artifact's maps (de-duplication spans artifacts), computed once; a single artifact's are
    /// already known.
    public let totals: ExposureTotals

    public init(artifacts: [ArtifactReport]) {
        self.artifacts = artifacts
        self.totals = artifacts.count == 1 ? artifacts[0].totals : ExposureTotals(maps: artifacts.flatMap(\.maps))
    }
}
