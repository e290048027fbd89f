import ArgumentParser
import FoundationEssentials
public import LeakReporters
import ArtifactScanning
import LeakScanCore

extension ReportFormat: ExpressibleByArgument {}

/// How results are judged (policy, baseline) and where the report goes.
struct ReportOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Report format.")
    var format: ReportFormat = .text

    @Option(
        name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.", completion: .file())
    var output: String?

    @OptionGroup var policyOptions: PolicyOptions

    @Option(
        name: .long, help: "A JSON report of an earlier scan: only exposure not in it fails.",
        completion: .file(extensions: ["json"]))
    var baseline: String?

    @Option(
        name: .long,
        help:
            "Findings that fail the run: error (a leak, exit 1), warning (also exit 1 on warnings), never (exit 0 on findings; an incomplete scan still exits 2)."
    )
    var failOn: FailOn = .error

    @Flag(name: .shortAndLong, help: "List every map, reference and note (by default lesser ones are counted by kind).")
    var verbose = false

    @Flag(
        help:
            "List every exposed source (map, first- or third-party, path, lines, bytes) in text, json and jsonl reports, for audits."
    )
    var listSources = false

    @Option(help: "With --list-sources: list at most this many sources per artifact, then count the rest.")
    var maxListedSources = 10_000

    @Option(name: .long, help: "Colour the verdicts: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(
        name: .customLong("also-write"),
        help: ArgumentHelp(
            "Also write the same result as FORMAT to FILE (repeatable): one scan, several reports.", valueName: "format=file"))
    var alsoWrite: [ExtraReport] = []

    /// True when a report written carries each artifact's SHA-256 and size (JSON, JSON lines): only then is it hashed.
    var carriesInputDigest: Bool {
        ([format] + alsoWrite.map(\.format)).contains { $0 == .json || $0 == .jsonl }
    }

    @Option(name: .long, help: "SARIF automation category, so uploads of different scans do not replace each other.")
    var sarifCategory = "leak-scan"

    /// The cap on listed sources per artifact, or nil without `--list-sources`.
    var listedSources: Int? { listSources ? maxListedSources : nil }

    func validate() throws {
        guard maxListedSources >= 0 else { throw ValidationError("--max-listed-sources must not be negative") }
    }

    struct Judgement {
        var policies: PolicyLookup
        var baseline: Baseline?
    }

    /// The policies of the artifacts in `folders` and the baseline; a broken file is a usage error naming it (exit 64).
    func loadJudgement(forFolders folders: [String]) throws(CommandError) -> Judgement {
        let policies = try policyOptions.load(forFolders: folders)
        guard let baseline else { return Judgement(policies: policies) }
        do {
            let report = try JSONReportFile.read(baseline)
            return Judgement(policies: policies, baseline: report.baseline)
        } catch {
            throw .usage("baseline \(error.description)")
        }
    }

    /// Judges the report, prints diagnostics and the report, and exits with the verdict's code.
    func conclude(
        _ report: ScanReport, judgement: Judgement, quiet: Bool, progress: ProgressLine?, showSecrets: Bool = false
    ) throws -> Never {
        progress?.clear()
        let scan = ScanAssessment(report, baseline: judgement.baseline, policyFor: judgement.policies.policy(for:))
        DiagnosticPrinter.print(report)
        let options = RenderOptions(
            quiet: quiet, verbose: verbose,
            color: output == nil && color.enabled(environment: ProcessInfo.processInfo.environment),
            showSecrets: showSecrets, listedSources: listedSources)
        try write(scan, options: options)
        throw ExitCode(failOn.exitCode(for: scan))
    }

    func write(_ scan: ScanAssessment, options: RenderOptions) throws {
        for extra in alsoWrite {
            try ReportWriter.writeAtomically(
                try extra.format.render(
                    scan,
                    options: RenderOptions(verbose: verbose, showSecrets: options.showSecrets, listedSources: listedSources),
                    sarifCategory: sarifCategory),
                to: extra.path)
        }
        let text = try format.render(scan, options: options, sarifCategory: sarifCategory)
        if let output {
            try ReportWriter.writeAtomically(text, to: output)
        } else {
            try ReportWriter.writeStandardOutput(text)
        }
        if format == .github, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            try ReportWriter.append(SummaryTable.render(scan), to: summary)
        }
    }
}
