import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// Local entries the central directory does not list, between the members or after the last one: unzip and pip do
/// not extract them, streaming readers (bsdtar reading a pipe, Java's ZipInputStream) do. By the rule "what any
/// consumer extracts, leak-scan scans" they are scanned, and the disagreement makes the scan incomplete.
@Suite struct HiddenLocalEntryTests {
    static let hidden = HandZip.localEntry(ZipCentralDirectoryTests.map("hidden"))
    static let listed = [ZipCentralDirectoryTests.map("a"), ZipCentralDirectoryTests.map("b")]

    @Test func entryHiddenBetweenMembersIsScannedAndIncomplete() {
        let zip = HandZip.build(Self.listed, between: Self.hidden)
        let start = HandZip.localEntry(Self.listed[0]).count
        for report in [HostileArchiveTests.scan("app.zip", zip), ZipCentralDirectoryTests.scanNested("app.jar", zip)] {
            #expect(ZipCentralDirectoryTests.exposedSources(report) == ["src/a.ts", "src/b.ts", "src/hidden.ts"])
            #expect(report.diagnostics.count == 1)
            #expect(
                report.diagnostics.first?.message
                    == "zip readers disagree: bytes \(start)–\(start + Self.hidden.count) hold local entries the central "
                    + "directory does not list: streaming readers (Java's ZipInputStream, bsdtar on a pipe) extract them, "
                    + "unzip and pip do not")
        }
    }

    @Test func entryHiddenAfterTheLastMemberIsScannedAndIncomplete() {
        let zip = HandZip.build([Self.listed[0]], between: Self.hidden)
        let report = HostileArchiveTests.scan("app.zip", zip)
        #expect(ZipCentralDirectoryTests.exposedSources(report) == ["src/a.ts", "src/hidden.ts"])
        #expect(report.isIncomplete)
        #expect(report.diagnostics.count == 1)
    }

    /// Bytes between members that hold no local header (a stray end record, padding) hide nothing.
    @Test func gapWithoutALocalHeaderIsNotReported() {
        let zip = HandZip.build(Self.listed, between: [UInt8](repeating: 0, count: 64))
        let report = HostileArchiveTests.scan("app.zip", zip)
        #expect(report.diagnostics.isEmpty)
        #expect(ZipCentralDirectoryTests.exposedSources(report) == ["src/a.ts", "src/b.ts"])
    }

    /// The consumers' views: bsdtar reading the zip from a pipe (streaming, local headers) extracts the hidden entry,
    /// unzip (central directory) does not; leak-scan reports what the streaming consumer got, counted independently.
    @Test(.enabled(if: ConsumerTool.exists("bsdtar") && ConsumerTool.exists("unzip"), "needs bsdtar and unzip"))
    func leakScanCountsWhatTheStreamingConsumerExtracts() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("app.zip", HandZip.build(Self.listed, between: Self.hidden))
        try FileManager.default.createDirectory(atPath: directory.path + "/stream", withIntermediateDirectories: true)
        let streamed = try ConsumerTool.shell("cat app.zip | bsdtar -xf - -C stream", in: directory.path)
        #expect(streamed.status == 0, "\(streamed.stderr)")
        var streaming = ExposureOracle()
        try streaming.count(directory: directory.path + "/stream")
        let unzipped = try ConsumerTool.run("unzip", ["-q", path, "-d", directory.path + "/central"], in: directory.path)
        #expect(unzipped.status == 0)
        var central = ExposureOracle()
        try central.count(directory: directory.path + "/central")
        #expect(streaming.maps == 3)
        #expect(central.maps == 2)
        let report = ArtifactScanner().scan(.path(path))
        #expect(report.maps.count == streaming.maps)
        #expect(report.totals.raw == ExposureCount(files: streaming.files, lines: streaming.lines, bytes: streaming.bytes))
        #expect(report.isIncomplete)
    }

    /// Zips whose members carry data descriptors (written to a pipe by Info-ZIP `zip`, sizes after the data) leave no
    /// gap: no false alarm.
    @Test(.enabled(if: ConsumerTool.exists("zip"), "needs zip"))
    func zipWrittenToAPipeWithDataDescriptorsIsNotReported() throws {
        let directory = TemporaryDirectory()
        directory.write("dist/a.js.map", Array(SquashfsTests.map("a", lines: 3).utf8))
        directory.write("dist/b.js", Array(String(repeating: "b();\n", count: 2_000).utf8))
        let made = try ConsumerTool.shell("zip -q -r - dist | cat > piped.zip", in: directory.path)
        #expect(made.status == 0, "\(made.stderr)")
        let report = ArtifactScanner().scan(.path(directory.path + "/piped.zip"))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        #expect(report.maps.count == 1)
    }
}
