import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// The artifact's SHA-256 and size are computed only for the reports that carry them (`ScanLimits.hashesInput`).
@Suite struct InputHashingTests {
    static let tgz = ArchiveBuilder.build(
        .tar, filter: .gzip, [.text("package/dist/app.js.map", ArtifactScannerTests.leakingMap)])

    @Test func hashingOnGivesTheDigestAndSizeOfTheBytes() throws {
        let report = ArtifactScannerTests.scan("on.tgz", Self.tgz)
        let sha256sum = String(decoding: try ToolOutput.run(["sha256sum"], input: Self.tgz), as: UTF8.self)
        #expect(report.input.format == "tar.gzip")
        #expect(report.input.size == Int64(Self.tgz.count))
        #expect(report.input.sha256.map { sha256sum.hasPrefix($0 + " ") } == true)
    }

    @Test func hashingOffReadsNothingMoreAndReportsTheSameFindings() {
        var limits = ScanLimits()
        limits.hashesInput = false
        let off = ArtifactScannerTests.scan("off.tgz", Self.tgz, limits: limits)
        let on = ArtifactScannerTests.scan("off.tgz", Self.tgz)
        #expect(off.input.format == "tar.gzip")
        #expect(off.input.sha256 == nil)
        #expect(off.input.size == nil)
        #expect(off.maps.map(\.summary) == on.maps.map(\.summary))
        #expect(off.verdict == on.verdict)
    }
}
