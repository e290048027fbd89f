import Foundation
import TestSupport
import Testing

/// The Action's scan step runs leak-scan once for every input: `npm pack` (and the package's `prepack`) runs once,
/// and one SARIF file holds the results of packed and plain inputs alike.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/npm"), "needs npm"))
struct ActionScanTests {
    @Test func mixedPackAndPlainInputsAreScannedOnceIntoOneSARIF() throws {
        let directory = TemporaryDirectory()
        _ = directory.write(
            "app/package.json",
            Array(
                #"{"name":"app","version":"2.0.0","files":["dist"],"scripts":{"prepack":"echo packed >> ../prepack.log"}}"#.utf8))
        _ = directory.write("app/dist/a.js.map", Array(MapText.map(sources: ["src/a.ts"], contents: ["a\n"]).utf8))
        let environment = [
            "INPUT_PATHS": "pack:app \(CLIRunner.packageRoot)/SampleArtifacts/clean-lib-3.1.0.tgz",
            "INPUT_SARIF": directory.path + "/out.sarif", "INPUT_CATEGORY": "release-gate", "LEAK_SCAN": CLIRunner.binary,
            "GITHUB_STEP_SUMMARY": directory.path + "/summary.md",
        ]
        let script = CLIRunner.packageRoot + "/Scripts/action-scan.sh"
        let result = try CLIRunner.runTool("/bin/bash", [script], in: directory.path, environment: environment)
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: directory.path + "/prepack.log", encoding: .utf8) == "packed\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sarif") } == ["out.sarif"]
        )
        let log = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/out.sarif")))
                as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["automationDetails"] as? [String: Any])?["id"] as? String == "release-gate/")
        let uris = (run["results"] as? [[String: Any]] ?? []).compactMap {
            (((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])?["artifactLocation"]
                as? [String: Any])?["uri"] as? String
        }
        #expect(uris == ["app/package.json"])
        let summary = try String(contentsOfFile: directory.path + "/summary.md", encoding: .utf8)
        #expect(summary.contains("| CLEAN | `\(CLIRunner.packageRoot)/SampleArtifacts/clean-lib-3.1.0.tgz` |"))
        #expect(result.stdout.contains("::error file=app/package.json,line=1,title=leak-scan first-party-source-exposed::"))
    }

    @Test func failOnNeverPassesALeakButNotAnIncompleteScan() throws {
        let script = CLIRunner.packageRoot + "/Scripts/action-scan.sh"
        let directory = TemporaryDirectory()
        var environment = [
            "INPUT_PATHS": "\(CLIRunner.packageRoot)/SampleArtifacts/leaky-cli-1.0.0.tgz", "INPUT_FAIL_ON": "never",
            "INPUT_SARIF": directory.path + "/out.sarif", "LEAK_SCAN": CLIRunner.binary,
        ]
        #expect(try CLIRunner.runTool("/bin/bash", [script], in: directory.path, environment: environment).status == 0)
        environment["INPUT_PATHS"] = "/nonexistent/x.tgz"
        #expect(try CLIRunner.runTool("/bin/bash", [script], in: directory.path, environment: environment).status == 2)
    }
}
