import Foundation
import TestSupport
import Testing

/// What users of gitleaks, ripgrep, eslint and npm expect from a command line.
@Suite struct ConventionTests {
    static let leaky = "SampleArtifacts/leaky-cli-1.0.0.tgz"

    @Test func shortFlagsMatchTheLongOnes() throws {
        let directory = TemporaryDirectory()
        let short = try CLIRunner.run(["-f", "json", "-o", directory.path + "/r.json", "-j", "1", Self.leaky])
        let long = try CLIRunner.run(["--format", "json", "--output", directory.path + "/s.json", "--jobs", "1", Self.leaky])
        #expect(short.status == 1)
        #expect(long.status == 1)
        #expect(
            try String(contentsOfFile: directory.path + "/r.json", encoding: .utf8)
                == String(contentsOfFile: directory.path + "/s.json", encoding: .utf8))
    }

    @Test func byteLimitsTakeSizeSuffixes() throws {
        let result = try CLIRunner.run(["--quiet", "--max-bytes", "1K", Self.leaky])
        #expect(result.status == 2)
        #expect(result.stderr.contains("more than 1,024 uncompressed bytes"))
        #expect(try CLIRunner.run(["--max-bytes", "16Q", Self.leaky]).status == 64)
        #expect(try CLIRunner.run(["--quiet", "--max-bytes", "16G", Self.leaky]).status == 1)
    }

    @Test func failOnDecidesWhatFails() throws {
        let names = "SampleArtifacts/names-only-2.0.0.tgz"
        #expect(try CLIRunner.run(["-q", names]).status == 0)
        #expect(try CLIRunner.run(["-q", "--fail-on", "warning", names]).status == 1)
        #expect(try CLIRunner.run(["-q", "--fail-on", "never", Self.leaky]).status == 0)
        #expect(try CLIRunner.run(["-q", "--fail-on", "never", "--max-bytes", "1K", Self.leaky]).status == 2)
    }

    @Test func mistypedSubcommandSuggestsTheCommand() throws {
        let result = try CLIRunner.run(["pakc", "."])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: 'pakc' is neither a file nor a command; did you mean 'leak-scan pack'?\n"))
    }

    @Test func bashLoadsTheCompletionScriptAndCompletesCommandsAndFiles() throws {
        let directory = TemporaryDirectory()
        let script = try CLIRunner.run(["completion", "bash"])
        #expect(script.status == 0)
        let path = directory.write("leak-scan.bash", Array(script.stdout.utf8))
        func complete(_ words: [String]) throws -> [String] {
            let line = words.joined(separator: " ")
            let body = """
                source '\(path)'
                COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
                COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
                _leak-scan; printf '%s\\n' "${COMPREPLY[@]}"
                """
            let result = try CLIRunner.runTool("/bin/bash", ["-c", body])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try complete(["leak-scan", "pa"]).contains("pack"))
        #expect(try complete(["leak-scan", "scan", "Sample"]).contains("SampleArtifacts"))
        for shell in ["zsh", "fish"] {
            let other = try CLIRunner.run(["completion", shell])
            #expect(other.status == 0)
            #expect(other.stdout.contains("leak-scan"))
        }
    }
}
