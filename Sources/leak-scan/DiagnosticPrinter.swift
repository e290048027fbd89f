import LeakReporters
import LeakScanCore

/// Writes one line per diagnostic to standard error, naming the artifact and the member.
enum DiagnosticPrinter {
    static func print(_ report: ScanReport) {
        var text = ""
        for artifact in report.artifacts {
            for diagnostic in artifact.diagnostics {
                text += "leak-scan: error: \(Wording.place(diagnostic.location)): \(Wording.problem(diagnostic.problem))\n"
            }
        }
        StandardStreams.writeError(text)
    }
}
