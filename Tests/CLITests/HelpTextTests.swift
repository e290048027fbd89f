import Foundation
import TestSupport
import Testing

/// The `--help` of every command pinned as a golden file, so a change of the command-line surface is a reviewed diff.
@Suite struct HelpTextTests {
    @Test(arguments: [[], ["scan"], ["pack"], ["diff"], ["install-hook"], ["completion"]])
    func helpMatchesTheGoldenFile(command: [String]) throws {
        let result = try CLIRunner.run(command + ["--help"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try ReportFormatTests.expectGolden(result.stdout, named: "help-\(command.first ?? "leak-scan").txt")
    }
}
