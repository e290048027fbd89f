import ArgumentParser
import Foundation
import LeakReporters
import LeakScan
import LeakScanCore

/// The `leak-scan` command: parses arguments, runs the scan, prints the report and diagnostics, sets the exit code.
@main
struct LeakScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leak-scan",
        abstract: "Find original source code leaking out of release artifacts through source maps.",
        discussion: """
            Reads npm tarballs, wheels, zip/jar/vsix, .deb, tar.{gz,bz2,xz,zst}, directories, single files and - \
            (standard input) in one streaming pass; nothing is extracted to disk.

            Exit codes:
              0   clean (or only warnings: third-party content, names-only maps, dangling/remote references)
              1   leak: first-party source is exposed by a map's sourcesContent
              2   scan incomplete: an artifact or member could not be fully read, or a limit was hit
              64  usage error
            """
    )

    @Argument(help: "Artifacts to scan: archive files, directories, or - for standard input.")
    var inputs: [String] = []

    @OptionGroup var limitOptions: LimitOptions

    @Option(name: .long, help: "Artifacts scanned at the same time (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "Print only the verdict lines.")
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one artifact to scan (or - for standard input)") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        let scanner = ArtifactScanner(limits: limitOptions.scanLimits)
        let report = BatchScan(scanner: scanner, jobs: jobs).run(inputs.map(ScanInput.init(argument:)))
        DiagnosticPrinter.print(report)
        let text = quiet ? TextReporter.renderVerdicts(report) : TextReporter.render(report)
        FileHandle.standardOutput.write(Data(text.utf8))
        throw ExitCode(report.exitCode)
    }
}
