import Dispatch
public import LeakScanCore

/// Scans many artifacts with at most `jobs` at a time and returns them in input order. `jobs` is the number of cores to
/// use: a core left over (fewer artifacts than jobs) inflates gzip ahead of the scan.
public struct BatchScan: Sendable {
    public var scanner: ArtifactScanner
    public var jobs: Int

    public init(scanner: ArtifactScanner, jobs: Int) {
        self.scanner = scanner
        self.jobs = max(1, jobs)
    }

    public func run(_ inputs: [ScanInput]) -> ScanReport {
        let results = ResultSlots(count: inputs.count)
        let workers = min(jobs, inputs.count)
        var configured = scanner
        configured.limits.inflateAhead = jobs > workers
        let worker = configured
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: inputs.count) {
                results.store(worker.scan(inputs[index]), at: index)
            }
        }
        return ScanReport(artifacts: results.values)
    }
}
