import Dispatch
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
public import LeakScanCore

/// Scans many artifacts with at most `jobs` at a time and returns them in input order. `jobs` is the number of cores to
/// use: a core left over (fewer artifacts than jobs) inflates gzip ahead of the scan. Workers take the largest files
/// first, so one big artifact does not finish alone at the end while the other cores idle; the last artifacts, which
/// finish while other workers run out of work, inflate ahead too, on the cores those workers leave.
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
        let order = Self.largestFirst(inputs)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let position = next.take(below: order.count) {
                let index = order[position]
                var worker = scanner
                worker.limits.inflateAhead = jobs > workers || order.count - position < workers
                results.store(worker.scan(inputs[index]), at: index)
            }
        }
        return ScanReport(artifacts: results.values)
    }

    /// Input indices by file size, largest first (standard input and directories, of unknown size, first of all).
    /// Sizes come from `stat`: Foundation's file attributes also look up owner names (NSS, `/etc/passwd`).
    static func largestFirst(_ inputs: [ScanInput]) -> [Int] {
        guard inputs.count > 1 else { return Array(inputs.indices) }
        let sizes = inputs.map { input -> Int in
            var status = stat()
            guard case .path(let path) = input, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                return Int.max
            }
            return Int(status.st_size)
        }
        return inputs.indices.sorted { (sizes[$1], $0) < (sizes[$0], $1) }
    }
}
