import ArgumentParser
import FoundationEssentials
import LeakReporters
import ArtifactScanning
import LeakScanCore

/// `leak-scan scan`: scans artifacts, applies the policy and baseline, writes the report, sets the exit code.
struct ScanCommand: ParsableCommand {
    static let exitCodes = """
        Reads npm tarballs, wheels, zip/jar/vsix, .deb, tar.{gz,bz2,xz,zst}, directories, single files and - \
        (standard input) in one streaming pass; nothing is extracted to disk.

        Exit codes (decided by the policy file, if any):
          0   clean (or only warnings: third-party content, names-only maps, dangling/remote references)
          1   leak: a map's sourcesContent exposes first-party source (even if the scan is incomplete)
          2   scan incomplete: an artifact or member could not be fully read, a limit was hit, or the
              report could not be written
          64  usage error (bad arguments, unreadable policy or baseline file)
        """

    static let configuration = CommandConfiguration(
        commandName: "scan", abstract: "Scan artifacts for source maps that expose source (the default command).",
        discussion: exitCodes)

    @Argument(help: "Artifacts to scan: archive files, directories, or - for standard input.", completion: .file())
    var inputs: [String] = []

    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var secretOptions: SecretOptions

    @Option(
        name: .shortAndLong,
        help: "Cores to use: artifacts scanned at the same time, plus gzip inflated ahead on a spare core (default: all).")
    var jobs: Int?

    /// Read once: ArgumentParser builds the command several times, and each count reads `/sys` and cgroup files.
    private static let cores = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .long, help: "Also scan the artifacts listed in this file, one per line (- reads the list from standard input).",
        completion: .file())
    var filesFrom: String?

    @Option(
        name: .customLong("pack"),
        help: "Also pack this package folder (see --pack-manager) and scan the tarball, in the same report (repeatable).",
        completion: .directory)
    var packDirectories: [String] = []

    @Option(help: PackManagerChoice.help)
    var packManager: PackManagerChoice = .auto

    @Flag(name: .shortAndLong, help: "Print only the verdict lines (text format) and no progress.")
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty || filesFrom != nil || !packDirectories.isEmpty else {
            throw ValidationError("give at least one artifact to scan (or - for standard input, or --files-from)")
        }
        if filesFrom == "-", inputs.contains("-") {
            throw ValidationError("standard input can carry the list (--files-from -) or an artifact (-), not both")
        }
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        if let first = inputs.first, !FileManager.default.fileExists(atPath: first),
            let command = CommandSuggestion.nearest(
                to: first, among: LeakScanCommand.configuration.subcommands.map { $0._commandName })
        {
            throw ValidationError("'\(first)' is neither a file nor a command; did you mean 'leak-scan \(command)'?")
        }
    }

    func run() throws {
        try CommandError.boundary {
            let arguments = try inputs + FilesFrom.read(filesFrom)
            let packages = packDirectories.map(PackCommand.packageFolder)
            let folders = arguments.map { $0 == "-" ? "." : PolicyLookup.folder(ofPath: $0) } + packages
            let judgement = try reportOptions.loadJudgement(forFolders: folders)
            let progress = ProgressLine.ifTerminal(quiet: quiet)
            let secrets = try secretOptions.scanning(policies: judgement.policies.all)
            var limits = limitOptions.scanLimits
            limits.hashesInput = reportOptions.carriesInputDigest
            limits.listedSources = reportOptions.listedSources ?? 0
            let scanner = ArtifactScanner(limits: limits, progress: progress, secrets: secrets)
            let scanned = BatchScan(scanner: scanner, jobs: jobs ?? Self.cores).run(arguments.map(ScanInput.init(argument:)))
            let packed = packages.map { packManager.packer.scan(directory: $0, with: scanner) }
            let report = ScanReport(artifacts: scanned.artifacts + packed)
            // A build without Vectorscan chose the slower engine (its README says so); a fallback at run time is news.
            if let fallback = secrets?.engineUsed?.fallback, fallback != .notBuiltIn {
                StandardStreams.writeError("leak-scan: note: \(Wording.engineFallback(fallback))\n")
            }
            try reportOptions.conclude(
                report, judgement: judgement, quiet: quiet, progress: progress, showSecrets: secretOptions.showSecrets)
        }
    }
}
