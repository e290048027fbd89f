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

@Suite struct ManualPageTests {
    /// Every long option of every command's `--help` is documented in `Docs/man/leak-scan.1` (regenerate it with
    /// `Scripts/make-man.sh` when the command line changes).
    @Test func manualPageDocumentsEveryOption() throws {
        let page = try String(contentsOfFile: CLIRunner.packageRoot + "/Docs/man/leak-scan.1", encoding: .utf8)
        for command in [[], ["scan"], ["pack"], ["diff"], ["install-hook"], ["completion"]] {
            let help = try CLIRunner.run(command + ["--help"], environment: ["COLUMNS": "100"]).stdout
            let options = help.split(separator: "\n").compactMap {
                $0.firstMatch(of: /^  (?:-[a-z], )?--([a-z][a-z-]+)/).map { String($0.output.1) }
            }
            #expect(!options.isEmpty)
            for option in Set(options) where option != "help" {
                #expect(
                    page.contains("Fl -\(option)") || page.contains(" , -\(option)"),
                    "Docs/man/leak-scan.1 does not document --\(option) of \(command.first ?? "leak-scan")")
            }
        }
    }
}
