/// The immutable result of one run: artifacts in input order, plus overall totals.
public struct ScanReport: Hashable, Sendable {
    public let artifacts: [ArtifactReport]
    /// Totals over every artifact's maps (de-duplication spans artifacts), computed once; a single artifact's are
    /// already known.
    public let totals: ExposureTotals

    public init(artifacts: [ArtifactReport]) {
        self.artifacts = artifacts
        guard artifacts.count != 1 else {
            totals = artifacts[0].totals
            return
        }
        var ledger = ExposureLedger(tracksDirectories: false)
        for artifact in artifacts { ledger.merge(artifact.ledger) }
        totals = ledger.totals()
    }
}
