import LeakScanCore

/// Writes one line per diagnostic to standard error, naming the artifact and the member.
enum DiagnosticPrinter {
    static func print(_ report: ScanReport) {
        var text = ""
        for artifact in report.artifacts {
            for diagnostic in artifact.diagnostics {
                let flag = diagnostic.limit.map { " (raise with \($0))" } ?? ""
                text += "leak-scan: error: \(diagnostic.line)\(flag)\n"
            }
        }
        StandardStreams.writeError(text)
    }
}
