package import LeakScanCore

/// The verdict sentence a person reads in five seconds, shared by the text, GitHub and Markdown reporters.
package enum Headline {
    package static func sentence(for assessment: ArtifactAssessment) -> String {
        let artifact = assessment.artifact
        let totals = artifact.totals
        switch assessment.verdict {
        case .leak:
            var text = exposure(totals) + secrets(assessment.findings)
            if artifact.isIncomplete { text += "; scan incomplete (\(Formatting.count(artifact.diagnostics.count, "problem")))" }
            return text
        case .incomplete:
            return
                "scan incomplete (\(Formatting.count(artifact.diagnostics.count, "problem"))): no leak in what was read, but a clean result cannot be claimed"
        case .warn:
            var parts: [String] = []
            if totals.mapsWithContent > 0 { parts.append(exposure(totals) + secrets(assessment.findings)) }
            if totals.namesOnlyMaps > 0 {
                parts.append("\(Formatting.count(totals.namesOnlyMaps, "source map")) without sourcesContent (names only)")
            }
            let dangling = artifact.references.filter { $0.status == .missing }.count
            let remote = artifact.references.filter { $0.status == .remote }.count
            if dangling > 0 { parts.append("\(Formatting.count(dangling, "dangling sourceMappingURL reference")) ") }
            if remote > 0 { parts.append("\(Formatting.count(remote, "remote sourceMappingURL reference"))") }
            if parts.isEmpty { parts.append(exposure(totals)) }
            return parts.map { $0.trimmingSpaces }.joined(separator: "; ")
        case .clean where !assessment.findings.isEmpty:
            return "\(Formatting.count(assessment.findings.count, "finding")) allowed by policy or baseline; "
                + exposure(totals)
        case .clean:
            return
                "no source maps exposing source (\(Formatting.count(artifact.statistics.regularFiles, "file")), \(Formatting.bytes(artifact.statistics.bytesRead)) scanned)"
        }
    }

    /// `; 2 secrets and 1 sensitive term in them` for the active secret findings (empty when there are none).
    static func secrets(_ findings: [Finding]) -> String {
        let active = findings.filter(\.isActive)
        let secrets = active.filter { $0.rule == .secretExposed }.count
        let terms = active.filter { $0.rule == .sensitiveTermExposed }.count
        let parts =
            (secrets > 0 ? [Formatting.count(secrets, "secret")] : [])
            + (terms > 0 ? [Formatting.count(terms, "sensitive term")] : [])
        return parts.isEmpty ? "" : "; " + parts.joined(separator: " and ") + " in them"
    }

    /// `1 source map exposes 4,756 files / 984,942 lines of original source (first-party: 1,906 files / 513,676 lines)`.
    static func exposure(_ totals: ExposureTotals) -> String {
        let maps = totals.mapsWithContent
        let verb = maps == 1 ? "exposes" : "expose"
        return "\(Formatting.count(maps, "source map")) \(verb) "
            + Wording.exposure(totals.uniqueByPath, firstParty: totals.firstParty)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
