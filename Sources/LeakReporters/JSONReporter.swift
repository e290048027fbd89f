package import FoundationEssentials
package import LeakScanCore

/// `--format json` (one pretty document) and `--format jsonl` (one compact object per artifact per line).
package enum JSONReporter {
    /// `listedSources`: list exposed sources, at most this many per artifact (`--list-sources`).
    package static func render(_ scan: ScanAssessment, showSecrets: Bool = false, listedSources: Int? = nil) throws -> String {
        try encode(
            JSONReport(scan, showSecrets: showSecrets, listedSources: listedSources),
            formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) + "\n"
    }

    package static func renderLines(
        _ scan: ScanAssessment, showSecrets: Bool = false, listedSources: Int? = nil
    ) throws -> String {
        try JSONReport(scan, showSecrets: showSecrets, listedSources: listedSources).artifacts.map {
            try encode($0, formatting: [.sortedKeys, .withoutEscapingSlashes]) + "\n"
        }.joined()
    }

    /// Reads a report written by `render` (a baseline, or one side of `leak-scan diff`).
    package static func read(_ data: Data) throws -> JSONReport {
        try JSONDecoder().decode(JSONReport.self, from: data)
    }

    static func encode(_ value: some Encodable, formatting: JSONEncoder.OutputFormatting) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
