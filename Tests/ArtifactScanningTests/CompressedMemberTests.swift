import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// Compressed members (precompressed web assets: `cli.js.map.gz`, `.br`, `.zst` …) are decoded and scanned under the
/// name without the suffix, and counted exactly as the real decompressor's output counts.
@Suite struct CompressedMemberTests {
    static let compressors: [(tool: String, suffix: String)] = [
        ("gzip", "gz"), ("bzip2", "bz2"), ("xz", "xz"), ("zstd", "zst"), ("lz4", "lz4"), ("brotli", "br"),
    ]

    /// A map whose sources differ per compressor, so each member's counts are its own.
    static func map(_ tag: String) -> String {
        MapText.map(
            sources: [
                "webpack:///./src/\(tag)/main.ts", "webpack:///./src/\(tag)/util.ts", "webpack:///./node_modules/dep/i.js",
            ],
            contents: [
                String(repeating: "export const \(tag) = 1;\n", count: 40),
                "line one\r\nline two\nno newline at the end",
                "module.exports = 1\n",
            ])
    }

    static func script(_ tag: String) -> String {
        "console.log('\(tag)')\n//# sourceMappingURL=data:application/json;base64,\(MapText.base64(map(tag + "-inline")))\n"
    }

    @Test(arguments: compressors)
    func compressedMapAndScriptInAnNpmTarballAreCountedAsTheDecompressorSees(tool: String, suffix: String) throws {
        let directory = TemporaryDirectory()
        let members: [ArchiveBuilder.Member] = [
            .text("package/package.json", #"{"name":"pkg","version":"1.0.0"}"#),
            .file("package/dist/cli.js.map.\(suffix)", try ToolOutput.compress(Array(Self.map(tool).utf8), with: tool)),
            .file("package/dist/cli.js.\(suffix)", try ToolOutput.compress(Array(Self.script(tool).utf8), with: tool)),
        ]
        let tarball = directory.write("pkg.tgz", ArchiveBuilder.build(.tar, filter: .gzip, members))

        // The consumer: npm's node-tar extracts, the real tool decompresses, an independent counter counts.
        let extracted = directory.path + "/extracted"
        try FileManager.default.createDirectory(atPath: extracted, withIntermediateDirectories: true)
        try ToolOutput.extractWithNodeTar(tarball, into: extracted)
        var oracle = ExposureOracle()
        for name in ["cli.js.map", "cli.js"] {
            let compressed = try Data(contentsOf: URL(fileURLWithPath: "\(extracted)/package/dist/\(name).\(suffix)"))
            oracle.count(fileContent: try ToolOutput.decompress(Array(compressed), with: tool))
        }
        #expect(oracle == ExposureOracle(maps: 2, files: 6, lines: 88, bytes: 1_918 + 80 * tool.utf8.count))

        let report = ArtifactScanner().scan(.path(tarball))
        #expect(report.verdict == .leak)
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.count == oracle.maps)
        #expect(report.totals.raw == ExposureCount(files: oracle.files, lines: oracle.lines, bytes: oracle.bytes))
        let found = Dictionary(uniqueKeysWithValues: report.maps.map { ($0.location.chain, $0.kind) })
        #expect(
            found == [
                [tarball, "package/dist/cli.js.\(suffix)", "cli.js"]: .inline,
                [tarball, "package/dist/cli.js.map.\(suffix)", "cli.js.map"]: .file,
            ])
    }

    @Test(arguments: compressors)
    func topLevelCompressedMapIsScannedUnderItsNameWithoutTheSuffix(tool: String, suffix: String) throws {
        let directory = TemporaryDirectory()
        let path = directory.write("x.js.map.\(suffix)", try ToolOutput.compress(Array(Self.map(tool).utf8), with: tool))
        var oracle = ExposureOracle()
        oracle.count(fileContent: try ToolOutput.decompress(Array(try Data(contentsOf: URL(fileURLWithPath: path))), with: tool))
        let report = ArtifactScanner().scan(.path(path))
        #expect(report.verdict == .leak)
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.map(\.location.chain) == [[path, "x.js.map"]])
        #expect(report.totals.raw == ExposureCount(files: oracle.files, lines: oracle.lines, bytes: oracle.bytes))
    }

    @Test(arguments: [("gz", Reference.Status.present), ("br", .present), ("zst", .present), ("xz", .missing)])
    func referenceToAMapIsPresentWhenOnlyItsPrecompressedCopyShips(suffix: String, status: Reference.Status) throws {
        let tool = Self.compressors.first { $0.suffix == suffix }!.tool
        let report = ArtifactScannerTests.scan(
            "pkg.tgz",
            ArchiveBuilder.build(
                .tar, filter: .gzip,
                [
                    .text("package/dist/a.js", "a()\n//# sourceMappingURL=a.js.map\n"),
                    .file("package/dist/a.js.map.\(suffix)", try ToolOutput.compress(Array(Self.map("a").utf8), with: tool)),
                ]))
        #expect(report.references.map(\.status) == [status])
        #expect(report.maps.count == 1)
    }

    @Test func referenceInsideACompressedScriptResolvesBesideTheCompressedFile() throws {
        let report = ArtifactScannerTests.scan(
            "pkg.tgz",
            ArchiveBuilder.build(
                .tar, filter: .gzip,
                [
                    .file(
                        "package/dist/a.js.gz",
                        try ToolOutput.compress(Array("a()\n//# sourceMappingURL=a.js.map\n".utf8), with: "gzip")),
                    .file(
                        "package/dist/b.js.br",
                        try ToolOutput.compress(Array("b()\n//# sourceMappingURL=maps/b.js.map\n".utf8), with: "brotli")),
                    .text("package/dist/a.js.map", Self.map("a")),
                ]))
        #expect(
            report.references.map(\.location.description) == [
                "\(report.name)!package/dist/a.js.gz!a.js", "\(report.name)!package/dist/b.js.br!b.js",
            ])
        #expect(report.references.map(\.status) == [.present, .missing])
    }

    @Test func debianBrotliCopyIsDecodedByName() throws {
        let deb = ArchiveBuilder.debianPackage(data: [
            .file("./usr/share/doc/app/app.js.map.brotli", try ToolOutput.compress(Array(Self.map("deb").utf8), with: "brotli"))
        ])
        let report = ArtifactScannerTests.scan("app_1.0_all.deb", deb)
        #expect(report.verdict == .leak)
        #expect(
            report.maps.first?.location.chain.dropFirst() == [
                "data.tar.xz", "./usr/share/doc/app/app.js.map.brotli", "app.js.map",
            ])
    }

    @Test func brotliNamedMemberThatIsNotBrotliIsIncomplete() {
        let report = ArtifactScannerTests.scan(
            "pkg.tar", ArchiveBuilder.build(.tar, [.text("dist/a.js.br", "plain text, not brotli\n")]))
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.map(\.location.member) == ["dist/a.js.br"])
        #expect(report.diagnostics.first?.message.hasPrefix("nested archive unreadable: ") == true)
    }

    @Test func truncatedBrotliMemberIsIncomplete() throws {
        let compressed = try ToolOutput.compress(Array(Self.map("cut").utf8), with: "brotli")
        let report = ArtifactScannerTests.scan(
            "pkg.tar", ArchiveBuilder.build(.tar, [.file("a.js.map.br", Array(compressed.dropLast(3)))]))
        #expect(report.isIncomplete)
        #expect(report.diagnostics.map(\.message) == ["nested archive unreadable: brotli stream is truncated"])
        #expect(report.diagnostics.map(\.location.member) == ["a.js.map.br"])
    }

    @Test func compressedMemberCountsAgainstTheByteLimit() throws {
        let zeros = [UInt8](repeating: 0x20, count: 4 << 20)
        var limits = ScanLimits()
        limits.maxTotalBytes = 1 << 20
        let report = ArtifactScannerTests.scan(
            "pkg.tar", ArchiveBuilder.build(.tar, [.file("a.js.br", try ToolOutput.compress(zeros, with: "brotli"))]),
            limits: limits)
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.map(\.limit?.flag) == ["--max-bytes"])
        #expect(report.diagnostics.first?.location.chain.suffix(2) == ["a.js.br", "a.js"])
    }

    @Test func plainMemberNamedCompressedIsIncompleteAndStillScanned() {
        let report = ArtifactScannerTests.scan(
            "pkg.tar",
            ArchiveBuilder.build(
                .tar,
                [
                    .text("dist/a.js.map.gz", ArtifactScannerTests.leakingMap)
                ]))
        #expect(report.verdict == .leak)
        #expect(report.maps.map(\.location.description) == ["\(report.name)!dist/a.js.map.gz"])
        #expect(report.diagnostics.map(\.location.member) == ["dist/a.js.map.gz"])
        #expect(
            report.diagnostics.map(\.message) == [
                #"named like an archive or a compressed file but its content is neither (it starts with `{"version":3,"fi…`); scanned as one plain file"#
            ])
    }
}
