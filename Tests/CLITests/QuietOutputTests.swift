import Foundation
import TestSupport
import Testing

/// A healthy package prints a few lines, not hundreds: lesser items are counted by kind unless `-v`; verdict words
/// are coloured only for a person (a terminal without NO_COLOR, or --color always).
@Suite struct QuietOutputTests {
    static func typesPackage(declarations: Int) -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        var members: [ArchiveBuilder.Member] = [.text("package/package.json", #"{"name":"types","version":"1.0.0"}"#)]
        for index in 0..<declarations {
            members.append(
                .text(
                    "package/lib/m\(index).d.ts",
                    "export declare const m\(index): number;\n//# sourceMappingURL=m\(index).d.ts.map\n"))
        }
        members.append(.text("package/lib/index.js.map", MapText.map(sources: ["../src/index.ts"], contents: nil)))
        _ = directory.write("types.tgz", ArchiveBuilder.build(.tar, filter: .gzip, members))
        return directory
    }

    @Test func danglingDeclarationMapsCollapseIntoOneLine() throws {
        let directory = Self.typesPackage(declarations: 600)
        let result = try CLIRunner.run(["types.tgz"], in: directory.path)
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                WARN        types.tgz  1 source map without sourcesContent (names only); 600 dangling sourceMappingURL references
                  1 map without sourcesContent (names only; -v lists them)
                  600 declaration-map references (.d.ts.map) not shipped (e.g. types.tgz!package/lib/m0.d.ts -> m0.d.ts.map; -v lists them)
                  totals: 1 map (0 with content); raw 0 files / 0 lines / 0 B; unique by path 0 / 0; unique by content 0 / 0; first-party 0 / 0; third-party 0 / 0

                """)
        let verbose = try CLIRunner.run(["-v", "types.tgz"], in: directory.path)
        #expect(verbose.stdout.split(separator: "\n").count == 1 + 1 + 600 + 1)
    }

    @Test func leakComesFirstAndSaysHowToFixIt() throws {
        let result = try CLIRunner.run(["SampleArtifacts/leaky-cli-1.0.0.tgz"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains { $0.hasPrefix("  fix: Ship no source maps in the release, or build them without sourcesContent") })
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func colourFollowsTheTerminalAndNoColor() throws {
        let command = "'\(CLIRunner.binary)' --quiet SampleArtifacts/leaky-cli-1.0.0.tgz"
        let terminal = try CLIRunner.runTool(
            "/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["TERM": "xterm", "NO_COLOR": ""])
        #expect(terminal.stdout.contains("\u{1B}[1;31mLEAK\u{1B}[0m"))
        let noColor = try CLIRunner.runTool(
            "/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["TERM": "xterm", "NO_COLOR": "1"])
        #expect(noColor.stdout.hasPrefix("LEAK        SampleArtifacts/leaky-cli-1.0.0.tgz"))
        #expect(!noColor.stdout.contains("\u{1B}["))
        let piped = try CLIRunner.run(["--quiet", "SampleArtifacts/leaky-cli-1.0.0.tgz"])
        #expect(!piped.stdout.contains("\u{1B}["))
        let forced = try CLIRunner.run(
            ["--quiet", "--color", "always", "SampleArtifacts/leaky-cli-1.0.0.tgz"], environment: ["NO_COLOR": "1"])
        #expect(forced.stdout.hasPrefix("\u{1B}[1;31mLEAK\u{1B}[0m        "))
    }
}

@Suite struct CappedOutputTests {
    @Test func markdownFitsAGitHubCommentAndAnnotationsStopAtTheCap() throws {
        let directory = QuietOutputTests.typesPackage(declarations: 1_500)
        let markdown = try CLIRunner.run(["--format", "markdown", "types.tgz"], in: directory.path)
        #expect(markdown.stdout.count < 65_536)
        #expect(markdown.stdout.hasSuffix("… and 1,401 more findings (the JSON or SARIF report lists them all).\n"))
        let github = try CLIRunner.run(["--format", "github", "types.tgz"], in: directory.path)
        let lines = github.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") }.count == 51)
        #expect(
            lines.last
                == "::notice title=leak-scan::1,451 more warnings or notices not annotated; the JSON or SARIF report lists them all"
        )
    }
}
