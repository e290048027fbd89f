package import LeakScanCore

/// The Markdown table shared by `--format markdown` (a PR comment) and the GitHub step summary. Capped so it always fits
/// a GitHub comment (65,536 characters): errors first, at most `maxRows` finding rows, long cells shortened, the rest
/// counted in a closing line.
package enum SummaryTable {
    static let maxRows = 100
    static let maxCell = 300

    package static func render(_ scan: ScanAssessment, showSecrets: Bool = false) -> String {
        var lines = [
            "### leak-scan: \(scan.verdict.rawValue)", "",
            "| Verdict | Artifact | Maps with content | Files | Lines | First-party files | First-party lines |",
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        for assessment in scan.artifacts {
            let totals = assessment.artifact.totals
            let cells = [
                assessment.verdict.rawValue, "`\(escape(Wording.name(assessment.artifact.name)))`",
                Formatting.grouped(totals.mapsWithContent),
                Formatting.grouped(totals.uniqueByPath.files), Formatting.grouped(totals.uniqueByPath.lines),
                Formatting.grouped(totals.firstParty.files), Formatting.grouped(totals.firstParty.lines),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        let findings = scan.artifacts.flatMap(\.findings).enumerated().sorted {
            (rank($0.element), $0.offset) < (rank($1.element), $1.offset)
        }.map(\.element)
        if !findings.isEmpty {
            lines += ["", "| Level | Rule | Where | Finding |", "|---|---|---|---|"]
            for finding in findings.prefix(maxRows) {
                let level = finding.suppression.map { "suppressed (\(cell(Wording.suppression($0))))" } ?? finding.level.rawValue
                lines.append(
                    "| \(level) | `\(finding.rule.rawValue)` | `\(cell(Wording.place(finding.location)))` | \(cell(Wording.message(finding, showSecrets: showSecrets))) |"
                )
            }
            if findings.count > maxRows {
                lines += [
                    "",
                    "… and \(Formatting.count(findings.count - maxRows, "more finding")) (the JSON or SARIF report lists them all).",
                ]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Active errors first, then warnings, notes and suppressed findings.
    static func rank(_ finding: Finding) -> Int {
        guard finding.isActive else { return 3 }
        switch finding.level {
        case .error: return 0
        case .warning: return 1
        case .note: return 2
        }
    }

    /// A table cell: escaped, and shortened past `maxCell` characters.
    static func cell(_ text: String) -> String {
        escape(text.count > maxCell ? String(text.prefix(maxCell - 1)) + "…" : text)
    }

    static func escape(_ text: String) -> String {
        Formatting.replacing(["|": "\\|", "`": "'"], in: text)
    }
}
