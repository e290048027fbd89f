import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// 7z archives made by the real `7zz a`, nested in a gzip tarball and in a zip: 7z keeps its index at the end, so the
/// member is spooled for random access and read by libarchive's seekable reader. What `7zz x` extracts, counted by
/// the independent `ExposureOracle`, is what leak-scan must report.
@Suite(.enabled(if: ConsumerTool.exists("7zz"), "needs 7zz (Debian 7zip)"))
struct SevenZipTests {
    /// (7zz switches, what they exercise): solid LZMA2 (the default), stored, and a non-solid archive.
    static let settings: [[String]] = [[], ["-mx=0"], ["-ms=off", "-m0=BZip2"]]

    static func makeArchive(_ directory: TemporaryDirectory, switches: [String]) throws -> [UInt8] {
        directory.write("root/dist/app.js.map", Array(SquashfsTests.map("app", lines: 5).utf8))
        directory.write("root/dist/app.js", Array("run()\n//# sourceMappingURL=app.js.map\n".utf8))
        directory.write("root/vendor/lib.js.map", Array(SquashfsTests.map("lib", lines: 2).utf8))
        directory.write("root/README", Array("no map here\n".utf8))
        let made = try ConsumerTool.run(
            "7zz", ["a", "-bd", "-bso0", "app.7z", "./root/*"] + switches, in: directory.path)
        try #require(made.status == 0, "\(made.stderr)")
        return Array(try Data(contentsOf: URL(fileURLWithPath: directory.path + "/app.7z")))
    }

    static func extracted(_ directory: TemporaryDirectory) throws -> ExposureOracle {
        let out = directory.path + "/out"
        let result = try ConsumerTool.run("7zz", ["x", "-bd", "-bso0", "-o" + out, "app.7z"], in: directory.path)
        try #require(result.status == 0, "\(result.stderr)")
        var oracle = ExposureOracle()
        try oracle.count(directory: out)
        return oracle
    }

    @Test(arguments: settings)
    func sevenZipInATarballAndAZipIsReadAs7zzExtractsIt(switches: [String]) throws {
        let directory = TemporaryDirectory()
        let archive = try Self.makeArchive(directory, switches: switches)
        let oracle = try Self.extracted(directory)
        #expect(oracle == ExposureOracle(maps: 2, files: 2, lines: 7, bytes: 63))
        for (name, outer) in [
            ("release.tgz", ArchiveBuilder.build(.tar, filter: .gzip, [.file("release/app.7z", archive)])),
            ("bundle.zip", ArchiveBuilder.build(.zip, [.file("bundle/payload", archive)])),
        ] {
            let report = ArtifactScannerTests.scan(name, outer)
            #expect(report.diagnostics.isEmpty, "\(name): \(report.diagnostics.map(\.message))")
            #expect(report.verdict == .leak)
            #expect(report.maps.count == oracle.maps)
            #expect(report.totals.raw == ExposureCount(files: oracle.files, lines: oracle.lines, bytes: oracle.bytes))
            #expect(report.references.map(\.status) == [.present], "\(name)")
            #expect(report.statistics.nestedArchives == 1)
        }
    }

    /// A damaged nested 7z is incomplete with one diagnostic, never clean.
    @Test func truncatedNestedSevenZipIsIncomplete() throws {
        let directory = TemporaryDirectory()
        let archive = try Self.makeArchive(directory, switches: [])
        for sixteenth in 1..<16 {
            let cut = Array(archive.prefix(archive.count * sixteenth / 16))
            let report = ArtifactScannerTests.scan(
                "release.tgz", ArchiveBuilder.build(.tar, filter: .gzip, [.file("release/app.7z", cut)]))
            #expect(report.isIncomplete, "cut at \(sixteenth)/16")
            #expect(report.diagnostics.allSatisfy { !$0.message.contains("\n") })
        }
    }
}
