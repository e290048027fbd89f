import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// Replays every input kept from fuzzing (`Tests/Fixtures/fuzz-regressions/`: crashers if any were found, and a sample
/// of each target's corpus) through every fuzz target's code path: nothing may crash, and a scan is deterministic.
@Suite struct FuzzRegressionTests {
    static let directory = CLIRunner.packageRoot + "/Tests/Fixtures/fuzz-regressions"
    static let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()

    @Test func corpusIsPresent() {
        #expect(Self.inputs.count >= 20)
    }

    @Test(arguments: inputs)
    func replaysWithoutCrashingAndScansDeterministically(name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.directory + "/" + name))
        bytes.withUnsafeBytes { raw in
            var tokenizer = SourceMapTokenizer()
            tokenizer.consume(raw)
            _ = tokenizer.finish()
            var finder = SourceMappingURLFinder()
            finder.consume(raw)
            finder.finish()
        }
        let first = ArtifactScanner().scan(.path(Self.directory + "/" + name))
        let second = ArtifactScanner().scan(.path(Self.directory + "/" + name))
        #expect(first == second)
    }
}
