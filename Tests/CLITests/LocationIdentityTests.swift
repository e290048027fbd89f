import Foundation
import TestSupport
import Testing

/// Locations are member paths plus a typed byte offset: nothing in a path is mistaken for a position, and an inline
/// map keeps its identity (its ordinal in the member) when code before it moves it.
@Suite struct LocationIdentityTests {
    static func script(padding: Int) -> String {
        let map = MapText.map(sources: ["src/widget.ts"], contents: ["export const a = 1\nexport const b = 2\n"])
        return String(repeating: "var x=1;\n", count: padding)
            + "//# sourceMappingURL=data:application/json;base64,\(MapText.base64(map))\n"
    }

    static func release(padding: Int) -> [UInt8] {
        ArchiveBuilder.build(
            .tar, filter: .gzip,
            [
                .text("package/package.json", #"{"name":"widget","version":"1.0.0"}"#),
                .text("package/dist/widget.js", script(padding: padding)),
            ])
    }

    @Test func inlineMapKeepsItsFingerprintWhenCodeBeforeItChanges() throws {
        let directory = TemporaryDirectory()
        _ = directory.write("widget-1.0.0.tgz", Self.release(padding: 2))
        _ = directory.write("widget-1.1.0.tgz", Self.release(padding: 40))
        let baseline = try CLIRunner.run(["--format", "json", "--output", "base.json", "widget-1.0.0.tgz"], in: directory.path)
        #expect(baseline.status == 1)
        let covered = try CLIRunner.run(["--baseline", "base.json", "--quiet", "widget-1.1.0.tgz"], in: directory.path)
        #expect(covered.status == 0)
        let diff = try CLIRunner.run(["diff", "widget-1.0.0.tgz", "widget-1.1.0.tgz"], in: directory.path)
        #expect(diff.status == 0)
        #expect(diff.stdout == "no change in exposure between widget-1.0.0.tgz and widget-1.1.0.tgz\n")
    }

    @Test func inlineMapInAScannedFolderIsPlacedAtItsByteOffset() throws {
        let directory = TemporaryDirectory()
        _ = directory.write("dist/widget.js", Array(Self.script(padding: 40).utf8))
        let sarif = try CLIRunner.run(["--format", "sarif", "dist"], in: directory.path)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        let result = ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first
        let physical = (result?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((physical?["region"] as? [String: Any])?["byteOffset"] as? Int == 40 * 9 + 4)
        #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == "dist/widget.js")
    }

    @Test func directoryScanReportsAMapUnderAnAtScopeFolderAtItsPath() throws {
        let directory = TemporaryDirectory()
        let map = MapText.map(sources: ["src/index.ts"], contents: ["export {}\n"])
        try FileManager.default.createDirectory(atPath: directory.path + "/build/@scope/pkg", withIntermediateDirectories: true)
        _ = directory.write("build/@scope/pkg/x.js.map", Array(map.utf8))
        let sarif = try CLIRunner.run(["--format", "sarif", "build"], in: directory.path)
        #expect(sarif.status == 1)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        let result = ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first
        let physical = (result?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == "build/@scope/pkg/x.js.map")
        #expect(physical?["region"] == nil)
    }
}

@Suite struct ReportedOnceTests {
    /// A map's own notes are reported on the map, not again among the artifact's notes.
    @Test func mapNotesAppearOnceInJSON() throws {
        let directory = TemporaryDirectory()
        let cut = #"{"version":3,"sources":["src/a.ts"],"sourcesContent":["line one\nline tw"#
        _ = directory.write("cut.tar", ArchiveBuilder.build(.tar, [.text("a.js.map", cut)]))
        let result = try CLIRunner.run(["--format", "json", "cut.tar"], in: directory.path)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let artifact = try #require((report["artifacts"] as? [[String: Any]])?.first)
        #expect((artifact["notes"] as? [Any])?.isEmpty == true)
        let map = try #require((artifact["maps"] as? [[String: Any]])?.first)
        #expect(
            map["notes"] as? [String] == [
                "truncated at byte \(cut.utf8.count) inside a sourcesContent entry (counted as far as it goes)"
            ])
    }
}
