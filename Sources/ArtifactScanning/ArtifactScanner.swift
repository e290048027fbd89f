import ArchiveStream
public import LeakScanCore

/// Scans one artifact (archive, directory, single file or standard input) in one streaming pass, nothing on disk.
public struct ArtifactScanner: Sendable {
    public var limits: ScanLimits
    /// Told about each member and every few MiB, when someone shows progress.
    public var progress: (any ScanProgress)?

    /// The secret scan over every decoded `sourcesContent` entry; on by default (built-in rules), nil turns it off.
    public var secrets: SecretScanning?

    public init(
        limits: ScanLimits = ScanLimits(), progress: (any ScanProgress)? = nil,
        secrets: SecretScanning? = SecretRuleSet.builtIn
    ) {
        self.limits = limits
        self.progress = progress
        self.secrets = secrets
    }

    public func scan(_ input: ScanInput) -> ArtifactReport {
        scan(input, displayName: input.displayName)
    }

    /// Scans `input` under another name and origin in the report (a packed tarball is named after its package folder).
    public func scan(_ input: ScanInput, displayName: String, origin: ArtifactReport.Origin? = nil) -> ArtifactReport {
        let walk = ArtifactWalk(name: displayName, origin: origin, limits: limits, progress: progress, secrets: secrets)
        walk.run(input)
        return walk.report()
    }
}
