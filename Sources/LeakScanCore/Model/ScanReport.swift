/// The immutable result of one run: artifacts in input order, plus overall totals.
public struct ScanReport: Hashable, Sendable {
    public var artifacts: [ArtifactReport]

    public init(artifacts: [ArtifactReport]) {
        self.artifacts = artifacts
    }

    /// Totals over every artifact's maps (de-duplication spans artifacts).
    public var totals: ExposureTotals { ExposureTotals(maps: artifacts.flatMap(\.maps)) }

    /// The worst artifact verdict.
    public var verdict: Verdict { artifacts.map(\.verdict).max() ?? .clean }

    public var exitCode: Int32 { verdict.exitCode }
}
