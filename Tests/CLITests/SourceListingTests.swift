import Foundation
import TestSupport
import Testing

/// `--list-sources`: every exposed source with its map, party, lines and bytes, in text and JSON, in a fixed order, and
/// capped per artifact with a count of the rest.
@Suite struct SourceListingTests {
    static let cliMap = MapText.map(
        sources: ["webpack://app/./src/cli.ts", "webpack://app/./node_modules/left-pad/index.js", "src/names-only.ts"],
        contents: ["main()\r\nexit()\n", "module.exports = pad", nil])
    static let uiMap = MapText.map(sources: ["../src/ui/é.tsx"], contents: ["<a/>\n<b/>\n<c/>"])

    static func artifact(in directory: TemporaryDirectory) -> String {
        directory.write(
            "app.tgz",
            ArchiveBuilder.build(
                .tar, filter: .gzip,
                [
                    .text("package/dist/ui/ui.js.map", Self.uiMap), .text("package/dist/cli.js.map", Self.cliMap),
                    .text("package/dist/plain.js", "x()\n"),
                ]))
    }

    struct Source: Decodable, Equatable {
        var map: String
        var path: String
        var firstParty: Bool
        var lines: Int
        var bytes: Int
    }

    struct Artifact: Decodable {
        var sources: [Source]?
        var sourcesNotListed: Int?
    }

    struct Report: Decodable {
        var artifacts: [Artifact]
    }

    @Test func textListsEverySourceUnderItsMap() throws {
        let directory = TemporaryDirectory()
        _ = Self.artifact(in: directory)
        let result = try CLIRunner.run(["--list-sources", "--color", "never", "app.tgz"], in: directory.path)
        #expect(result.status == 1)
        let listing = result.stdout.split(separator: "\n").drop { !$0.hasPrefix("  sources of ") }.prefix {
            !$0.hasPrefix("LEAK")
        }
        #expect(
            Array(listing) == [
                "  sources of app.tgz!package/dist/cli.js.map:",
                "    first-party  app/src/cli.ts  2 lines / 15 B",
                "    third-party  app/node_modules/left-pad/index.js  1 line / 20 B",
                "  sources of app.tgz!package/dist/ui/ui.js.map:",
                "    first-party  src/ui/é.tsx  3 lines / 14 B",
            ])
        let without = try CLIRunner.run(["--color", "never", "app.tgz"], in: directory.path)
        #expect(!without.stdout.contains("sources of"))
    }

    @Test func jsonListsTheSameSourcesAndTheCapCountsTheRest() throws {
        let directory = TemporaryDirectory()
        _ = Self.artifact(in: directory)
        let full = try CLIRunner.run(["--list-sources", "-f", "json", "app.tgz"], in: directory.path)
        let artifact = try JSONDecoder().decode(Report.self, from: Data(full.stdout.utf8)).artifacts[0]
        #expect(
            artifact.sources == [
                Source(map: "app.tgz!package/dist/cli.js.map", path: "app/src/cli.ts", firstParty: true, lines: 2, bytes: 15),
                Source(
                    map: "app.tgz!package/dist/cli.js.map", path: "app/node_modules/left-pad/index.js", firstParty: false,
                    lines: 1, bytes: 20),
                Source(
                    map: "app.tgz!package/dist/ui/ui.js.map", path: "src/ui/é.tsx", firstParty: true, lines: 3,
                    bytes: 14),
            ])
        #expect(artifact.sourcesNotListed == 0)
        let capped = try CLIRunner.run(
            ["--list-sources", "--max-listed-sources", "2", "-f", "json", "app.tgz"], in: directory.path)
        let cappedArtifact = try JSONDecoder().decode(Report.self, from: Data(capped.stdout.utf8)).artifacts[0]
        #expect(cappedArtifact.sources == Array(artifact.sources?.prefix(2) ?? []))
        #expect(cappedArtifact.sourcesNotListed == 1)
        let cappedText = try CLIRunner.run(["--list-sources", "--max-listed-sources", "2", "app.tgz"], in: directory.path)
        #expect(
            cappedText.stdout.contains(
                "\n  … and 1 more source not listed (at most 2 per artifact; raise --max-listed-sources)\n"))
        let plain = try CLIRunner.run(["-f", "json", "app.tgz"], in: directory.path)
        let plainArtifact = try JSONDecoder().decode(Report.self, from: Data(plain.stdout.utf8)).artifacts[0]
        #expect(plainArtifact.sources == nil && plainArtifact.sourcesNotListed == nil)
    }

    @Test func listingValidatesAgainstTheSchema() throws {
        let directory = TemporaryDirectory()
        _ = Self.artifact(in: directory)
        let json = try CLIRunner.run(["--list-sources", "-f", "json", "app.tgz"], in: directory.path)
        let check = try ReportFormatTests.validate(json.stdout, against: "Docs/report.schema.json")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
