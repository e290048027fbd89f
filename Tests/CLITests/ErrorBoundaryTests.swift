import Foundation
import TestSupport
import Testing

/// Every way a run can fail to deliver its report exits 2 (or 64 for usage) with one `leak-scan: error:` line naming
/// the file and the OS reason; 1 stays reserved for a leak.
@Suite struct ErrorBoundaryTests {
    static let clean = "SampleArtifacts/clean-lib-3.1.0.tgz"

    @Test func unwritableOutputExits2NamingTheFileAndReason() throws {
        let result = try CLIRunner.run(["--output", "/nonexistent/dir/r.json", Self.clean])
        #expect(result.status == 2)
        #expect(result.stderr == "leak-scan: error: /nonexistent/dir/r.json: cannot write: No such file or directory\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func outputWrittenAtomicallyLeavesNoTemporaryFile() throws {
        let directory = TemporaryDirectory()
        let result = try CLIRunner.run(["--format", "json", "--output", directory.path + "/r.json", Self.clean])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["r.json"])
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.path + "/r.json")
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
    }

    @Test func fullStandardOutputExits2() throws {
        let command = "'\(CLIRunner.binary)' --format sarif \(Self.clean) > /dev/full"
        let result = try CLIRunner.runTool("/bin/sh", ["-c", command])
        #expect(result.status == 2)
        #expect(result.stderr == "leak-scan: error: standard output: cannot write the report: No space left on device\n")
    }

    @Test func malformedReportGivenToDiffExits2WithOneLine() throws {
        let directory = TemporaryDirectory()
        let broken = directory.write("broken.json", Array(#"{"schemaVersion": 1, "tool": 3}"#.utf8))
        let result = try CLIRunner.run(["diff", broken, Self.clean])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "leak-scan: error: \(broken): not a leak-scan JSON report: tool: Expected to decode Dictionary<String, Any> but found number instead.\n"
        )
        #expect(result.stdout.isEmpty)
    }

    @Test func missingSideOfDiffExits2AndSaysTheComparisonIsIncomplete() throws {
        let result = try CLIRunner.run(["diff", Self.clean, "/nonexistent/new.tgz"])
        #expect(result.status == 2)
        #expect(result.stderr == "leak-scan: error: /nonexistent/new.tgz: cannot open: no such file or directory\n")
        #expect(
            result.stdout
                == "incomplete: /nonexistent/new.tgz could not be fully read; the comparison cannot claim what is missing\n")
    }

    @Test func malformedBaselineIsAUsageError() throws {
        let directory = TemporaryDirectory()
        let broken = directory.write("baseline.json", Array("not json".utf8))
        let result = try CLIRunner.run(["--baseline", broken, Self.clean])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("leak-scan: error: baseline \(broken): not a leak-scan JSON report: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func unreadableFilesFromListExits2() throws {
        let result = try CLIRunner.run(["--files-from", "/nonexistent/list.txt"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "leak-scan: error: /nonexistent/list.txt: cannot read the list of artifacts: No such file or directory\n")
    }

    @Test func versionPrintsTheVersionAndExits0() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+\n/) != nil)
        #expect(result.stderr.isEmpty)
    }
}
