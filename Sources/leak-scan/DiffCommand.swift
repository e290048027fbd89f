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
        discussion: """
            Exit 1 when the new release exposes first-party source the old one did not (or more of it); else 2 when \
            either side is missing, unreadable or incompletely scanned (nothing can be claimed); else 0.
            """)

    @Argument(help: "The earlier release: an artifact, or a JSON report from --format json.", completion: .file())
    var old: String

    @Argument(help: "The later release: an artifact, or a JSON report from --format json.", completion: .file())
    var new: String

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup var policyOptions: PolicyOptions

    func run() throws {
        try CommandError.boundary {
            let policies = try policyOptions.load(forFolders: [old, new].map(PolicyLookup.folder(ofPath:)))
            let before = try report(for: old, policies: policies)
            let after = try report(for: new, policies: policies)
            let diff = ReleaseDiff(old: before, new: after, oldName: old, newName: new)
            try ReportWriter.writeStandardOutput(diff.render())
            throw ExitCode(diff.introducesFailure ? 1 : diff.incompleteSides.isEmpty ? 0 : 2)
        }
    }

    /// A side of the diff as a JSON report: read as is, or scanned now.
    func report(for path: String, policies: PolicyLookup) throws(CommandError) -> JSONReport {
        if path.hasSuffix(".json") {
            do {
                return try JSONReportFile.read(path)
            } catch {
                throw .incomplete(error.description)
            }
        }
        let artifact = ArtifactScanner(limits: limitOptions.scanLimits).scan(.path(path))
        let scan = ScanAssessment(ScanReport(artifacts: [artifact]), policyFor: policies.policy(for:))
        DiagnosticPrinter.print(scan.report)
        return JSONReport(scan)
    }
}
