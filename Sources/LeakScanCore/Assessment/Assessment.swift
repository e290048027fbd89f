/// An artifact judged under a policy (and optionally a baseline): its findings and the verdict they give.
public struct ArtifactAssessment: Hashable, Sendable {
    public let artifact: ArtifactReport
    /// Sorted by location, then rule.
    public let findings: [Finding]
    public let verdict: Verdict

    public init(_ artifact: ArtifactReport, policy: Policy = Policy(), baseline: Baseline? = nil) {
        self.artifact = artifact
        var findings = FindingCollector.findings(of: artifact)
        for index in findings.indices {
            findings[index].level = policy.level(of: findings[index])
            if let entry = policy.allow.first(where: { $0.matches(findings[index]) }) {
                findings[index].suppression = .allowed(reason: entry.reason)
            } else if let baseline, baseline.covers(findings[index]) {
                findings[index].suppression = .baseline
            }
        }
        self.findings = findings.sorted {
            if ($0.location, $0.rule) != ($1.location, $1.rule) { return ($0.location, $0.rule) < ($1.location, $1.rule) }
            let left = $0.secret.map { ($0.sourcePath, $0.line, $0.column, $0.ruleID) } ?? ("", 0, 0, "")
            let right = $1.secret.map { ($0.sourcePath, $0.line, $0.column, $0.ruleID) } ?? ("", 0, 0, "")
            return left < right
        }
        let active = findings.filter(\.isActive)
        if active.contains(where: { $0.level == .error && $0.rule != .scanIncomplete }) {
            verdict = .leak
        } else if active.contains(where: { $0.rule == .scanIncomplete }) {
            verdict = .incomplete
        } else if !active.isEmpty {
            verdict = .warn
        } else {
            verdict = .clean
        }
    }
}

/// A whole run judged under one policy: artifacts in input order; the worst verdict decides the exit code.
public struct ScanAssessment: Hashable, Sendable {
    public let report: ScanReport
    public let artifacts: [ArtifactAssessment]

    public init(_ report: ScanReport, policy: Policy = Policy(), baseline: Baseline? = nil) {
        self.init(report, baseline: baseline) { _ in policy }
    }

    /// Each artifact judged by its own policy (the nearest policy file to each package).
    public init(_ report: ScanReport, baseline: Baseline? = nil, policyFor: (ArtifactReport) -> Policy) {
        self.report = report
        artifacts = report.artifacts.map { ArtifactAssessment($0, policy: policyFor($0), baseline: baseline) }
    }

    public var verdict: Verdict { artifacts.map(\.verdict).max() ?? .clean }
    public var exitCode: Int32 { verdict.exitCode }
}
