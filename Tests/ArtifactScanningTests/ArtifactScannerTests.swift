import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

@Suite struct ArtifactScannerTests {
    static let leakingMap = MapText.map(
        sources: ["webpack:///./src/app.ts", "webpack:///./node_modules/dep/index.js"],
        contents: ["const a = 1;\nexport default a;\n", "module.exports = 1\n"])

    static func scan(_ name: String, _ bytes: [UInt8], limits: ScanLimits = ScanLimits()) -> ArtifactReport {
        let directory = TemporaryDirectory()
        return ArtifactScanner(limits: limits).scan(.path(directory.write(name, bytes)))
    }

    @Test func npmTarballWithMapIsALeakWithExactCounts() {
        let report = Self.scan(
            "pkg.tgz",
            ArchiveBuilder.build(
                .tar, filter: .gzip,
                [
                    .text("package/package.json", #"{"name":"pkg","version":"1.0.0"}"#),
                    .text("package/dist/app.js", "x()\n//# sourceMappingURL=app.js.map\n"),
                    .text("package/dist/app.js.map", Self.leakingMap),
                ]))
        #expect(report.verdict == .leak)
        #expect(report.maps.map { $0.location.chain.last } == ["package/dist/app.js.map"])
        #expect(report.totals.firstParty == ExposureCount(files: 1, lines: 2, bytes: 31))
        #expect(report.totals.thirdParty == ExposureCount(files: 1, lines: 1, bytes: 19))
        #expect(report.references.map(\.status) == [.present])
        #expect(report.diagnostics.isEmpty)
    }

    @Test func referencesAreClassifiedPresentMissingRemote() {
        let report = Self.scan(
            "pkg.tgz",
            ArchiveBuilder.build(
                .tar, filter: .gzip,
                [
                    .text("package/a.js", "//# sourceMappingURL=maps/a.js.map\n"),
                    .text("package/maps/a.js.map", MapText.map(sources: ["a.ts"], contents: nil)),
                    .text("package/b.js", "//# sourceMappingURL=b.js.map"),
                    .text("package/c.css", "/*# sourceMappingURL=https://cdn.example.com/c.css.map */"),
                ]))
        #expect(report.references.map(\.status) == [.present, .missing, .remote])
        #expect(report.verdict == .warn)
        #expect(report.totals.namesOnlyMaps == 1)
    }

    @Test func nestedArchivesChainLocationsAndStopAtTheDepthLimit() {
        var inner = ArchiveBuilder.build(.tar, filter: .gzip, [.text("package/dist/index.js.map", Self.leakingMap)])
        var names = ["level1.tgz"]
        for level in 2...4 {
            let name = "level\(level).\(level % 2 == 0 ? "zip" : "tgz")"
            inner =
                level % 2 == 0
                ? ArchiveBuilder.build(.zip, [.file("share/level\(level - 1).tgz", inner)])
                : ArchiveBuilder.build(.tar, filter: .gzip, [.file("share/level\(level - 1).zip", inner)])
            names.insert(name, at: 0)
        }
        let depth4 = Self.scan("outer.whl", ArchiveBuilder.build(.zip, [.file("share/level4.zip", inner)]))
        #expect(depth4.maps.isEmpty)
        #expect(depth4.verdict == .incomplete)
        #expect(depth4.diagnostics.map(\.problem) == [.limitCrossed(.nestingDepth(3))])
        #expect(
            depth4.diagnostics.first?.location.description
                == "\(depth4.name)!share/level4.zip!share/level3.tgz!share/level2.zip!share/level1.tgz")

        var limits = ScanLimits()
        limits.maxDepth = 4
        let opened = Self.scan("outer.whl", ArchiveBuilder.build(.zip, [.file("share/level4.zip", inner)]), limits: limits)
        #expect(opened.verdict == .leak)
        #expect(
            opened.maps.first?.location.chain.dropFirst() == [
                "share/level4.zip", "share/level3.tgz", "share/level2.zip", "share/level1.tgz", "package/dist/index.js.map",
            ])
    }

    @Test func debianPackageDataIsScanned() {
        let deb = ArchiveBuilder.debianPackage(data: [.text("./usr/share/app/main.js.map", Self.leakingMap)])
        let report = Self.scan("app_1.0_all.deb", deb)
        #expect(report.verdict == .leak)
        #expect(report.maps.first?.location.chain.dropFirst() == ["data.tar.xz", "./usr/share/app/main.js.map"])
    }

    @Test func linksAndDirectoriesAreNotCountedButReported() {
        let report = Self.scan(
            "pkg.tar",
            ArchiveBuilder.build(
                .tar,
                [
                    .directory("package/"), .text("package/a.js.map", Self.leakingMap),
                    .symlink("package/b.js.map", target: "a.js.map"), .hardlink("package/c.js.map", target: "package/a.js.map"),
                ]))
        #expect(report.maps.count == 1)
        #expect(report.statistics.linksSkipped == 2)
        #expect(report.statistics.directories == 1)
    }

    @Test func truncatedArtifactIsIncompleteWithAMessageNamingTheMember() {
        let noise = SeededGenerator.noise(count: 400_000, seed: 3)
        let full = ArchiveBuilder.build(
            .tar, filter: .gzip, [.file("package/blob.bin", noise), .text("package/x.js.map", Self.leakingMap)])
        let report = Self.scan("cut.tgz", Array(full.prefix(250_000)))
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.location.member == "package/blob.bin")
        #expect(report.diagnostics.first?.problem == .memberUnreadable(reason: "gzip stream is truncated"))
    }

    @Test func inlineMapsInScriptsAreCounted() {
        let script = "a()\n//# sourceMappingURL=data:application/json;base64,\(MapText.base64(Self.leakingMap))\n"
        let report = Self.scan("pkg.zip", ArchiveBuilder.build(.zip, [.text("dist/a.js", script)]))
        #expect(report.maps.map(\.kind) == [.inline])
        #expect(report.totals.raw == ExposureCount(files: 2, lines: 3, bytes: 50))
    }

    @Test func entryLimitFailsClosed() {
        var limits = ScanLimits()
        limits.maxEntries = 10
        let members = (0..<20).map { ArchiveBuilder.Member.text("f\($0).txt", "") }
        let report = Self.scan("many.tar", ArchiveBuilder.build(.tar, members), limits: limits)
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.map(\.problem) == [.limitCrossed(.entries(10))])
    }

    @Test func missingInputIsIncomplete() {
        let report = ArtifactScanner().scan(.path("/nonexistent/artifact.tgz"))
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.map(\.problem) == [.cannotOpen(reason: "no such file or directory")])
    }
}
