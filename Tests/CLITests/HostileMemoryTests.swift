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
    /// Writes a memory shape of `Scripts/generate-hostile.py` into `directory`; returns its ground truth.
    static func generate(_ shape: String, count: Int, into directory: String) throws -> [String: Int] {
        let result = try ConsumerTool.run(
            "python3",
            [
                CLIRunner.packageRoot + "/Scripts/generate-hostile.py", "--shape", shape, "--count", "\(count)", "--out",
                directory,
            ],
            in: CLIRunner.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([String: Int].self, from: Data(result.stdout.utf8))
    }

    /// Runs the binary once under `/usr/bin/time`: what it printed, its status and its peak resident set in KiB.
    static func measured(_ arguments: [String]) throws -> (result: CLIRunner.Result, peakKiB: Int) {
        let result = try ConsumerTool.run("time", ["-f", "peak %M", CLIRunner.binary] + arguments, in: CLIRunner.packageRoot)
        let line = result.stderr.split(separator: "\n").last { $0.hasPrefix("peak ") } ?? ""
        return (result, Int(line.dropFirst(5)) ?? -1)
    }

    /// Four maps of 100,000 sources each with 4,000-byte names (1.6 GB): totals are aggregated as each map finishes,
    /// keyed by a hash of the path, so the names of earlier maps are gone when the next one is read.
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"),
        .enabled(if: ConsumerTool.exists("python3"), "needs python3"),
        .disabled(if: Sanitizers.addressSanitizerIsActive, "AddressSanitizer's shadow memory and quarantine inflate RSS"))
    func fourMapsOfAHundredThousandFourKilobyteNamesStayUnder128MiB() throws {
        let directory = TemporaryDirectory()
        let truth = try Self.generate("many-sources", count: 100_000, into: directory.path)
        #expect(truth == ["maps": 4, "files": 400_000, "lines": 800_000])
        let (result, peak) = try Self.measured([directory.path])
        #expect(result.status == 1)
        #expect(
            result.stdout.hasPrefix(
                "LEAK        \(directory.path)  4 source maps expose 400,000 files / 800,000 lines of original source (first-party: 400,000 files / 800,000 lines)"
            ))
        #expect(peak > 0 && peak < 128 << 10, "peak resident set \(peak >> 10) MiB")
    }
}

extension HostileMemoryTests {
    /// Six maps of 100,000 distinct sources each (600,000 distinct paths and contents, 22 MB): the artifact's totals
    /// keep at most `--max-distinct-sources` (250,000) records per table and count the rest without de-duplication,
    /// the limit makes the scan incomplete, and memory stays under 128 MiB (it grew with every distinct path before:
    /// 162 MiB for twelve such maps in a release build).
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"),
        .disabled(if: Sanitizers.addressSanitizerIsActive, "AddressSanitizer's shadow memory and quarantine inflate RSS"))
    func sixMapsOfAHundredThousandDistinctSourcesStayUnder128MiB() throws {
        let directory = TemporaryDirectory()
        for map in 0..<6 {
            let sources = (0..<100_000).map { "\"src/m\(map)/d\($0 / 1000)/f\($0).ts\"" }.joined(separator: ",")
            let contents = (0..<100_000).map { "\"x\(map) \($0)\\n\"" }.joined(separator: ",")
            let text = #"{"version":3,"sources":["# + sources + #"],"sourcesContent":["# + contents + #"],"mappings":""}"#
            directory.write("dist/m\(map).js.map", Array(text.utf8))
        }
        let (result, peak) = try Self.measured([directory.path])
        #expect(result.status == 1)
        #expect(
            result.stdout.hasPrefix(
                "LEAK        \(directory.path)  6 source maps expose 600,000 files / 600,000 lines of original source (first-party: 600,000 files / 600,000 lines); scan incomplete (1 problem)"
            ))
        #expect(
            result.stderr.contains(
                ".js.map: more than 250,000 distinct sources (by path or by content) in one artifact; the rest were counted without de-duplication (raise with --max-distinct-sources)\n"
            ))
        #expect(result.stdout.contains("unique by path 600,000 / 600,000; unique by content 600,000 / 600,000"))
        #expect(peak > 0 && peak < 128 << 10, "peak resident set \(peak >> 10) MiB")
    }

    /// One map whose entries hold 200,000 inline maps (32 MB): the first 10,000 nested maps are counted, the rest are
    /// a limit (incomplete), and memory stays far under 128 MiB (all 200,000 were kept before: 330 MiB).
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"),
        .enabled(if: ConsumerTool.exists("python3"), "needs python3"),
        .disabled(if: Sanitizers.addressSanitizerIsActive, "AddressSanitizer's shadow memory and quarantine inflate RSS"))
    func mapWithTwoHundredThousandNestedMapsStaysUnder128MiB() throws {
        let directory = TemporaryDirectory()
        let truth = try Self.generate("nested-maps", count: 200_000, into: directory.path)
        #expect(truth == ["maps": 10_001, "files": 2_000, "nested": 200_000])
        let (result, peak) = try Self.measured([directory.path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("LEAK        \(directory.path)  10,001 source maps expose 2,001 files / 202,002 lines"))
        #expect(result.stdout.contains("scan incomplete (1 problem)"))
        #expect(
            result.stderr.contains(
                "dist/nested.js.map: more than 10,000 maps nested in the sourcesContent entries of one map; the rest were not counted"
            ))
        #expect(peak > 0 && peak < 128 << 10, "peak resident set \(peak >> 10) MiB")
    }

    /// One script of 200,000 inline payloads that are not maps: 1,000 notes are kept and the rest counted in one more,
    /// so memory does not grow with the comments.
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"),
        .enabled(if: ConsumerTool.exists("python3"), "needs python3"),
        .disabled(if: Sanitizers.addressSanitizerIsActive, "AddressSanitizer's shadow memory and quarantine inflate RSS"))
    func scriptWithTwoHundredThousandPayloadsThatAreNotMapsKeepsAThousandNotes() throws {
        let directory = TemporaryDirectory()
        let truth = try Self.generate("inline-not-maps", count: 200_000, into: directory.path)
        #expect(truth["notes"] == 200_000)
        let (result, peak) = try Self.measured([directory.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("1,001 notes (-v lists them)"))
        let verbose = try CLIRunner.run(["-v", directory.path])
        #expect(verbose.stdout.contains("199,000 more notes on this file's sourceMappingURL comments counted but not kept"))
        #expect(peak > 0 && peak < 64 << 10, "peak resident set \(peak >> 10) MiB")
    }

    /// An index map of 200,000 one-source sections: `--max-map-entries` (100,000) bounds its sections, the rest are a
    /// limit, and memory stays under 128 MiB.
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"),
        .enabled(if: ConsumerTool.exists("python3"), "needs python3"),
        .disabled(if: Sanitizers.addressSanitizerIsActive, "AddressSanitizer's shadow memory and quarantine inflate RSS"))
    func indexMapOfTwoHundredThousandSectionsStaysUnder128MiB() throws {
        let directory = TemporaryDirectory()
        let truth = try Self.generate("sections", count: 200_000, into: directory.path)
        #expect(truth == ["maps": 1, "files": 100_000, "lines": 200_000])
        let (result, peak) = try Self.measured([directory.path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("LEAK        \(directory.path)  1 source map exposes 100,000 files / 200,000 lines"))
        #expect(result.stderr.contains("more than 100,000 entries in sources, sourcesContent or sections"))
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
