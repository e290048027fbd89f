import ArgumentParser
import FoundationEssentials
import LeakReporters
import ArtifactScanning
import LeakScanCore

/// `leak-scan diff OLD NEW`: compares two releases (artifacts or JSON reports) and fails on new or grown exposure.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two releases (artifacts or JSON reports): what exposure is new, gone or grown.",
        discussion: "Exit 1 when the new release exposes first-party source the old one did not (or more of it), else 0.")

    @Argument(help: "The earlier release: an artifact, or a JSON report from --format json.")
    var old: String

    @Argument(help: "The later release: an artifact, or a JSON report from --format json.")
    var new: String

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup var policyOptions: PolicyOptions

    func run() throws {
        let policy = try policyOptions.load()
        let diff = ReleaseDiff(old: try report(for: old, policy: policy), new: try report(for: new, policy: policy), oldName: old, newName: new)
        StandardStreams.writeOutput(diff.render())
        throw ExitCode(diff.introducesFailure ? 1 : 0)
    }

    /// A side of the diff as a JSON report: read as is, or scanned now.
    func report(for path: String, policy: Policy) throws -> JSONReport {
        if path.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read the report") }
            return try JSONReporter.read(data)
        }
        let artifact = ArtifactScanner(limits: limitOptions.scanLimits).scan(.path(path))
        let scan = ScanAssessment(ScanReport(artifacts: [artifact]), policy: policy)
        DiagnosticPrinter.print(scan.report)
        return JSONReport(scan)
    }
}
