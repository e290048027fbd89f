import Foundation
import TestSupport
import Testing

/// Every format pinned by a golden file, JSON and SARIF checked against their schemas with a real validator.
@Suite struct ReportFormatTests {
    static let goldenDirectory = CLIRunner.packageRoot + "/Tests/Fixtures/golden"
    static let artifacts = ["leaky-cli-1.0.0.tgz", "inline-widget-0.3.0.tgz", "nested_tools-1.0-py3-none-any.whl"]
    static let formats = ["text", "json", "jsonl", "sarif", "github", "markdown"]

    /// Compares with the golden file. `LEAK_SCAN_RECORD_GOLDEN=1` rewrites it and still fails, so recording is explicit.
    static func expectGolden(_ actual: String, named name: String) throws {
        let path = goldenDirectory + "/" + name
        if ProcessInfo.processInfo.environment["LEAK_SCAN_RECORD_GOLDEN"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); unset LEAK_SCAN_RECORD_GOLDEN and run again")
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file")
    }

    @Test(arguments: artifacts, formats)
    func outputMatchesTheGoldenFile(artifact: String, format: String) throws {
        let result = try CLIRunner.run(["--format", format, "SampleArtifacts/\(artifact)"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        try Self.expectGolden(result.stdout, named: "\(artifact).\(format)")
    }

    static func validate(_ document: String, against schema: String) throws -> CLIRunner.Result {
        let directory = TemporaryDirectory()
        let path = directory.write("document.json", Array(document.utf8))
        return try CLIRunner.runTool("/usr/bin/env", ["python3", "Scripts/validate-json-schema.py", schema, path])
    }

    @Test(arguments: artifacts + ["clean-lib-3.1.0.tgz", "names-only-2.0.0.tgz", "demo-app_1.0_all.deb"])
    func jsonAndSARIFValidateAgainstTheirSchemas(artifact: String) throws {
        let json = try CLIRunner.run(["--format", "json", "SampleArtifacts/\(artifact)"])
        let jsonCheck = try Self.validate(json.stdout, against: "Docs/report.schema.json")
        #expect(jsonCheck.status == 0, "\(jsonCheck.stdout)\(jsonCheck.stderr)")
        let sarif = try CLIRunner.run(["--format", "sarif", "SampleArtifacts/\(artifact)"])
        let sarifCheck = try Self.validate(
            sarif.stdout, against: CLIRunner.packageRoot + "/../shared/schemas/sarif-schema-2.1.0.json")
        #expect(sarifCheck.status == 0, "\(sarifCheck.stdout)\(sarifCheck.stderr)")
    }

    @Test func outputFileIsWrittenAndStdoutStaysEmpty() throws {
        let directory = TemporaryDirectory()
        let result = try CLIRunner.run([
            "--format", "json", "--output", directory.path + "/report.json", "SampleArtifacts/leaky-cli-1.0.0.tgz",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: directory.path + "/report.json", encoding: .utf8)
        try Self.expectGolden(written, named: "leaky-cli-1.0.0.tgz.json")
    }

    @Test func githubFormatAppendsTheSummaryTableToTheStepSummary() throws {
        let directory = TemporaryDirectory()
        let summary = directory.path + "/summary.md"
        let result = try CLIRunner.run(
            ["--format", "github", "SampleArtifacts/leaky-cli-1.0.0.tgz"], environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(
            result.stdout.hasPrefix(
                "::error file=SampleArtifacts/leaky-cli-1.0.0.tgz,title=leak-scan first-party-source-exposed::"))
        let markdown = try CLIRunner.run(["--format", "markdown", "SampleArtifacts/leaky-cli-1.0.0.tgz"])
        #expect(try String(contentsOfFile: summary, encoding: .utf8) == markdown.stdout)
    }
}
