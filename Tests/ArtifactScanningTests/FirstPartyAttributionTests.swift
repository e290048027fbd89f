import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// First-party attribution in whole artifacts (issue 15, class 8): the own npm scope comes from the artifact's
/// top-level `package.json`, wherever it is in the archive; maps under `node_modules/` belong to their package.
@Suite struct FirstPartyAttributionTests {
    static let map = MapText.map(
        sources: [
            "webpack:///./src/a.ts?[loaders]", "webpack:///./node_modules/@acme/ui/src/b.tsx",
            "webpack:///./node_modules/react/c.js",
        ],
        contents: ["a\n", "b\nb\n", "c\nc\nc\n"])

    static func scan(_ members: [ArchiveBuilder.Member]) -> ArtifactReport {
        ArtifactScannerTests.scan("pkg.tgz", ArchiveBuilder.build(.tar, filter: .gzip, members))
    }

    @Test(arguments: [true, false])
    func ownScopeFromPackageJSONBeforeOrAfterTheMap(manifestFirst: Bool) {
        var members: [ArchiveBuilder.Member] = [.text("package/dist/app.js.map", Self.map)]
        let manifest = ArchiveBuilder.Member.text(
            "package/package.json", #"{"version":"1.0.0","name":"@acme/cli","x":{"name":"@other/y"}}"#)
        members.insert(manifest, at: manifestFirst ? 0 : 1)
        let report = Self.scan(members)
        #expect(report.totals.firstParty == ExposureCount(files: 2, lines: 3, bytes: 6))
        #expect(report.totals.thirdParty == ExposureCount(files: 1, lines: 3, bytes: 6))
    }

    @Test func withoutAScopedManifestTheScopeIsThirdParty() {
        let report = Self.scan([.text("package/package.json", #"{"name":"cli"}"#), .text("package/dist/app.js.map", Self.map)])
        #expect(report.totals.firstParty == ExposureCount(files: 1, lines: 1, bytes: 2))
        #expect(report.totals.thirdParty == ExposureCount(files: 2, lines: 5, bytes: 10))
    }

    @Test func aManifestDeeperDownDoesNotNameTheScope() {
        let report = Self.scan([
            .text("package/node_modules/@acme/ui/package.json", #"{"name":"@acme/ui"}"#),
            .text("package/dist/app.js.map", Self.map),
        ])
        #expect(report.totals.firstParty.files == 1)
    }

    @Test func mapsUnderNodeModulesAreThirdPartyExceptTheOwnScope() {
        let inner = MapText.map(sources: ["../src/index.ts"], contents: ["x\ny\n"])
        let inline =
            "x()\n//# sourceMappingURL=data:application/json;base64,"
            + MapText.base64(MapText.map(sources: ["../src/z.ts"], contents: ["z\n"])) + "\n"
        let report = Self.scan([
            .text("package/package.json", #"{"name":"@acme/cli"}"#),
            .text("package/node_modules/dep/dist/index.js.map", inner),
            .text("package/node_modules/dep/dist/z.js", inline),
            .text(
                "package/node_modules/@acme/core/dist/index.js.map", MapText.map(sources: ["../src/core.ts"], contents: ["c\n"])),
        ])
        #expect(report.maps.map(\.exposesFirstParty) == [true, false, false])
        #expect(
            report.maps.map(\.location.member) == [
                "package/node_modules/@acme/core/dist/index.js.map", "package/node_modules/dep/dist/index.js.map",
                "package/node_modules/dep/dist/z.js",
            ])
        #expect(report.verdict == .leak)
    }
}
