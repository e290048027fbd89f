/// Exposure accepted earlier: fingerprints with the lines they exposed then. A finding in the baseline is suppressed
/// unless it grew; anything new fails as usual.
public struct Baseline: Hashable, Sendable {
    public var exposedLines: [String: Int]

    /// From the fingerprints of an earlier report's findings with the lines each exposed (0 for references).
    public init(exposure: [(fingerprint: String, lines: Int)]) {
        exposedLines = Dictionary(exposure, uniquingKeysWith: max)
    }

    func covers(_ finding: Finding) -> Bool {
        guard finding.rule != .scanIncomplete, let lines = exposedLines[finding.fingerprint] else { return false }
        return (finding.exposed?.lines ?? 0) <= lines
    }
}
