import ArgumentParser
import FoundationEssentials
import ArtifactScanning
import LeakScanCore

/// `leak-scan pack [DIR…]`: runs the real pack command of the package's manager (npm, yarn, pnpm, bun) on each package
/// folder and scans exactly what it produced.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Pack each package folder into a temporary directory (npm, yarn, pnpm or bun), scan the tarball, remove it.",
        discussion: """
            Use as a release gate: "prepublishOnly": "leak-scan pack ." in package.json, or the pre-push hook from \
            `leak-scan install-hook`. A failing pack, or a package manager that is not installed, is an error (exit 2), \
            never a pass.

            \(ScanCommand.exitCodes)
            """)

    @Argument(help: "Package folders or their package.json files (default: the current directory).", completion: .file())
    var directories: [String] = ["."]

    @Option(help: PackManagerChoice.help)
    var packManager: PackManagerChoice = .auto

    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var reportOptions: ReportOptions

    @Flag(name: .shortAndLong, help: "Print only the verdict lines (text format) and no progress.")
    var quiet = false

    @Flag(help: "Skip packages whose package.json says \"private\": true (they are never published).")
    var skipPrivate = false

    /// True when the folder's package.json says `"private": true`.
    static func isPrivate(_ folder: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder + "/package.json"),
            let manifest = try? JSONDecoder().decode(PrivateFlag.self, from: data)
        else { return false }
        return manifest.private == true
    }

    private struct PrivateFlag: Decodable {
        var `private`: Bool?
    }

    /// `DIR/package.json` names the package folder `DIR`.
    static func packageFolder(_ argument: String) -> String {
        guard argument == "package.json" || argument.hasSuffix("/package.json") else { return argument }
        let folder = String(argument.dropLast("package.json".count))
        return folder.isEmpty ? "." : folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    }

    func run() throws {
        try CommandError.boundary {
            let directories = directories.map(Self.packageFolder).filter { !(skipPrivate && Self.isPrivate($0)) }
            let judgement = try reportOptions.loadJudgement(forFolders: directories)
            let progress = ProgressLine.ifTerminal(quiet: quiet)
            var limits = limitOptions.scanLimits
            limits.hashesInput = reportOptions.carriesInputDigest
            limits.listedSources = reportOptions.listedSources ?? 0
            let scanner = ArtifactScanner(limits: limits, progress: progress)
            let report = ScanReport(artifacts: directories.map { packManager.packer.scan(directory: $0, with: scanner) })
            try reportOptions.conclude(report, judgement: judgement, quiet: quiet, progress: progress)
        }
    }
}
