import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// Zips are read from their central directory wherever they are — top level, nested, in folders, piped — as unzip,
/// pip, Java and Chrome read them; where local headers and the central directory disagree the scan is incomplete.
@Suite struct ZipCentralDirectoryTests {
    /// A map exposing one first-party file of two lines named after `name`.
    static func map(_ name: String) -> HandZip.Entry {
        .text(
            "dist/\(name).js.map", MapText.map(sources: ["src/\(name).ts"], contents: ["let \(name) = 1;\nexport { \(name) };\n"])
        )
    }

    static let stub: [UInt8] = Array("\u{7F}ELF".utf8) + SeededGenerator.noise(count: 8_000, seed: 41)

    static func scanNested(_ zipName: String, _ zip: [UInt8]) -> ArtifactReport {
        HostileArchiveTests.scan("pkg.tgz", ArchiveBuilder.build(.tar, filter: .gzip, [.file("package/\(zipName)", zip)]))
    }

    static func exposedSources(_ report: ArtifactReport) -> [String] {
        report.listedSources.map(\.path).sorted()
    }

    @Test func selfExtractorStubBeforeANestedZipIsSkippedAsUnzipSkipsIt() {
        let report = Self.scanNested("tool.zip", HandZip.build([Self.map("a"), Self.map("b")], prefix: Self.stub))
        #expect(report.diagnostics.isEmpty)
        #expect(
            report.maps.map { Array($0.location.chain.dropFirst()) } == [
                ["package/tool.zip", "dist/a.js.map"], ["package/tool.zip", "dist/b.js.map"],
            ])
        #expect(report.totals.firstParty == ExposureCount(files: 2, lines: 4, bytes: 50))
    }

    @Test func chromeExtensionHeaderBeforeTheZipIsSkipped() {
        let crx = HandZip.crx3Header() + HandZip.build([Self.map("ext")])
        let report = HostileArchiveTests.scan("bundle.zip", HandZip.build([HandZip.Entry("extensions/app.crx", crx)]))
        #expect(report.diagnostics.isEmpty)
        #expect(Self.exposedSources(report) == ["src/ext.ts"])
        #expect(report.maps.first?.location.chain.dropFirst() == ["extensions/app.crx", "dist/ext.js.map"])
    }

    @Test func strayEndRecordBetweenMembersDoesNotHideTheRest() {
        let zip = HandZip.build([Self.map("a"), Self.map("b")], between: HandZip.strayEndRecord)
        let report = Self.scanNested("lib.whl", zip)
        #expect(report.diagnostics.isEmpty)
        #expect(Self.exposedSources(report) == ["src/a.ts", "src/b.ts"])
    }

    @Test func ofTwoConcatenatedZipsTheOneTheCentralDirectoryReadersSeeIsScanned() {
        let first = HandZip.build([Self.map("first")])
        let second = HandZip.build([Self.map("second")])
        let report = Self.scanNested("app.jar", first + second)
        // unzip and pip extract the second; streaming readers the first: both are scanned, and the scan is incomplete.
        #expect(Self.exposedSources(report) == ["src/first.ts", "src/second.ts"])
        #expect(report.isIncomplete)
        #expect(report.diagnostics.map(\.location.member) == ["package/app.jar"])
        #expect(
            report.diagnostics.first?.message.hasPrefix(
                "zip readers disagree: the \(first.count) bytes before this zip's first member start with a local header of another zip"
            ) == true)
    }

    @Test func ofTwoConcatenatedTopLevelZipsBothAreScanned() {
        let report = HostileArchiveTests.scan("app.zip", HandZip.build([Self.map("first")]) + HandZip.build([Self.map("second")]))
        #expect(Self.exposedSources(report) == ["src/first.ts", "src/second.ts"])
        #expect(report.isIncomplete)
        #expect(report.diagnostics.count == 1)
    }

    @Test func lyingLocalSizeIsIncompleteNamingTheMember() {
        var lying = Self.map("a")
        lying.localSize = 3
        let report = Self.scanNested("lib.zip", HandZip.build([lying, Self.map("b")]))
        #expect(report.isIncomplete)
        #expect(report.diagnostics.map { Array($0.location.chain.dropFirst()) } == [["package/lib.zip", "dist/a.js.map"]])
        #expect(
            report.diagnostics.first?.message
                == "zip readers disagree: the local header says 3 compressed / 3 uncompressed bytes, the central directory \(lying.data.count) / \(lying.data.count): readers that trust local headers read other data"
        )
        #expect(Self.exposedSources(report).contains("src/b.ts"))
    }

    @Test func lyingLocalNameIsIncompleteNamingBothNames() {
        var lying = Self.map("a")
        lying.localName = "dist/readme.txt"
        let report = Self.scanNested("lib.zip", HandZip.build([lying]))
        #expect(report.isIncomplete)
        #expect(report.diagnostics.map(\.location.member) == ["dist/a.js.map"])
        #expect(
            report.diagnostics.first?.message.hasPrefix("zip readers disagree: the local header names it \"dist/readme.txt\"")
                == true)
    }

    @Test func lyingLocalHeaderOfATopLevelZipFileIsReportedToo() {
        var lying = Self.map("a")
        lying.localSize = 10
        let report = HostileArchiveTests.scan("app.zip", HandZip.build([lying, Self.map("b")]))
        #expect(report.isIncomplete)
        #expect(report.diagnostics.map { Array($0.location.chain.dropFirst()) } == [["dist/a.js.map"]])
    }

    @Test func endRecordBeyondLibarchivesSearchIsReported() {
        let zip = HandZip.build([Self.map("a")], comment: [UInt8](repeating: 0x20, count: 20_000))
        let report = Self.scanNested("lib.zip", zip)
        #expect(report.isIncomplete)
        #expect(report.diagnostics.map(\.location.member) == ["package/lib.zip"])
        #expect(
            report.diagnostics.first?.message.hasPrefix(
                "zip readers disagree: the end of central directory record lies 20022 bytes before the end") == true)
    }

    @Test func plainZipsOfLibarchivesWriterAgreeWithThemselves() {
        let inner = ArchiveBuilder.build(.zip, [.text("dist/a.js.map", ArtifactScannerTests.leakingMap), .directory("dist/x/")])
        let report = Self.scanNested("inner.zip", inner)
        #expect(report.diagnostics.isEmpty)
        #expect(report.verdict == .leak)
        #expect(report.totals.firstParty == ExposureCount(files: 1, lines: 2, bytes: 31))
    }

    @Test func zipLargerThanTheMemoryBoundIsSpooledAndReadExactly() {
        let noise = SeededGenerator.noise(count: 6 << 20, seed: 5)
        let zip = HandZip.build([HandZip.Entry("blob.bin", noise), Self.map("big")])
        let report = Self.scanNested("big.zip", zip)
        #expect(report.diagnostics.isEmpty)
        #expect(Self.exposedSources(report) == ["src/big.ts"])
    }

    @Test func spooledZipBytesCountAgainstTheByteLimit() {
        let noise = SeededGenerator.noise(count: 6 << 20, seed: 6)
        let zip = HandZip.build([HandZip.Entry("blob.bin", noise), Self.map("big")])
        let report = HostileArchiveTests.scan(
            "pkg.tgz", ArchiveBuilder.build(.tar, filter: .gzip, [.file("package/big.zip", zip)]),
            limits: HostileArchiveTests.limited(bytes: 4 << 20))
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.map(\.limit?.flag) == ["--max-bytes"])
        #expect(report.diagnostics.first?.location.chain.last == "package/big.zip")
    }

    @Test func zipInAScannedFolderIsReadFromItsCentralDirectory() {
        let directory = TemporaryDirectory()
        directory.write("site/assets/bundle.zip", HandZip.build([Self.map("a")], prefix: Self.stub))
        let report = ArtifactScanner().scan(.path(directory.path + "/site"))
        #expect(report.diagnostics.isEmpty)
        #expect(Self.exposedSources(report) == ["src/a.ts"])
    }
}
