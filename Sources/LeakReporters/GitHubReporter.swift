package import LeakScanCore

/// `--format github`: one workflow command per active finding (`::error file=…,title=…::…`) on the repository file it
/// belongs to (see `RepositoryFile`), which GitHub Actions turns into annotations; suppressed findings are `::notice`s saying why. Every error is annotated; warnings and
/// notices stop after `maxLesser` (GitHub shows only a few per step anyway) with one notice counting the rest.
package enum GitHubReporter {
    static let maxLesser = 50

    package static func render(_ scan: ScanAssessment, showSecrets: Bool = false) -> String {
        var lines: [String] = []
        var lesser = 0
        var unannotated = 0
        for assessment in scan.artifacts {
            for finding in assessment.findings {
                let command = finding.isActive ? command(for: finding.level) : "notice"
                if command != "error" {
                    lesser += 1
                    guard lesser <= maxLesser else {
                        unannotated += 1
                        continue
                    }
                }
                let suffix = finding.suppression.map { " (suppressed: \(Wording.suppression($0)))" } ?? ""
                let file = RepositoryFile(finding.location, origin: assessment.artifact.origin)
                let line = file.line.map { ",line=\($0)" } ?? ""
                let properties =
                    "file=\(escapeProperty(file.path))\(line),title=\(escapeProperty("leak-scan \(finding.rule.rawValue)"))"
                lines.append(
                    "::\(command) \(properties)::\(escapeData("\(Wording.place(finding.location)): \(Wording.message(finding, showSecrets: showSecrets))\(suffix)"))"
                )
            }
            lines.append(
                "\(assessment.verdict.rawValue) \(Wording.name(assessment.artifact.name)): \(Headline.sentence(for: assessment))")
        }
        if unannotated > 0 {
            lines.append(
                "::notice title=leak-scan::\(escapeData("\(Formatting.count(unannotated, "more warning or notice", "more warnings or notices")) not annotated; the JSON or SARIF report lists them all"))"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func command(for level: Rule.Level) -> String {
        switch level {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// Workflow-command escaping of a message (`%`, CR, LF).
    static func escapeData(_ text: String) -> String {
        Formatting.replacing(["%": "%25", "\r": "%0D", "\n": "%0A"], in: text)
    }

    /// Workflow-command escaping of a property value (also `:` and `,`).
    static func escapeProperty(_ text: String) -> String {
        Formatting.replacing(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"], in: text)
    }
}
