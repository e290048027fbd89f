import ArgumentParser
import ArtifactScanning
import LeakScanCore

/// `leak-scan pack [DIR…]`: runs the real `npm pack` on each package folder and scans exactly what it produced.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "npm pack each package folder into a temporary directory, scan the tarball, remove it.",
        discussion: """
            Use as a release gate: "prepublishOnly": "leak-scan pack ." in package.json, or the pre-push hook from \
            `leak-scan install-hook`. A failing npm pack is an error (exit 2), never a pass.

            \(ScanCommand.exitCodes)
            """)

    @Argument(help: "Package folders (default: the current directory).", completion: .directory)
    var directories: [String] = ["."]

    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var reportOptions: ReportOptions

    @Flag(name: .shortAndLong, help: "Print only the verdict lines (text format) and no progress.")
    var quiet = false

    func run() throws {
        try CommandError.boundary {
            let judgement = try reportOptions.loadJudgement()
            let progress = ProgressLine.ifTerminal(quiet: quiet)
            let scanner = ArtifactScanner(limits: limitOptions.scanLimits, progress: progress)
            let report = ScanReport(artifacts: directories.map { NpmPack().scan(directory: $0, with: scanner) })
            try reportOptions.conclude(report, judgement: judgement, quiet: quiet, progress: progress)
        }
    }
}
