import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// Through the whole artifact path: a .tgz whose FNAME is longer than the 1 MiB read block, scanned
/// several times, always gives the same leak (before the header was parsed here, ISA-L failed it: FHCRC was not read).
@Suite struct LongGzipHeaderArtifactTests {
    @Test func tarballWithHeaderFieldsLongerThanAReadBlockIsScannedTheSameEveryTime() throws {
        let tar = ArchiveBuilder.build(
            .tar, [.text("package/dist/app.js.map", MapText.map(sources: ["src/a.ts"], contents: ["a\n"]))])
        let compressed = Array(ArchiveBuilder.build(.raw, filter: .gzip, [.file("x", tar)]))
        var header: [UInt8] = [0x1F, 0x8B, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF]
        header += [UInt8](repeating: 0x41, count: 65_535) + [UInt8](repeating: 0x62, count: 1_200_000) + [0]
        header += Array("a comment".utf8) + [0]
        let crc = CRC32.checksum(header)
        header += [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF)]
        let directory = TemporaryDirectory()
        for inflateAhead in [true, false, true] {
            var limits = ScanLimits()
            limits.inflateAhead = inflateAhead
            let report = ArtifactScanner(limits: limits).scan(
                .path(directory.write("long-header.tgz", header + compressed.dropFirst(10))))
            #expect(report.diagnostics.isEmpty)
            #expect(report.verdict == .leak)
            #expect(report.maps.map(\.location.member) == ["package/dist/app.js.map"])
        }
    }

}
