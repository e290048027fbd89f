import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

@Suite struct BatchScanTests {
    /// Many artifacts on four workers (the last three with their own inflate threads) come back in input order with
    /// the same reports as one at a time; run under ThreadSanitizer in CI's sanitizer pass.
    @Test func concurrentScansKeepInputOrderAndMatchSequentialOnes() {
        let directory = TemporaryDirectory()
        let inputs = (0..<12).map { index in
            let members: [ArchiveBuilder.Member] = (0...index).map {
                .text(
                    "package/m\($0).js.map",
                    MapText.map(sources: ["src/m\($0).ts"], contents: [String(repeating: "x\n", count: $0 + 1)]))
            }
            return ScanInput.path(directory.write("a\(index).tgz", ArchiveBuilder.build(.tar, filter: .gzip, members)))
        }
        let concurrent = BatchScan(scanner: ArtifactScanner(), jobs: 4).run(inputs)
        let sequential = BatchScan(scanner: ArtifactScanner(), jobs: 1).run(inputs)
        #expect(concurrent == sequential)
        #expect(concurrent.artifacts.map(\.totals.raw.files) == Array(1...12))
        #expect(concurrent.artifacts.map(\.name) == inputs.map(\.displayName))
    }
}
