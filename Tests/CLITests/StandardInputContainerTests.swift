import Foundation
import TestSupport
import Testing

/// Containers whose readers are not libarchive's stream reader, given on standard input (`leak-scan scan - < x`):
/// recognised by their first bytes, on a pipe and as a redirected file.
@Suite struct StandardInputContainerTests {
    static let map = MapText.map(sources: ["src/piped.ts"], contents: ["one\ntwo\nthree\n"])
    static let leakLine = "LEAK        <stdin>  1 source map exposes 1 file / 3 lines of original source"

    /// Runs `leak-scan -` with `bytes` redirected from a regular file (not a pipe).
    static func runRedirected(_ bytes: [UInt8]) throws -> CLIRunner.Result {
        let directory = TemporaryDirectory()
        let path = directory.write("input", bytes)
        return try ConsumerTool.run("sh", ["-c", "exec \"$0\" - < \"$1\"", CLIRunner.binary, path], in: directory.path)
    }

    static let asar = AsarBuilder.build([
        .file("dist/main.js", Array("main()\n//# sourceMappingURL=main.js.map\n".utf8)),
        .file("dist/main.js.map", Array(map.utf8)),
    ])

    @Test func asarPipedOnStdinIsRead() throws {
        let result = try CLIRunner.run(["-"], stdin: Data(Self.asar))
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(Self.leakLine), "\(result.stdout)")
    }

    @Test func asarRedirectedToStdinIsRead() throws {
        let result = try Self.runRedirected(Self.asar)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(Self.leakLine), "\(result.stdout)")
    }

    static func squashfsImage() throws -> [UInt8] {
        let directory = TemporaryDirectory()
        directory.write("root/dist/x.js.map", Array(map.utf8))
        let made = try ConsumerTool.run(
            "mksquashfs", ["root", "x.snap", "-noappend", "-quiet", "-no-progress"], in: directory.path)
        try #require(made.status == 0, "\(made.stderr)")
        return Array(try Data(contentsOf: URL(fileURLWithPath: directory.path + "/x.snap")))
    }

    @Test(.enabled(if: ConsumerTool.exists("mksquashfs"), "needs mksquashfs"))
    func squashfsOnStdinIsReadPipedAndRedirected() throws {
        let image = try Self.squashfsImage()
        for result in [try CLIRunner.run(["-"], stdin: Data(image)), try Self.runRedirected(image)] {
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stdout.hasPrefix(Self.leakLine), "\(result.stdout)")
        }
    }

    @Test func sevenZipPipedOnStdinIsSpooledAndRead() throws {
        let archive = FormatWriter.build(format: "7zip", files: [("dist/x.js.map", Array(Self.map.utf8))])
        let result = try CLIRunner.run(["-"], stdin: Data(archive))
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(Self.leakLine), "\(result.stdout)")
    }

    /// A piped squashfs image counts against `--max-bytes` while it is spooled.
    @Test(.enabled(if: ConsumerTool.exists("mksquashfs"), "needs mksquashfs"))
    func squashfsPipedOnStdinCountsAgainstTheByteLimit() throws {
        let image = try Self.squashfsImage()
        let result = try CLIRunner.run(["-", "--max-bytes", "1000"], stdin: Data(image))
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("INCOMPLETE  <stdin>"), "\(result.stdout)")
    }
}
