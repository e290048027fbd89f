import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// The no-hit corpus: the sample artifacts and a generated claude-like package expose thousands of source files and
/// hold no credential, so every secret finding there is a false positive, counted (and required to be zero).
@Suite struct SecretCorpusTests {
    static func secrets(in report: ArtifactReport) -> [SecretHit] {
        report.maps.flatMap { $0.secretSources.flatMap(\.secrets) }
    }

    @Test func sampleArtifactsHaveNoSecretFindings() throws {
        let folder = CLIRunner.packageRoot + "/SampleArtifacts"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".") && $0 != "README.md" }
        #expect(names.count >= 8)
        var exposedFiles = 0
        var falsePositives: [String] = []
        for name in names.sorted() {
            let report = ArtifactScanner().scan(.path(folder + "/" + name))
            exposedFiles += report.totals.raw.files
            falsePositives += Self.secrets(in: report).map { "\(name): \($0.ruleID) \($0.line):\($0.column)" }
        }
        #expect(exposedFiles > 10)
        #expect(falsePositives == [])
    }

    @Test func generatedClaudeLikeMapHasNoSecretFindings() throws {
        let directory = TemporaryDirectory()
        let artifact = directory.path + "/claude-like.tgz"
        let script = CLIRunner.packageRoot + "/Scripts/generate-claude-like.py"
        let generated = try CLIRunner.runTool("/usr/bin/env", ["python3", script, "--scale", "0.05", "--out", artifact])
        #expect(generated.status == 0)
        let report = ArtifactScanner().scan(.path(artifact))
        #expect(report.totals.raw.files > 100)
        #expect(Self.secrets(in: report).map(\.ruleID) == [])
    }
}
