import Foundation
import ArchiveStream
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// Nested containers are recognised by their content (magic bytes), whatever their name: OCI / docker layers under
/// `blobs/sha256/<hex>`, an npm tarball vendored without an extension, every format libarchive reads.
@Suite struct ContentSniffingTests {
    static let map = Array(ArtifactScannerTests.leakingMap.utf8)
    static let blob = "blobs/sha256/" + String(repeating: "3f5a", count: 16)

    /// (libarchive writer format, filter, what the sniffer must call it).
    static let shapes: [(format: String, filter: String?, kind: ContentSniffer.Kind)] = [
        ("pax", nil, .tar), ("ustar", nil, .tar), ("gnutar", nil, .tar), ("zip", nil, .zip),
        ("odc", nil, .cpio), ("newc", nil, .cpio), ("arsvr4", nil, .ar), ("xar", nil, .xar),
        ("pax", "gzip", .gzip), ("pax", "bzip2", .bzip2), ("pax", "xz", .xz), ("pax", "zstd", .zstd), ("pax", "lz4", .lz4),
        ("pax", "lzip", .lzip), ("pax", "compress", .compress),
    ]

    @Test(arguments: shapes)
    func containerWithoutAnExtensionIsOpenedByContent(format: String, filter: String?, kind: ContentSniffer.Kind) {
        let inner = FormatWriter.build(format: format, filter: filter, files: [("a.js.map", Self.map)])
        #expect(
            inner.withUnsafeBytes {
                ContentSniffer.classify(UnsafeRawBufferPointer(rebasing: $0.prefix(ContentSniffer.headLength)))
            } == kind)
        let report = ArtifactScannerTests.scan(
            "image.tar", ArchiveBuilder.build(.tar, [.text("oci-layout", "{}"), .file(Self.blob, inner)]))
        #expect(report.verdict == .leak)
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.map { Array($0.location.chain.dropFirst()) } == [[Self.blob, "a.js.map"]])
        #expect(report.statistics.nestedArchives == 1)
    }

    /// 7z keeps its index at the end: the member is spooled for random access and read by libarchive's seekable
    /// reader, whatever its name.
    @Test func sevenZipMemberIsSpooledAndRead() {
        let inner = FormatWriter.build(format: "7zip", files: [("a.js.map", Self.map)])
        #expect(inner.withUnsafeBytes { ContentSniffer.classify($0) } == .sevenZip)
        let report = ArtifactScannerTests.scan("image.tar", ArchiveBuilder.build(.tar, [.file(Self.blob, inner)]))
        #expect(report.verdict == .leak)
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.map { Array($0.location.chain.dropFirst()) } == [[Self.blob, "a.js.map"]])
        #expect(report.statistics.nestedArchives == 1)
    }

    @Test func textThatStartsLikeAMagicNumberIsNotOpened() {
        let texts = [
            "BZh9 is not bzip2 unless a block follows\n", "070701 is a number, not a cpio header\n",
            "PK is a prefix\n", String(repeating: " ", count: 257) + "ustar is not a tar header without its place\n",
        ]
        let report = ArtifactScannerTests.scan(
            "texts.tar", ArchiveBuilder.build(.tar, texts.enumerated().map { .text("doc\($0.offset)", $0.element) }))
        #expect(report.statistics.nestedArchives == 0)
        #expect(report.statistics.regularFiles == 4)
        #expect(report.diagnostics.isEmpty)
        #expect(report.verdict == .clean)
    }

    /// Starts like squashfs but is none: read by libsquashfs, refused, incomplete rather than clean.
    @Test func squashfsMagicWithoutAnImageIsIncomplete() {
        let image = Array("hsqs".utf8) + [UInt8](repeating: 0, count: 300)
        let report = ArtifactScannerTests.scan("snap.tar", ArchiveBuilder.build(.tar, [.file("app.snap", image)]))
        #expect(report.verdict == .incomplete)
        #expect(
            report.diagnostics.map(\.message) == [
                "archive unreadable after 1 member: squashfs image is unreadable: cannot read its super block: unsupported squashfs version (only 4.0 is read)"
            ])
    }

    /// An OCI image layout as `docker save` (≥ 25) writes it: extension-less blobs, one gzip layer, one plain layer,
    /// both made by GNU tar. The consumer's view: GNU tar extracts the image and each layer; an independent counter
    /// counts what came out.
    @Test func ociImageLayersAreScannedAsDockerWouldUnpackThem() throws {
        let work = TemporaryDirectory()
        work.write("layer1/app/dist/main.js.map", Self.map)
        work.write("layer1/app/dist/main.js", Array("main()\n//# sourceMappingURL=main.js.map\n".utf8))
        work.write(
            "layer2/srv/www/site.css.map", Array(MapText.map(sources: ["src/site.scss"], contents: ["a {\n  b: c;\n}\n"]).utf8))
        let gzipLayer = try ToolOutput.run(["tar", "-C", work.path + "/layer1", "-czf", "-", "app"])
        let plainLayer = try ToolOutput.run(["tar", "-C", work.path + "/layer2", "-cf", "-", "srv"])
        let blobs = ["blobs/sha256/" + String(repeating: "a1", count: 32), "blobs/sha256/" + String(repeating: "b2", count: 32)]
        let image = work.write(
            "image.tar",
            ArchiveBuilder.build(
                .tar,
                [
                    .text("oci-layout", #"{"imageLayoutVersion":"1.0.0"}"#), .text("index.json", #"{"schemaVersion":2}"#),
                    .file(blobs[0], gzipLayer), .file(blobs[1], plainLayer),
                ]))

        let unpacked = work.path + "/unpacked"
        for (index, blob) in blobs.enumerated() {
            try FileManager.default.createDirectory(atPath: "\(unpacked)/\(index)", withIntermediateDirectories: true)
            _ = try ToolOutput.run([
                "sh", "-c", "tar -xOf \"$0\" \"$1\" > \"$2.layer\" && tar -xf \"$2.layer\" -C \"$2\" && rm \"$2.layer\"", image,
                blob, "\(unpacked)/\(index)",
            ])
        }
        var oracle = ExposureOracle()
        try oracle.count(directory: unpacked)
        #expect(oracle == ExposureOracle(maps: 2, files: 3, lines: 6, bytes: 64))

        let report = ArtifactScanner().scan(.path(image))
        #expect(report.verdict == .leak)
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.count == oracle.maps)
        #expect(report.totals.raw == ExposureCount(files: oracle.files, lines: oracle.lines, bytes: oracle.bytes))
        #expect(
            report.maps.map { Array($0.location.chain.dropFirst()) } == [
                [blobs[0], "app/dist/main.js.map"], [blobs[1], "srv/www/site.css.map"],
            ])
        #expect(report.references.map(\.status) == [.present])
    }

    /// A real `npm pack` tarball vendored under a name without an extension, inside a zip.
    @Test func npmTarballVendoredWithoutAnExtensionIsOpened() throws {
        let work = TemporaryDirectory()
        work.write("dep/package.json", Array(#"{"name":"dep","version":"1.0.0","files":["dist"]}"#.utf8))
        work.write("dep/dist/index.js.map", Self.map)
        let packed = try ToolOutput.run(["npm", "pack", "--silent", "--pack-destination", work.path], in: work.path + "/dep")
        let tarball = work.path + "/" + String(decoding: packed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: tarball)))
        let extracted = work.path + "/extracted"
        try FileManager.default.createDirectory(atPath: extracted, withIntermediateDirectories: true)
        try ToolOutput.extractWithNodeTar(tarball, into: extracted)
        var oracle = ExposureOracle()
        try oracle.count(directory: extracted)

        let report = ArtifactScannerTests.scan("bundle.zip", ArchiveBuilder.build(.zip, [.file("vendor/dep-tarball", bytes)]))
        #expect(report.verdict == .leak)
        #expect(report.diagnostics.isEmpty)
        #expect(
            report.maps.map { Array($0.location.chain.dropFirst()) } == [["vendor/dep-tarball", "package/dist/index.js.map"]])
        #expect(report.totals.raw == ExposureCount(files: oracle.files, lines: oracle.lines, bytes: oracle.bytes))
        #expect(oracle.files == 2)
    }
}
