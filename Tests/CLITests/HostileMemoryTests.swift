import Foundation
import TestSupport
import Testing

/// Hostile maps read by the built binary, its peak resident set read with `/usr/bin/time` (as `SpooledZipMemoryTests`).
@Suite struct HostileMemoryTests {
    /// Four maps naming 25,000 sources each with 2,000-byte names (200 MB of names): every source is counted, and the
    /// process stays under 128 MiB because long names are kept as a prefix plus a hash.
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"),
        .disabled(if: Sanitizers.addressSanitizerIsActive, "AddressSanitizer's shadow memory and quarantine inflate RSS"))
    func manySourcesWithLongNamesStayUnder128MiB() throws {
        let directory = TemporaryDirectory()
        let padding = String(repeating: "n", count: 1_980)
        for map in 0..<4 {
            let names = (0..<25_000).map { "\"src/m\(map)/\($0)/\(padding).ts\"" }.joined(separator: ",")
            let contents = Array(repeating: "\"x\\ny\"", count: 25_000).joined(separator: ",")
            let text = #"{"version":3,"sources":["# + names + #"],"sourcesContent":["# + contents + #"],"mappings":""}"#
            directory.write("dist/m\(map).js.map", Array(text.utf8))
        }
        let result = try CLIRunner.run([directory.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("4 source maps expose 100,000 files / 200,000 lines"))
        let peak = try SpooledZipMemoryTests.peakKiB([directory.path])
        #expect(peak > 0 && peak < 128 << 10, "peak resident set \(peak >> 10) MiB")
    }
}

extension HostileMemoryTests {
    /// One script with 100,000 inline maps: the first 1,000 are findings of their own, the rest are counted together,
    /// and memory stays far under 128 MiB.
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"),
        .disabled(if: Sanitizers.addressSanitizerIsActive, "AddressSanitizer's shadow memory and quarantine inflate RSS"))
    func scriptWithAHundredThousandInlineMapsStaysUnder128MiB() throws {
        let directory = TemporaryDirectory()
        let map = MapText.map(sources: ["src/a.ts"], contents: ["a\nb"])
        let comment = "x()\n//# sourceMappingURL=data:application/json;base64," + MapText.base64(map) + "\n"
        let script = directory.write("dist/a.js", Array(String(repeating: comment, count: 100_000).utf8))
        let result = try CLIRunner.run(["-v", script])
        #expect(result.stdout.hasPrefix("LEAK        \(script)  1,001 source maps expose 1 file / 2 lines"))
        #expect(result.stdout.contains("99,000 more inline maps past the first 1,000 in this file"))
        let peak = try SpooledZipMemoryTests.peakKiB([script])
        #expect(peak > 0 && peak < 128 << 10, "peak resident set \(peak >> 10) MiB")
    }
}

extension HostileMemoryTests {
    /// A squashfs image of 300,000 empty files in 300 directories (and one map): directories are listed one at a time,
    /// so every entry is counted and the reader holds one listing at a time (reading the whole tree first peaked at
    /// 89 MiB in the release build; what remains grows only with the walk's list of member paths).
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time") && ConsumerTool.exists("mksquashfs")
                && ConsumerTool.exists("python3"), "needs /usr/bin/time, mksquashfs and python3"),
        .disabled(if: Sanitizers.addressSanitizerIsActive, "AddressSanitizer's shadow memory and quarantine inflate RSS"))
    func squashfsImageWithThreeHundredThousandEntriesStaysUnder64MiB() throws {
        let directory = TemporaryDirectory()
        let root = directory.path + "/tree"
        let made = try ConsumerTool.run(
            "python3",
            [
                "-c",
                """
                import os, sys
                root = sys.argv[1]
                for d in range(300):
                    os.makedirs(f'{root}/app/d{d:03}')
                    for i in range(1000):
                        os.close(os.open(f'{root}/app/d{d:03}/f{i:04}.js', os.O_CREAT | os.O_WRONLY, 0o644))
                """,
                root,
            ], in: directory.path)
        try #require(made.status == 0, "\(made.stderr)")
        directory.write("tree/app/dist/app.js.map", Array(MapText.map(sources: ["src/app.ts"], contents: ["a\nb\n"]).utf8))
        let image = directory.path + "/many.snap"
        let squashed = try ConsumerTool.run(
            "mksquashfs", [root, image, "-noappend", "-all-root", "-quiet", "-no-progress"], in: directory.path)
        try #require(squashed.status == 0, "\(squashed.stderr)")
        let result = try CLIRunner.run([image])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("1 source map exposes 1 file / 2 lines"), "\(result.stdout)")
        let json = try CLIRunner.run(["--format", "json", image])
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let artifact = try #require((report?["artifacts"] as? [[String: Any]])?.first)
        let statistics = try #require(artifact["statistics"] as? [String: Any])
        // 300,000 files, the map, the 301 directories under app/ and app/ itself.
        #expect(statistics["regularFiles"] as? Int == 300_001)
        #expect(statistics["entries"] as? Int == 300_303)
        let limited = try CLIRunner.run(["--max-entries", "1000", image])
        #expect(limited.status == 2, "\(limited.stdout)\(limited.stderr)")
        let peak = try SpooledZipMemoryTests.peakKiB([image])
        #expect(peak > 0 && peak < 64 << 10, "peak resident set \(peak >> 10) MiB")
    }
}
