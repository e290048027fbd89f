public import LeakScanCore

/// The Markdown table shared by `--format markdown` (a PR comment) and the GitHub step summary.
public enum SummaryTable {
    public static func render(_ scan: ScanAssessment) -> String {
        var lines = [
            "### leak-scan: \(scan.verdict.rawValue)", "",
            "| Verdict | Artifact | Maps with content | Files | Lines | First-party files | First-party lines |",
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        for assessment in scan.artifacts {
            let totals = assessment.artifact.totals
            let cells = [
                assessment.verdict.rawValue, "`\(escape(Wording.name(assessment.artifact.name)))`", Formatting.grouped(totals.mapsWithContent),
                Formatting.grouped(totals.uniqueByPath.files), Formatting.grouped(totals.uniqueByPath.lines),
                Formatting.grouped(totals.firstParty.files), Formatting.grouped(totals.firstParty.lines),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        let findings = scan.artifacts.flatMap(\.findings)
        if !findings.isEmpty {
            lines += ["", "| Level | Rule | Where | Finding |", "|---|---|---|---|"]
            for finding in findings {
                let level = finding.suppression.map { "suppressed (\(escape(Wording.suppression($0))))" } ?? finding.level.rawValue
                lines.append("| \(level) | `\(finding.rule.rawValue)` | `\(escape(Wording.place(finding.location)))` | \(escape(Wording.message(finding))) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        Formatting.replacing(["|": "\\|", "`": "'"], in: text)
    }
}
