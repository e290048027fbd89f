import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// Hostile and broken artifacts, each built in code, each with an exact expected outcome: nothing crashes, hangs or
/// passes silently, and every limit names the flag that raises it.
@Suite struct HostileArchiveTests {
    static let leakingMap = ArtifactScannerTests.leakingMap

    static func scan(_ name: String, _ bytes: [UInt8], limits: ScanLimits = ScanLimits()) -> ArtifactReport {
        ArtifactScannerTests.scan(name, bytes, limits: limits)
    }

    static func limited(bytes: Int64) -> ScanLimits {
        var limits = ScanLimits()
        limits.maxTotalBytes = bytes
        return limits
    }

    @Test func gzipBombStopsAtTheByteLimitNamingTheMember() {
        let bomb = ArchiveBuilder.build(.tar, filter: .gzip, [.zeros("package/zeros.bin", count: 256 << 20)])
        #expect(bomb.count < 1 << 20)
        let report = Self.scan("bomb.tgz", bomb, limits: Self.limited(bytes: 32 << 20))
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.first?.location.description.hasSuffix("bomb.tgz!package/zeros.bin") == true)
        #expect(report.diagnostics.map(\.problem) == [.limitCrossed(.totalBytes(33_554_432))])
    }

    @Test func fourGibibyteGzipBombStopsAtTheByteLimit() {
        let bomb = GzipBomb.tarball(member: "package/zeros.bin", gibibytes: 4)
        #expect(bomb.count < 8 << 20)
        let report = Self.scan("bomb4g.tgz", bomb, limits: Self.limited(bytes: 1 << 30))
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.first?.location.chain.last == "package/zeros.bin")
        #expect(report.diagnostics.map(\.problem) == [.limitCrossed(.totalBytes(1 << 30))])
    }

    @Test func nestedZipBombStopsAtTheByteLimitInsideTheNestedMember() {
        let inner = ArchiveBuilder.build(.zip, [.zeros("layer.bin", count: 64 << 20)])
        let outer = ArchiveBuilder.build(.zip, [.file("a.zip", inner), .file("b.zip", inner), .file("c.zip", inner)])
        let report = Self.scan("bomb.zip", outer, limits: Self.limited(bytes: 100 << 20))
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.first?.location.chain.suffix(2) == ["b.zip", "layer.bin"])
        #expect(report.diagnostics.map(\.problem) == [.limitCrossed(.totalBytes(100 << 20))], "one limit, one diagnostic")
    }

    @Test func tenDeepNestingReportsTheFourthLevelAndOpensNoFurther() {
        var bytes = ArchiveBuilder.build(.tar, filter: .gzip, [.text("deep.js.map", Self.leakingMap)])
        for level in (1...9).reversed() {
            bytes = ArchiveBuilder.build(.tar, filter: .gzip, [.file("level\(level).tgz", bytes)])
        }
        let report = Self.scan("deep.tgz", bytes)
        #expect(report.verdict == .incomplete)
        #expect(report.maps.isEmpty)
        #expect(report.statistics.nestedArchives == 3)
        #expect(report.diagnostics.map(\.problem) == [.limitCrossed(.nestingDepth(3))])
        #expect(report.diagnostics.first?.location.chain.dropFirst() == ["level1.tgz", "level2.tgz", "level3.tgz", "level4.tgz"])
    }

    static let truncatable = ArchiveBuilder.build(
        .tar, filter: .gzip,
        [
            .file("package/noise.bin", SeededGenerator.noise(count: 120_000, seed: 5)),
            .text("package/dist/app.js.map", leakingMap),
        ])

    @Test(arguments: [30, 1_000, 60_000, 110_000, truncatable.count - 4])
    func truncatedTarballIsNeverClean(keeping: Int) {
        let report = Self.scan("cut.tgz", Array(Self.truncatable.prefix(keeping)))
        #expect(report.isIncomplete)
        #expect(report.verdict == (keeping > 120_000 ? .leak : .incomplete))
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first.map { "\($0.problem)".contains("gzip stream is truncated") } == true)
    }

    @Test func corruptGzipCRCIsIncompleteEvenThoughEveryMemberWasRead() {
        var damaged = ArchiveBuilder.build(.tar, filter: .gzip, [.text("package/dist/app.js.map", Self.leakingMap)])
        damaged[damaged.count - 8] ^= 0x55
        let report = Self.scan("crc.tgz", damaged)
        #expect(report.verdict == .leak)
        #expect(report.isIncomplete)
        // libarchive reads on past the tar end marker (as node-tar reads past a single zero block), so the damage
        // is met while looking for another header.
        #expect(
            report.diagnostics.map(\.problem) == [
                .archiveUnreadable(afterMembers: 1, reason: "gzip CRC-32 or length check failed: the data is corrupt")
            ])
    }

    @Test func encryptedZipMemberIsNamedAndMakesTheScanIncomplete() {
        let zip = ArchiveBuilder.build(.zip, passphrase: "secret", [.text("dist/app.js.map", Self.leakingMap)])
        let report = Self.scan("locked.zip", zip)
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.map(\.location.member) == ["dist/app.js.map"])
        #expect(report.diagnostics.map(\.problem) == [.encryptedMember])
    }

    @Test func traversalAndAbsoluteNamesAreReportedAsWrittenAndNothingIsWritten() throws {
        let directory = TemporaryDirectory()
        let path = directory.write(
            "evil.tar",
            ArchiveBuilder.build(
                .tar,
                [
                    .text("../../outside.js.map", Self.leakingMap), .text("/etc/absolute.js.map", Self.leakingMap),
                ]))
        let report = ArtifactScanner().scan(.path(path))
        #expect(report.maps.map(\.location.member) == ["../../outside.js.map", "/etc/absolute.js.map"].sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["evil.tar"])
        #expect(!FileManager.default.fileExists(atPath: "/etc/absolute.js.map"))
    }

    @Test func nonUTF8MemberNameIsScannedAndShownWithReplacementCharacters() {
        let name: [UInt8] = Array("dist/caf".utf8) + [0xE9, 0xFF] + Array(".js.map".utf8)
        let report = Self.scan("latin1.tar", ArchiveBuilder.build(.tar, [.rawName(name, Array(Self.leakingMap.utf8))]))
        #expect(report.verdict == .leak)
        #expect(report.maps.map(\.location.member) == ["dist/caf\u{FFFD}\u{FFFD}.js.map"])
    }

    @Test(arguments: [ArchiveBuilder.Format.tar, .zip])
    func utf8MemberNamesAreReadAsWritten(format: ArchiveBuilder.Format) {
        let report = Self.scan("utf8.\(format)", ArchiveBuilder.build(format, [.text("dist/café-😀.js.map", Self.leakingMap)]))
        #expect(report.verdict == .leak)
        #expect(report.maps.map(\.location.member) == ["dist/café-😀.js.map"])
    }

    @Test func hundredThousandEmptyMembersAreCountedAndClean() {
        let members = (0..<100_000).map { ArchiveBuilder.Member.file("package/e\($0).js", []) }
        let report = Self.scan("empty-members.tgz", ArchiveBuilder.build(.tar, filter: .gzip, members))
        #expect(report.verdict == .clean)
        #expect(report.statistics.regularFiles == 100_000)
        #expect(report.diagnostics.isEmpty)
    }

    @Test func mapTruncatedMidStringCountsWhatItExposedAndSaysSo() {
        let cut = #"{"version":3,"sources":["src/a.ts"],"sourcesContent":["line one\nline two\nline th"#
        let report = Self.scan("cut-map.tar", ArchiveBuilder.build(.tar, [.text("a.js.map", cut)]))
        #expect(report.verdict == .leak)
        #expect(report.totals.raw == ExposureCount(files: 1, lines: 3, bytes: 25))
        #expect(report.maps.first?.summary.notes == [.truncated(byteOffset: cut.utf8.count, insideContent: true)])
    }

    @Test func jsonNestedHundredThousandDeepIsSkippedInConstantMemory() {
        let deep = #"{"version":3,"sources":["src/a.ts"],"sourcesContent":["x\n"],"x":"# + String(repeating: "[", count: 100_000)
        let report = Self.scan("deep-json.tar", ArchiveBuilder.build(.tar, [.text("a.js.map", deep)]))
        #expect(report.verdict == .leak)
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.first?.summary.notes == [.truncated(byteOffset: deep.utf8.count, insideContent: false)])
    }

    @Test func mapWithMoreEntriesThanTheCapCountsUpToItAndSaysSo() {
        let count = 1_000
        let map = MapText.map(sources: (0..<count).map { "src/f\($0).ts" }, contents: (0..<count).map { _ in "x\n" })
        var limits = ScanLimits()
        limits.tokenizer.maxMapEntries = 600
        let report = Self.scan("wide.tar", ArchiveBuilder.build(.tar, [.text("a.js.map", map)]), limits: limits)
        #expect(report.verdict == .leak)
        #expect(report.totals.raw.files == 600)
        #expect(report.diagnostics.map(\.problem) == [.limitCrossed(.mapEntries(600))])
    }

    @Test func base64GarbageInADataURLIsANoteNotAMap() {
        let script = "x()\n//# sourceMappingURL=data:application/json;base64,QUJD//REVGR0hJ+SktMTU5P@@!!\n"
        let report = Self.scan("garbage.tar", ArchiveBuilder.build(.tar, [.text("a.js", script)]))
        #expect(report.maps.isEmpty)
        #expect(report.verdict == .clean)
        #expect(
            report.notes.map(\.kind) == [.inlinePayloadNotAMap(encoding: .base64, payloadBytes: 23, invalidBase64Length: false)])
        #expect(report.notes.map(\.location.byteOffset) == [8])
    }

    @Test func mapThatIsNotJSONIsANote() {
        let report = Self.scan("notjson.tar", ArchiveBuilder.build(.tar, [.text("a.js.map", "<html>not a map</html>")]))
        #expect(report.maps.isEmpty)
        #expect(report.notes.map(\.kind) == [.namedLikeAMapButNotOne])
    }

    @Test func deepNestingAheadOfSourcesIsReadAndCounted() {
        let map =
            #"{"x":"# + String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
            + #","sources":["src/a.ts"],"sourcesContent":["a\nb\n"]}"#
        let report = Self.scan("deep.tar", ArchiveBuilder.build(.tar, [.text("package/out.json", map)]))
        #expect(report.totals.firstParty.lines == 2)
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.first?.summary.notes == [.versionAbsent])
        #expect(report.verdict == .leak)
    }

    @Test func fileThatIsNoArchiveIsOneMember() {
        let report = Self.scan("README", Array("just text, no archive\n".utf8))
        #expect(report.verdict == .clean)
        #expect(report.statistics.regularFiles == 1)
    }

    @Test func emptyFileIsIncompleteNotClean() {
        let report = Self.scan("empty.tgz", [])
        #expect(report.verdict == .incomplete)
        #expect(report.statistics.entries == 0)
        #expect(report.diagnostics.map(\.message) == ["empty file (0 bytes): nothing to scan"])
    }

    @Test func emptyArchiveIsCleanWithNoMembers() {
        let report = Self.scan("empty.tgz", ArchiveBuilder.build(.tar, filter: .gzip, []))
        #expect(report.verdict == .clean)
        #expect(report.statistics.entries == 0)
        #expect(report.diagnostics.isEmpty)
    }

    @Test func directoryWithASymlinkLoopIsWalkedOnce() throws {
        let directory = TemporaryDirectory()
        _ = directory.write("pkg/app.js.map", Array(Self.leakingMap.utf8))
        try FileManagerLink.create(at: directory.path + "/pkg/loop", to: ".")
        try FileManagerLink.create(at: directory.path + "/pkg/other", to: "loop")
        let report = ArtifactScanner().scan(.path(directory.path + "/pkg"))
        #expect(report.maps.map(\.location.member) == ["app.js.map"])
        #expect(report.statistics.linksSkipped == 2)
    }

    @Test func unreadableFileIsIncompleteWithTheSystemReason() {
        let report = ArtifactScanner().scan(.path("/proc/self/mem"))
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.count == 1)
        guard case .cannotOpen(let reason) = report.diagnostics.first?.problem else {
            Issue.record("expected cannot-open, got \(report.diagnostics)")
            return
        }
        #expect(reason == "read failed: Input/output error")
    }

    @Test(.enabled(if: getuid() != 0, "root reads files whatever their permissions"))
    func fileWithoutReadPermissionIsIncomplete() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("locked.tgz", [0x1f, 0x8b])
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        let report = ArtifactScanner().scan(.path(path))
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.first?.problem == .cannotOpen(reason: "Permission denied"))
    }
}
