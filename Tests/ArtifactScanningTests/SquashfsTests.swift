import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// squashfs images (snap packages, AppImage payloads) built by `mksquashfs` with each compressor, extracted by the
/// real consumer `unsquashfs -d` inside the test, what it wrote counted by the independent `ExposureOracle`; leak-scan
/// reads the image itself (libsquashfs), at top level and nested, and must report exactly that.
@Suite(.enabled(if: ConsumerTool.exists("mksquashfs") && ConsumerTool.exists("unsquashfs"), "needs squashfs-tools"))
struct SquashfsTests {
    static func map(_ name: String, lines: Int) -> String {
        MapText.map(
            sources: ["src/\(name).ts"], contents: [(1...lines).map { "// \(name) \($0)" }.joined(separator: "\n") + "\n"])
    }

    /// A snap-like tree: a map and the script that references it, a hard link to the map (squashfs stores one inode
    /// under two names), a symbolic link to it (not followed), an inline map, a map larger than several data blocks,
    /// an empty file and a directory with nothing in it.
    static func writeTree(in directory: TemporaryDirectory) throws -> String {
        let root = directory.path + "/root"
        directory.write("root/dist/app.js.map", Array(map("app", lines: 7).utf8))
        directory.write("root/dist/app.js", Array("run()\n//# sourceMappingURL=app.js.map\n".utf8))
        directory.write(
            "root/lib/inline.js",
            Array("x()\n//# sourceMappingURL=data:application/json;base64,\(MapText.base64(map("inline", lines: 3)))\n".utf8))
        let big = (1...6000).map { "// big line \($0) of a source that spans several squashfs blocks" }.joined(separator: "\n")
        directory.write("root/vendor/big.js.map", Array(MapText.map(sources: ["src/big.ts"], contents: [big]).utf8))
        directory.write("root/empty.txt", [])
        try FileManager.default.createDirectory(atPath: root + "/meta/hooks", withIntermediateDirectories: true)
        try FileManager.default.linkItem(atPath: root + "/dist/app.js.map", toPath: root + "/dist/same.js.map")
        try FileManager.default.createSymbolicLink(atPath: root + "/latest.js.map", withDestinationPath: "dist/app.js.map")
        return root
    }

    /// `mksquashfs root image -comp <compressor>`: no padding, so every truncation cuts into the image.
    static func makeImage(_ directory: TemporaryDirectory, compressor: String, blockSize: String = "4K") throws -> String {
        let root = try writeTree(in: directory)
        let image = directory.path + "/app.snap"
        let made = try ConsumerTool.run(
            "mksquashfs",
            [root, image, "-comp", compressor, "-b", blockSize, "-noappend", "-nopad", "-all-root", "-quiet", "-no-progress"],
            in: directory.path)
        try #require(made.status == 0, "\(made.stderr)")
        return image
    }

    /// What `unsquashfs -d` wrote, counted without following symbolic links (leak-scan does not follow them either).
    static func unsquashfs(_ image: String, into out: String) throws -> ExposureOracle? {
        let result = try ConsumerTool.run("unsquashfs", ["-no-progress", "-d", out, image], in: "/")
        guard result.status == 0 else { return nil }
        var oracle = ExposureOracle()
        try oracle.count(directory: out, followingSymbolicLinks: false)
        return oracle
    }

    static func expectSame(_ report: ArtifactReport, _ oracle: ExposureOracle) {
        #expect(report.maps.count == oracle.maps)
        #expect(report.totals.raw == ExposureCount(files: oracle.files, lines: oracle.lines, bytes: oracle.bytes))
    }

