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
