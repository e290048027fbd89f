import Foundation
import TestSupport
import Testing

@Suite struct ExitCodeTests {
    @Test func usageErrorsExit64() throws {
        #expect(try CLIRunner.run([]).status == 64)
        #expect(try CLIRunner.run(["--max-depth", "-1", "x.tgz"]).status == 64)
        #expect(try CLIRunner.run(["--no-such-flag", "x.tgz"]).status == 64)
    }

    @Test func unreadableInputExits2WithOneLineNamingIt() throws {
        let result = try CLIRunner.run(["/nonexistent/pkg.tgz", "SampleArtifacts/clean-lib-3.1.0.tgz"])
        #expect(result.status == 2)
        #expect(result.stderr == "leak-scan: error: /nonexistent/pkg.tgz: cannot open: no such file or directory\n")
        #expect(result.stdout.contains("CLEAN       SampleArtifacts/clean-lib-3.1.0.tgz"))
    }

    @Test func truncatedTarballExits2NamingTheMember() throws {
        let directory = TemporaryDirectory()
        let noise = SeededGenerator.noise(count: 400_000, seed: 11)
        let full = ArchiveBuilder.build(.tar, filter: .gzip, [.file("package/blob.bin", noise)])
        let path = directory.write("cut.tgz", Array(full.prefix(300_000)))
        let result = try CLIRunner.run([path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("leak-scan: error: \(path)!package/blob.bin: member data unreadable: "))
        #expect(result.stdout.hasPrefix("INCOMPLETE  \(path)  scan incomplete (1 problem)"))
    }

    /// A map nested past `--max-map-depth` is not decoded, so the scan is incomplete (exit 2), never passed: here every
    /// level that is counted is third-party (a warning, exit 0, before the cap was a limit).
    @Test func aMapNestedPastTheDepthCapIsIncompleteNotPassed() throws {
        var map = MapText.map(sources: ["/src/hidden.ts"], contents: ["export const key = 1\n"])
        for level in (1...4).reversed() {
            let entry = "x()\n//# sourceMappingURL=data:application/json;base64," + MapText.base64(map) + "\n"
            map = MapText.map(sources: ["node_modules/lib\(level)/index.js"], contents: [entry])
        }
        let directory = TemporaryDirectory()
        let path = directory.write("bundle.js.map", Array(map.utf8))
        let capped = try CLIRunner.run([path])
        #expect(capped.status == 2)
        #expect(
            capped.stderr
                == "leak-scan: error: \(path)!bundle.js.map: an inline map nested more than 3 levels deep in sourcesContent entries; not decoded or counted (raise with --max-map-depth)\n"
        )
        #expect(capped.stdout.hasPrefix("INCOMPLETE  \(path)  "))
        let raised = try CLIRunner.run(["--max-map-depth", "4", path])
        #expect(raised.status == 0)
        #expect(raised.stderr.isEmpty)
        #expect(raised.stdout.hasPrefix("WARN        \(path)  5 source maps expose 5 files"))
        #expect(try CLIRunner.run(["--max-map-depth", "-1", path]).status == 64)
    }

    /// A WebAssembly module's `sourceMappingURL` section holding a `data:` map (which V8 reports to DevTools) is a leak
    /// like a script's inline map; before, the module's bytes were only searched for comments and the package passed.
    @Test func aMapInAWasmModulesSourceMappingURLSectionIsALeak() throws {
        let map = MapText.map(
            sources: ["../src/lib.rs", "../src/main.rs"], contents: ["fn a() {}\nfn b() {}\n", "fn main() {\n}"])
        let url = "data:application/json;base64," + MapText.base64(map)
        let module = WasmModule.header + WasmModule.typeSection + WasmModule.sourceMappingURL(url)
        let directory = TemporaryDirectory()
        let path = directory.write(
            "wasm-pkg.tgz",
            ArchiveBuilder.build(
                .tar, filter: .gzip,
                [
                    .text("package/package.json", #"{"name":"wasm-pkg","version":"1.0.0"}"#),
                    .file("package/dist/app.wasm", module),
                ]))
        let result = try CLIRunner.run([path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(
            lines.first
                == "LEAK        \(path)  1 source map exposes 2 files / 4 lines of original source (first-party: 2 files / 4 lines)"
        )
        #expect(
            lines.dropFirst().first?.hasPrefix("  map inline \(path)!package/dist/app.wasm @\(module.count - url.utf8.count)  ")
                == true)
    }

    @Test func helpDocumentsExitCodes() throws {
        let help = try CLIRunner.run(["--help"]).stdout
        #expect(help.contains("64  usage error"))
        #expect(help.contains("2   scan incomplete"))
    }

    @Test func claudeLikeGeneratorCountsMatchItsGroundTruth() throws {
        let directory = TemporaryDirectory()
        let artifact = directory.path + "/claude-like.tgz"
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = [
            "python3", CLIRunner.packageRoot + "/Scripts/generate-claude-like.py", "--out", artifact, "--scale", "0.02",
        ]
        let pipe = Pipe()
        generator.standardOutput = pipe
        try generator.run()
        let truthData = pipe.fileHandleForReading.readDataToEndOfFile()
        generator.waitUntilExit()
        let truth = try JSONDecoder().decode([String: Int].self, from: truthData)
        let result = try CLIRunner.run([artifact])
        let expected =
            "\(truth["nested_maps"]! + 1) source maps expose \(grouped(truth["files"]!)) files / \(grouped(truth["lines"]!)) lines of original source "
            + "(first-party: \(grouped(truth["first_party_files"]!)) files / \(grouped(truth["first_party_lines"]!)) lines)"
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("LEAK        \(artifact)  \(expected)"))
    }

    private func grouped(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.usesGroupingSeparator = true
        return formatter.string(from: NSNumber(value: value)) ?? "\(value)"
    }
}
