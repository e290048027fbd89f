import Foundation
import ArchiveStream
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// Electron's asar: read by its own streaming reader, members scanned as in any container; what cannot be read is
/// incomplete, never clean.
@Suite struct AsarTests {
    static let leaking = ArtifactScannerTests.leakingMap
    static let members: [AsarBuilder.Member] = [
        .file("package.json", Array(#"{"name":"app","main":"dist/main.js"}"#.utf8)),
        .file("dist/main.js", Array("main()\n//# sourceMappingURL=main.js.map\n".utf8)),
        .file("dist/main.js.map", Array(leaking.utf8)),
        .file(
            "dist/renderer.js",
            Array(
                "r()\n//# sourceMappingURL=data:application/json;base64,\(MapText.base64(MapText.map(sources: ["src/renderer.tsx"], contents: ["export {}\n"])))\n"
                    .utf8)),
        .file("node_modules/dep/index.js.map", Array(MapText.map(sources: ["index.ts"], contents: ["x\ny"]).utf8)),
        .unpacked("native/addon.node", size: 4096),
        .link("dist/latest.js", target: "dist/main.js"),
    ]

    /// The consumer's view (Electron's fs reads a file at `8 + headerSize + offset`), written independently: every
    /// file extracted by its index entry with Foundation's JSON parser, then counted.
    static func extractIndependently(_ asar: [UInt8]) throws -> ExposureOracle {
        let headerSize = Int(asar[4]) | Int(asar[5]) << 8 | Int(asar[6]) << 16 | Int(asar[7]) << 24
        let length = Int(asar[12]) | Int(asar[13]) << 8 | Int(asar[14]) << 16 | Int(asar[15]) << 24
        let index = try #require(try JSONSerialization.jsonObject(with: Data(asar[16..<(16 + length)])) as? [String: Any])
        var oracle = ExposureOracle()
        func visit(_ node: [String: Any]) {
            if let files = node["files"] as? [String: Any] {
                for case let child as [String: Any] in files.values { visit(child) }
            } else if node["unpacked"] == nil, node["link"] == nil, let size = node["size"] as? Int,
                let offset = (node["offset"] as? String).flatMap({ Int($0) })
            {
                let start = 8 + headerSize + offset
                oracle.count(fileContent: Array(asar[start..<(start + size)]))
            }
        }
        visit(index)
        return oracle
    }

    @Test func appAsarIsReadAndCountedAsElectronWouldServeIt() throws {
        let asar = AsarBuilder.build(Self.members, dataOrder: [4, 2, 0, 3, 1])
        let oracle = try Self.extractIndependently(asar)
        #expect(oracle == ExposureOracle(maps: 3, files: 4, lines: 6, bytes: 63))
        let report = ArtifactScannerTests.scan("app.asar", asar)
        #expect(report.verdict == .leak)
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.count == oracle.maps)
        #expect(report.totals.raw == ExposureCount(files: oracle.files, lines: oracle.lines, bytes: oracle.bytes))
        #expect(report.maps.map(\.location.member) == ["dist/main.js.map", "dist/renderer.js", "node_modules/dep/index.js.map"])
        #expect(report.references.map(\.status) == [.present])
        #expect(report.statistics.linksSkipped == 1)
        #expect(report.statistics.otherSkipped == 1)
        #expect(
            report.notes.map(\.message).contains(
                "asar reader warning: 1 entries are marked unpacked: their data lives outside the archive (app.asar.unpacked/) and is scanned only where that folder is scanned"
            ))
    }

    @Test func asarInsideAnotherArchiveIsRecognisedByContent() {
        let asar = AsarBuilder.build(Self.members)
        let report = ArtifactScannerTests.scan(
            "app.tar.gz", ArchiveBuilder.build(.tar, filter: .gzip, [.file("resources/app-bundle", asar)]))
        #expect(report.verdict == .leak)
        #expect(report.diagnostics.isEmpty)
        #expect(report.maps.map { Array($0.location.chain.dropFirst()) }.first == ["resources/app-bundle", "dist/main.js.map"])
        #expect(report.maps.count == 3)
    }

    @Test(arguments: [1, 7, 100, 4096, 1 << 20])
    func readerGivesTheSameMembersAtEveryChunking(chunkSize: Int) throws {
        let asar = AsarBuilder.build(Self.members, dataOrder: [4, 2, 0, 3, 1])
        let reader = AsarReader(source: ChunkedByteSource(asar, chunkSize: chunkSize))
        var seen: [String] = []
        while let info = try reader.nextEntry() {
            var bytes: [UInt8] = []
            while true {
                let block = try reader.readBlock()
                if block.isEmpty { break }
                bytes += block
            }
            seen.append("\(info.path) \(info.kind) \(bytes.count) \(bytes.reduce(0) { $0 &* 31 &+ Int($1) })")
        }
        let expected = Self.members.compactMap { member -> (String, ArchiveEntryInfo.Kind, [UInt8])? in
            switch member {
            case .file(let path, let bytes): (path, .regular, bytes)
            case .unpacked(let path, _): (path, .other, [])
            case .link(let path, _): (path, .symlink, [])
            }
        }.map { "\($0.0) \($0.1) \($0.2.count) \($0.2.reduce(0) { $0 &* 31 &+ Int($1) })" }
        #expect(seen.sorted() == expected.sorted())
        #expect(seen.prefix(2).sorted() == ["dist/latest.js symlink 0 0", "native/addon.node other 0 0"])
    }

    @Test func entryWhoseDataOverlapsAnEarlierOneIsNamedAndIncomplete() {
        let asar = AsarBuilder.build(
            [.file("a.js.map", Array(Self.leaking.utf8)), .file("b.js.map", Array(Self.leaking.utf8))], offsets: ["b.js.map": 10])
        let report = ArtifactScannerTests.scan("app.asar", asar)
        #expect(report.verdict == .leak)
        #expect(report.diagnostics.map(\.location.member) == ["b.js.map"])
        #expect(report.diagnostics.first?.message.hasPrefix("unreadable member header: its data (offset 10, ") == true)
    }

    @Test(arguments: [20, 200, 300])
    func truncatedAsarIsIncomplete(keeping: Int) {
        let asar = AsarBuilder.build(Self.members)
        let report = ArtifactScannerTests.scan("app.asar", Array(asar.prefix(keeping)))
        #expect(report.isIncomplete)
        #expect(report.diagnostics.count == 1)
    }

    @Test func fileNamedAsarThatIsNotOneIsIncomplete() {
        let report = ArtifactScannerTests.scan(
            "pkg.tar", ArchiveBuilder.build(.tar, [.file("resources/app.asar", [4, 0, 0, 0] + Array("garbage".utf8))]))
        #expect(report.verdict == .incomplete)
        #expect(report.diagnostics.map(\.location.member) == ["resources/app.asar"])
    }
}