    @Test(arguments: ["gzip", "xz", "zstd", "lz4", "lzma"])
    func imageIsReadAsUnsquashfsExtractsIt(compressor: String) throws {
        let directory = TemporaryDirectory()
        let image = try Self.makeImage(directory, compressor: compressor)
        let oracle = try #require(try Self.unsquashfs(image, into: directory.path + "/out"))
        #expect(oracle == ExposureOracle(maps: 4, files: 4, lines: 6017, bytes: 383_054))
        let report = ArtifactScanner().scan(.path(image))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        #expect(report.verdict == .leak)
        Self.expectSame(report, oracle)
        #expect(
            report.maps.map(\.location.member) == [
                "dist/app.js.map", "dist/same.js.map", "lib/inline.js", "vendor/big.js.map",
            ])
        #expect(report.references.map(\.status) == [.present])
        #expect(report.statistics.linksSkipped == 1)
        #expect(report.statistics.regularFiles == 6)
        #expect(report.statistics.directories == 5)
    }

    /// LZO is not in Debian's libsquashfs (GPL compressor, LGPL library): such an image is incomplete, never clean.
    @Test func lzoImageIsIncompleteNamingTheCompressor() throws {
        let directory = TemporaryDirectory()
        let image = try Self.makeImage(directory, compressor: "lzo")
        let report = ArtifactScanner().scan(.path(image))
        #expect(report.verdict == .incomplete)
        #expect(
            report.diagnostics.map(\.message) == [
                "archive unreadable after 0 members: squashfs image is unreadable: cannot read its compressor (id 3): unsupported feature or compressor"
            ])
    }

    /// A snap inside a tarball, and inside a gzip tarball inside a tar: spooled for random access and read the same.
    @Test(arguments: [false, true])
    func nestedImageIsSpooledAndReadTheSame(gzipped: Bool) throws {
        let directory = TemporaryDirectory()
        let image = try Self.makeImage(directory, compressor: "xz", blockSize: "128K")
        let oracle = try #require(try Self.unsquashfs(image, into: directory.path + "/out"))
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: image)))
        var outer = ArchiveBuilder.build(.tar, filter: gzipped ? .gzip : .none, [.file("snaps/app_1.0_amd64", bytes)])
        if gzipped { outer = ArchiveBuilder.build(.tar, [.file("release/bundle.tgz", outer)]) }
        let report = ArtifactScannerTests.scan("release.tar", outer)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        Self.expectSame(report, oracle)
        let prefix = gzipped ? ["release/bundle.tgz", "snaps/app_1.0_amd64"] : ["snaps/app_1.0_amd64"]
        #expect(report.maps.first.map { Array($0.location.chain.dropFirst()) } == prefix + ["dist/app.js.map"])
        #expect(report.statistics.nestedArchives == (gzipped ? 2 : 1))
    }

    /// An image larger than the spool's memory goes to the unnamed temporary file and reads the same.
    @Test func nestedImageLargerThanMemoryIsReadFromTheSpoolFile() throws {
        let directory = TemporaryDirectory()
        directory.write("root/noise.bin", SeededGenerator.noise(count: 5 << 20, seed: 14))
        directory.write("root/dist/app.js.map", Array(Self.map("app", lines: 9).utf8))
        let image = directory.path + "/big.snap"
        let made = try ConsumerTool.run(
            "mksquashfs", [directory.path + "/root", image, "-noappend", "-quiet", "-no-progress"], in: directory.path)
        try #require(made.status == 0, "\(made.stderr)")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: image)))
        #expect(bytes.count > 5 << 20)
        let oracle = try #require(try Self.unsquashfs(image, into: directory.path + "/out"))
        let report = ArtifactScannerTests.scan("release.tar", ArchiveBuilder.build(.tar, [.file("big.snap", bytes)]))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        Self.expectSame(report, oracle)
        #expect(oracle.maps == 1)
    }

    /// The spooled image counts against `--max-bytes` as it arrives.
    @Test func nestedImageCountsAgainstTheByteLimit() throws {
        let directory = TemporaryDirectory()
        let image = try Self.makeImage(directory, compressor: "gzip")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: image)))
        var limits = ScanLimits()
        limits.maxTotalBytes = Int64(bytes.count / 2)
        let report = ArtifactScannerTests.scan(
            "release.tar", ArchiveBuilder.build(.tar, [.file("app.snap", bytes)]), limits: limits)
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.map(\.problem) == [.limitCrossed(.totalBytes(Int64(bytes.count / 2)))])
    }

    /// Cut at every sixteenth: incomplete with one one-line diagnostic, at top level and nested, never a crash.
    @Test func truncatedImageIsIncompleteAtEverySixteenth() throws {
        let directory = TemporaryDirectory()
        let image = try Self.makeImage(directory, compressor: "gzip")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: image)))
        for sixteenth in 1..<16 {
            let cut = Array(bytes.prefix(bytes.count * sixteenth / 16))
            let top = ArtifactScannerTests.scan("app.snap", cut)
            #expect(top.verdict == .incomplete, "cut at \(sixteenth)/16")
            #expect(
                top.diagnostics.map(\.message) == [
                    "archive unreadable after 0 members: squashfs image is truncated: \(cut.count) of the \(bytes.count) bytes its super block declares"
                ], "cut at \(sixteenth)/16")
            let nested = ArtifactScannerTests.scan("release.tar", ArchiveBuilder.build(.tar, [.file("app.snap", cut)]))
            #expect(nested.verdict == .incomplete, "cut at \(sixteenth)/16")
            #expect(nested.diagnostics.count == 1, "cut at \(sixteenth)/16")
            #expect(nested.diagnostics.allSatisfy { !$0.message.contains("\n") })
        }
    }

    /// A super block declaring more fragment blocks than the image can hold (found by fuzzing: libsquashfs would
    /// allocate 16 bytes for each, 64 GiB at most) is refused before any table is read.
    @Test func fragmentCountLargerThanTheImageIsRefused() throws {
        let directory = TemporaryDirectory()
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: try Self.makeImage(directory, compressor: "gzip"))))
        bytes.replaceSubrange(16..<20, with: [0xFF, 0xFF, 0xFF, 0xFF])
        let report = ArtifactScannerTests.scan("app.snap", bytes)
        #expect(
            report.diagnostics.map(\.message) == [
                "archive unreadable after 0 members: squashfs image is unreadable: its super block declares 4294967295 fragment blocks, more than its \(bytes.count) bytes can hold"
            ])
    }

    /// Damage inside an image of the right length (a sixteenth of it flipped, the super block kept): wherever
    /// unsquashfs fails, leak-scan is incomplete (a one-line diagnostic); wherever unsquashfs extracts it, leak-scan
    /// reports exactly what it extracted or is incomplete. Never a crash.
    @Test func damagedImageIsIncompleteWhereverUnsquashfsFails() throws {
        let directory = TemporaryDirectory()
        let image = try Self.makeImage(directory, compressor: "gzip")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: image)))
        let window = bytes.count / 16
        for sixteenth in 1..<16 {
            var damaged = bytes
            for index in (sixteenth * window)..<min(bytes.count, (sixteenth + 1) * window) { damaged[index] ^= 0x5A }
            let path = directory.write("damaged\(sixteenth).snap", damaged)
            let oracle = try Self.unsquashfs(path, into: directory.path + "/out\(sixteenth)")
            let report = ArtifactScanner().scan(.path(path))
            #expect(report.diagnostics.allSatisfy { !$0.message.contains("\n") })
            if let oracle, !report.isIncomplete {
                Self.expectSame(report, oracle)
            } else {
                #expect(report.isIncomplete, "damage at \(sixteenth)/16: unsquashfs failed, leak-scan read it all")
            }
        }
    }
}
