import Foundation
import TestSupport
import Testing

/// The expected counts of `SampleArtifacts/README.md`, asserted against the built binary.
@Suite struct SampleArtifactTests {
    @Test(
        arguments: [
            (
                "leaky-cli-1.0.0.tgz", 1,
                "LEAK        SampleArtifacts/leaky-cli-1.0.0.tgz  1 source map exposes 5 files / 45 lines of original source (first-party: 4 files / 40 lines)"
            ),
            (
                "names-only-2.0.0.tgz", 0,
                "WARN        SampleArtifacts/names-only-2.0.0.tgz  1 source map without sourcesContent (names only)"
            ),
            (
                "clean-lib-3.1.0.tgz", 0,
                "CLEAN       SampleArtifacts/clean-lib-3.1.0.tgz  no source maps exposing source (2 files, 1.2 KiB scanned)"
            ),
            (
                "demo_pkg-0.1.0-py3-none-any.whl", 1,
                "LEAK        SampleArtifacts/demo_pkg-0.1.0-py3-none-any.whl  1 source map exposes 1 file / 5 lines of original source (first-party: 1 file / 5 lines)"
            ),
            (
                "inline-widget-0.3.0.tgz", 1,
                "LEAK        SampleArtifacts/inline-widget-0.3.0.tgz  2 source maps expose 2 files / 13 lines of original source (first-party: 2 files / 13 lines)"
            ),
            (
                "nested_tools-1.0-py3-none-any.whl", 1,
                "LEAK        SampleArtifacts/nested_tools-1.0-py3-none-any.whl  1 source map exposes 5 files / 45 lines of original source (first-party: 4 files / 40 lines)"
            ),
            (
                "index-map-1.0.0.tgz", 1,
                "LEAK        SampleArtifacts/index-map-1.0.0.tgz  1 source map exposes 2 files / 6 lines of original source (first-party: 2 files / 6 lines)"
            ),
            (
                "demo-app_1.0_all.deb", 1,
                "LEAK        SampleArtifacts/demo-app_1.0_all.deb  1 source map exposes 5 files / 45 lines of original source (first-party: 4 files / 40 lines)"
            ),
        ] as [(String, Int32, String)])
    func verdictLineAndExitCode(artifact: String, status: Int32, verdict: String) throws {
        let result = try CLIRunner.run(["SampleArtifacts/\(artifact)"])
        #expect(result.status == status)
        #expect(result.stdout.split(separator: "\n").first.map(String.init) == verdict)
        #expect(result.stderr.isEmpty)
    }

    @Test func leakyPackageDetailsNameTheMapTotalsAndWhatLeaked() throws {
        let lines = try CLIRunner.run(["SampleArtifacts/leaky-cli-1.0.0.tgz"]).stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "  map file   SampleArtifacts/leaky-cli-1.0.0.tgz!package/dist/cli.js.map  5 files / 45 lines (first-party 4 / 40)"
            ))
        #expect(lines.contains("    src/commands/                    2 files / 17 lines"))
        #expect(lines.contains("  reference present SampleArtifacts/leaky-cli-1.0.0.tgz!package/dist/cli.js -> cli.js.map"))
        #expect(
            lines.last
                == "  totals: 1 map (1 with content); raw 5 files / 45 lines / 1.2 KiB; unique by path 5 / 45; unique by content 5 / 45; first-party 4 / 40; third-party 1 / 5"
        )
    }

    @Test func inlineWidgetReportsBothInlineMapsAndTheDanglingReference() throws {
        let output = try CLIRunner.run(["SampleArtifacts/inline-widget-0.3.0.tgz"]).stdout
        #expect(
            output.contains(
                "  map inline SampleArtifacts/inline-widget-0.3.0.tgz!package/dist/widget.css @58  1 file / 4 lines (first-party 1 / 4)"
            ))
        #expect(
            output.contains(
                "  map inline SampleArtifacts/inline-widget-0.3.0.tgz!package/dist/widget.js @1080  1 file / 9 lines (first-party 1 / 9)"
            ))
        #expect(
            output.contains("  reference missing SampleArtifacts/inline-widget-0.3.0.tgz!package/dist/legacy.js -> legacy.js.map")
        )
    }

    @Test func nestedWheelChainsTheLocation() throws {
        let output = try CLIRunner.run(["SampleArtifacts/nested_tools-1.0-py3-none-any.whl"]).stdout
        #expect(
            output.contains(
                "SampleArtifacts/nested_tools-1.0-py3-none-any.whl!share/leaky-cli-1.0.0.tgz!package/dist/cli.js.map  5 files / 45 lines"
            ))
    }

    @Test func indexMapIsCountedAndItsURLSectionIsAReference() throws {
        let output = try CLIRunner.run(["SampleArtifacts/index-map-1.0.0.tgz"]).stdout
        #expect(
            output.contains(
                "  map index  SampleArtifacts/index-map-1.0.0.tgz!package/dist/all.js.map  2 files / 6 lines (first-party 2 / 6)")
        )
        #expect(
            output.contains("  reference missing SampleArtifacts/index-map-1.0.0.tgz!package/dist/all.js.map -> vendor.js.map"))
    }

    @Test func debianPackageChainsThroughDataTarXz() throws {
        let output = try CLIRunner.run(["SampleArtifacts/demo-app_1.0_all.deb"]).stdout
        #expect(
            output.contains(
                "  map file   SampleArtifacts/demo-app_1.0_all.deb!data.tar.xz!./usr/share/demo-app/cli.js.map  5 files / 45 lines (first-party 4 / 40)"
            ))
    }

    @Test func standardInputIsScanned() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.packageRoot + "/SampleArtifacts/leaky-cli-1.0.0.tgz"))
        let result = try CLIRunner.run(["-"], stdin: data)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("LEAK        <stdin>  1 source map exposes 5 files / 45 lines"))
    }

    @Test func batchKeepsInputOrderAndExitsWithTheWorstVerdict() throws {
        let result = try CLIRunner.run([
            "--quiet", "--jobs", "2", "SampleArtifacts/clean-lib-3.1.0.tgz", "SampleArtifacts/leaky-cli-1.0.0.tgz",
            "SampleArtifacts/names-only-2.0.0.tgz",
        ])
        #expect(result.status == 1)
        #expect(
            result.stdout.split(separator: "\n").map { String($0.prefix(12)) } == [
                "CLEAN       ", "LEAK        ", "WARN        ",
            ])
    }
}
