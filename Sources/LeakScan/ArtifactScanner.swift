import ArchiveStream
import Foundation
public import LeakScanCore

/// Scans one artifact (archive, directory, single file or standard input) in one streaming pass, nothing on disk.
public struct ArtifactScanner: Sendable {
    public var limits: ScanLimits

    public init(limits: ScanLimits = ScanLimits()) {
        self.limits = limits
    }

    public func scan(_ input: ScanInput) -> ArtifactReport {
        let walk = ArtifactWalk(name: input.displayName, limits: limits)
        walk.run(input)
        return walk.report()
    }
}
