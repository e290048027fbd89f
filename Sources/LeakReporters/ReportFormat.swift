package import LeakScanCore

/// The output formats of `--format`, each a pure function of one assessed scan.
package enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, sarif, github, markdown

    package func render(
        _ scan: ScanAssessment, options: RenderOptions = RenderOptions(), sarifCategory: String = "leak-scan"
    ) throws -> String {
        switch self {
        case .text: TextReporter.render(scan, options: options)
        case .json: try JSONReporter.render(scan, showSecrets: options.showSecrets, listedSources: options.listedSources)
        case .jsonl:
            try JSONReporter.renderLines(
                scan, showSecrets: options.showSecrets, listedSources: options.listedSources)
        case .sarif: try SARIFReporter.render(scan, category: sarifCategory, showSecrets: options.showSecrets)
        case .github: GitHubReporter.render(scan, showSecrets: options.showSecrets)
        case .markdown: SummaryTable.render(scan, showSecrets: options.showSecrets)
        }
    }
}
