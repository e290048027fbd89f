/// Exposure accepted earlier: fingerprints with the lines they exposed then. A finding in the baseline is suppressed
/// unless it grew; anything new fails as usual.
public struct Baseline: Hashable, Sendable {
    public var exposedLines: [String: Int]

    public init(findings: [Finding]) {
        exposedLines = Dictionary(findings.map { ($0.fingerprint, $0.exposed?.lines ?? 0) }, uniquingKeysWith: max)
    }

    func covers(_ finding: Finding) -> Bool {
        guard finding.rule != .scanIncomplete, let lines = exposedLines[finding.fingerprint] else { return false }
        return (finding.exposed?.lines ?? 0) <= lines
    }
}
