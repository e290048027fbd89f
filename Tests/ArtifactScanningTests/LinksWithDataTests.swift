import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// Entries whose type says link or special file but which carry data are read; links without data are counted.
@Suite struct LinksWithDataTests {
    static let map = MapText.map(sources: ["src/linked.ts"], contents: ["a\nb\nc\n"])

    static func exposed(_ report: ArtifactReport) -> [String] {
        report.listedSources.map(\.path)
    }

    /// cpio (and so every rpm payload) puts the bytes of a hard-link group on its last link, which libarchive
    /// reports as a hard link; `cpio -idm` writes those bytes to every name of the group.
    @Test(.enabled(if: ConsumerTool.exists("cpio"), "needs cpio"))
    func lastHardLinkOfACpioGroupCarriesTheData() throws {
        let directory = TemporaryDirectory()
        directory.write("tree/a.js.map", Array(Self.map.utf8))
        let built = try ConsumerTool.shell(
            "cd tree && ln a.js.map b.js.map && printf 'a.js.map\\nb.js.map\\n' | cpio -o -H newc > ../links.cpio 2>/dev/null",
            in: directory.path)
        #expect(built.status == 0)
        let report = ArtifactScanner().scan(.path(directory.path + "/links.cpio"))
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.map(\.location.member) == ["b.js.map"])
        #expect(Self.exposed(report) == ["src/linked.ts"])
        #expect(report.statistics.linksSkipped == 0)
        #expect(report.statistics.regularFiles == 2)
    }

    /// pax interchange archives may give a hard link a body of its own; libarchive obeys its size there.
    @Test(.enabled(if: ConsumerTool.exists("python3"), "needs python3"))
    func paxHardLinkWithABodyIsRead() throws {
        let directory = TemporaryDirectory()
        directory.write("map.json", Array(Self.map.utf8))
        let script = """
            import io, tarfile
            data = open('map.json', 'rb').read()
            with tarfile.open('links.tar', 'w', format=tarfile.PAX_FORMAT, pax_headers={'comment': 'pax'}) as t:
                target = tarfile.TarInfo('package/real.txt'); target.size = 2; t.addfile(target, io.BytesIO(b'hi'))
                link = tarfile.TarInfo('package/dist/a.js.map'); link.type = tarfile.LNKTYPE
                link.linkname = 'package/real.txt'; link.size = len(data); t.addfile(link, io.BytesIO(data))
            """
        #expect(try ConsumerTool.run("python3", ["-c", script], in: directory.path).status == 0)
        let report = ArtifactScanner().scan(.path(directory.path + "/links.tar"))
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.map(\.location.member) == ["package/dist/a.js.map"])
        #expect(Self.exposed(report) == ["src/linked.ts"])
    }

    /// A zip entry whose Unix mode says symbolic link stores its "target" as data; Python's zipfile (pip) writes
    /// that data to a regular file, so a map hidden there ships.
    @Test func zipEntryMarkedSymlinkIsReadAsTheFilePipWrites() {
        let zip = HandZip.build([HandZip.Entry("dist/a.js.map", Array(Self.map.utf8), unixMode: 0o120777)])
        let report = HostileArchiveTests.scan("lib.whl", zip)
        #expect(report.diagnostics.isEmpty)
        #expect(Self.exposed(report) == ["src/linked.ts"])
        #expect(report.totals.firstParty == ExposureCount(files: 1, lines: 3, bytes: 6))
        #expect(report.statistics.linksSkipped == 0)
    }

    /// libarchive returns no data for a zip entry whose mode says device, while unzip and pip write its bytes to a
    /// regular file: the scan cannot see them, so it is incomplete, naming the entry.
    @Test func zipEntryMarkedDeviceWithDataIsIncomplete() {
        let zip = HandZip.build([HandZip.Entry("dist/a.js.map", Array(Self.map.utf8), unixMode: 0o020644)])
        let report = HostileArchiveTests.scan("lib.zip", zip)
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.map(\.location.member) == ["dist/a.js.map"])
        #expect(
            report.diagnostics.first?.message
                == "a special-file entry that carries \(Self.map.utf8.count) bytes, which libarchive does not hand out; its consumers may write them as a file"
        )
        #expect(report.statistics.otherSkipped == 0)
    }

    /// libarchive refuses a zip "symlink" whose data exceeds 64 KiB and cannot read on; pip would write it as a file:
    /// the scan fails closed.
    @Test func oversizedZipSymlinkEntryIsIncomplete() {
        let big = Array(MapText.map(sources: ["src/big.ts"], contents: [String(repeating: "x\n", count: 40_000)]).utf8)
        let zip = HandZip.build([HandZip.Entry("dist/big.js.map", big, unixMode: 0o120777), .text("dist/after.js", "a()\n")])
        let report = HostileArchiveTests.scan("lib.whl", zip)
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.message.contains("oversized link entry") == true)
    }

    @Test func nestedZipSymlinkEntryIsReadToo() {
        let zip = HandZip.build([HandZip.Entry("dist/a.js.map", Array(Self.map.utf8), unixMode: 0o120777)])
        let report = HostileArchiveTests.scan(
            "pkg.tgz", ArchiveBuilder.build(.tar, filter: .gzip, [.file("package/vendor/lib.whl", zip)]))
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.first?.location.chain.dropFirst() == ["package/vendor/lib.whl", "dist/a.js.map"])
    }

    @Test func bodilessLinksAreStillCountedNotRead() {
        let report = HostileArchiveTests.scan(
            "pkg.tar",
            ArchiveBuilder.build(
                .tar,
                [
                    .text("package/a.js.map", Self.map), .symlink("package/b.js.map", target: "a.js.map"),
                    .hardlink("package/c.js.map", target: "package/a.js.map"),
                ]))
        #expect(report.maps.count == 1)
        #expect(report.statistics.linksSkipped == 2)
        #expect(report.statistics.regularFiles == 1)
    }
}
