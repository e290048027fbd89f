import Foundation
import TestSupport
import Testing

/// A member name is data, never output structure: a newline or an escape sequence in it is C-quoted in every human
/// format, so it can neither forge a verdict line nor reach the terminal (pinned by golden files).
@Suite struct OutputEscapingTests {
    static let hostileName = "package/dist/x\nLEAK        fake.tgz  1 source map exposes 9 files\u{1B}[31m.js.map"

    static func artifact() -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        let map = MapText.map(sources: ["src/a.ts"], contents: ["a\nb\n"])
        _ = directory.write("evil.tgz", ArchiveBuilder.build(.tar, filter: .gzip, [.text(hostileName, map)]))
        return directory
    }

    @Test(arguments: ["text", "github", "markdown"])
    func hostileMemberNameIsQuoted(format: String) throws {
        let directory = Self.artifact()
        let result = try CLIRunner.run(["--format", format, "evil.tgz"], in: directory.path)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("LEAK        fake.tgz") })
        try ReportFormatTests.expectGolden(result.stdout, named: "escaping.\(format)")
    }

    @Test func quotingFollowsGit() throws {
        let directory = Self.artifact()
        let result = try CLIRunner.run(["--quiet", "evil.tgz"], in: directory.path)
        #expect(
            result.stdout
                == "LEAK        evil.tgz  1 source map exposes 1 file / 2 lines of original source (first-party: 1 file / 2 lines)\n"
        )
        let text = try CLIRunner.run(["evil.tgz"], in: directory.path).stdout
        #expect(
            text.contains(
                #"  map file   "evil.tgz!package/dist/x\nLEAK        fake.tgz  1 source map exposes 9 files\033[31m.js.map"  1 file / 2 lines"#
            ))
    }
}
