import Foundation
import TestSupport
import Testing

/// Baselines and release diffs on two releases built in code: 1.0 leaks one map, 1.1 grows it and adds another.
@Suite struct BaselineAndDiffTests {
    static func release(_ version: String, appLines: Int, withWorker: Bool) -> [UInt8] {
        let app = (0..<appLines).map { "line \($0)\n" }.joined()
        var members: [ArchiveBuilder.Member] = [
            .text("package/package.json", #"{"name":"pkg","version":"\#(version)"}"#),
            .text("package/dist/app.js.map", MapText.map(sources: ["src/app.ts"], contents: [app])),
        ]
        if withWorker {
            members.append(
                .text(
                    "package/dist/worker.js.map",
                    MapText.map(sources: ["src/worker.ts", "src/queue.ts"], contents: ["a\n", "b\nc\n"])))
        }
        return ArchiveBuilder.build(.tar, filter: .gzip, members)
    }

    static func releases() -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        _ = directory.write("pkg-1.0.0.tgz", release("1.0.0", appLines: 10, withWorker: false))
        _ = directory.write("pkg-1.1.0.tgz", release("1.1.0", appLines: 25, withWorker: true))
        _ = directory.write("pkg-1.0.1.tgz", release("1.0.1", appLines: 10, withWorker: false))
        return directory
    }

    @Test func baselineFailsOnlyOnExposureItDoesNotHold() throws {
        let directory = Self.releases()
        let baseline = try CLIRunner.run(["--format", "json", "--output", "base.json", "pkg-1.0.0.tgz"], in: directory.path)
        #expect(baseline.status == 1)
        let same = try CLIRunner.run(["--baseline", "base.json", "--quiet", "pkg-1.0.1.tgz"], in: directory.path)
        #expect(same.status == 0)
        #expect(
            same.stdout
                == "CLEAN       pkg-1.0.1.tgz  1 finding allowed by policy or baseline; 1 source map exposes 1 file / 10 lines of original source (first-party: 1 file / 10 lines)\n"
        )
        let grown = try CLIRunner.run(["--baseline", "base.json", "--format", "github", "pkg-1.1.0.tgz"], in: directory.path)
        #expect(grown.status == 1)
        #expect(grown.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("::error") }.count == 2)
    }

    @Test func diffNamesNewGrownAndGoneExposure() throws {
        let directory = Self.releases()
        let forward = try CLIRunner.run(["diff", "pkg-1.0.0.tgz", "pkg-1.1.0.tgz"], in: directory.path)
        #expect(forward.status == 1)
        #expect(
            forward.stdout == """
                new in pkg-1.1.0.tgz: package/dist/worker.js.map, +2 files / +3 lines [first-party-source-exposed]
                grown in pkg-1.1.0.tgz: package/dist/app.js.map, +0 files / +15 lines [first-party-source-exposed]

                """)
        let backward = try CLIRunner.run(["diff", "pkg-1.1.0.tgz", "pkg-1.0.0.tgz"], in: directory.path)
        #expect(backward.status == 0)
        #expect(
            backward.stdout
                == "gone since pkg-1.1.0.tgz: package/dist/worker.js.map, -2 files / -3 lines [first-party-source-exposed]\n")
    }

    @Test func diffReadsJSONReportsAsWellAsArtifacts() throws {
        let directory = Self.releases()
        _ = try CLIRunner.run(["--format", "json", "--output", "old.json", "pkg-1.0.0.tgz"], in: directory.path)
        let result = try CLIRunner.run(["diff", "old.json", "pkg-1.0.1.tgz"], in: directory.path)
        #expect(result.status == 0)
        #expect(result.stdout == "no change in exposure between old.json and pkg-1.0.1.tgz\n")
    }

    @Test func brokenPolicyFileIsAUsageErrorNamingTheKey() throws {
        let directory = Self.releases()
        _ = directory.write(".leak-scan.json", Array(#"{"version": 1, "fail": {"lines": 1}}"#.utf8))
        let result = try CLIRunner.run(["pkg-1.0.0.tgz"], in: directory.path)
        #expect(result.status == 64)
        #expect(
            result.stderr.hasSuffix(
                #"/.leak-scan.json:1:25: unknown key "lines" in "fail" (expected one of: firstPartyLinesOver, namesOnly, thirdParty)"#
                    + "\n"))
    }
}
