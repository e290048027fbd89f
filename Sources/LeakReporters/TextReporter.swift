package import LeakScanCore

/// Plain text for people: a verdict line per artifact; then maps with content (the leaking ones first), what leaked,
/// how to fix it, every problem; lesser items (names-only maps, references, notes, the maps nested in one map's
/// entries) collapse into counted lines unless `verbose`; then totals.
package enum TextReporter {
    package static func render(_ scan: ScanAssessment, options: RenderOptions = RenderOptions()) -> String {
        if options.quiet { return renderVerdicts(scan, options: options) }
        var lines: [String] = []
        for assessment in scan.artifacts {
            lines.append(verdictLine(assessment, options: options))
            lines += details(of: assessment.artifact, verbose: options.verbose, leaks: assessment.verdict == .leak)
            lines += secretLines(assessment.findings, showSecrets: options.showSecrets)
            if let limit = options.listedSources {
                lines += SourceListing(assessment.artifact, limit: limit).textLines(limit: limit)
            }
            for finding in assessment.findings {
                guard let suppression = finding.suppression else { continue }
                lines.append(
                    "  suppressed \(Wording.place(finding.location)) [\(finding.rule.rawValue) \(finding.fingerprint)]: \(Wording.suppression(suppression))"
                )
            }
        }
        if scan.artifacts.count > 1 {
            lines.append(
                "\(verdictWord(scan.verdict, options: options))  \(Formatting.count(scan.artifacts.count, "artifact"))  \(totalsLine(scan.report.totals))"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func details(of artifact: ArtifactReport, verbose: Bool, leaks: Bool) -> [String] {
        var lines: [String] = []
        let shown = artifact.maps.filter { verbose || $0.exposesContent }
        let groups = verbose ? [:] : NestedMapGroup.collapsed(shown)
        var collapsedAt: Set<Location> = []
        for map in shown.sorted(by: { ($0.exposesFirstParty ? 0 : 1, $0.location) < ($1.exposesFirstParty ? 0 : 1, $1.location) })
        {
            if NestedMapGroup.isCollapsible(map), let group = groups[map.location] {
                if collapsedAt.insert(map.location).inserted { lines.append(group.line(example: map)) }
                continue
            }
            lines.append(mapLine(map))
            lines += map.summary.notes.map { "    note: \(Wording.mapNote($0))" }
        }
        let namesOnly = artifact.maps.count - shown.count
        if namesOnly > 0 {
            lines.append("  \(Formatting.count(namesOnly, "map")) without sourcesContent (names only; -v lists them)")
        }
        let directories = Array(artifact.directories.prefix(5))
        if !directories.isEmpty {
            lines.append("  what leaked (first-party, by lines):")
            for entry in directories {
                lines.append(
                    "    \(entry.directory.padding(32)) \(Formatting.count(entry.count.files, "file")) / \(Formatting.count(entry.count.lines, "line"))"
                )
            }
        }
        if leaks { lines.append("  fix: \(Rule.firstPartySourceExposed.fix)") }
        lines += verbose ? artifact.references.map(referenceLine) : ReferenceGroup.lines(for: artifact.references)
        if verbose || artifact.notes.count <= ReferenceGroup.listedUpTo {
            lines += artifact.notes.map { "  note \(Wording.placeAndOffset($0.location)): \(Wording.note($0.kind))" }
        } else {
            lines.append("  \(Formatting.count(artifact.notes.count, "note")) (-v lists them)")
        }
        for diagnostic in artifact.diagnostics {
            lines.append("  incomplete \(Wording.place(diagnostic.location)): \(Wording.problem(diagnostic.problem))")
        }
        if !artifact.maps.isEmpty {
            lines.append("  totals: \(totalsLine(artifact.totals))")
        }
        return lines
    }

    /// One line per active secret or sensitive term, at its original file:line:column, then one fix line per rule.
    static func secretLines(_ findings: [Finding], showSecrets: Bool) -> [String] {
        let secrets = findings.filter { $0.isActive && $0.secret != nil }
        var lines: [String] = []
        var rules: [String] = []
        for finding in secrets {
            guard let secret = finding.secret else { continue }
            lines.append("  \(finding.level.rawValue.padding(7)) \(Wording.message(finding, showSecrets: showSecrets))")
            if !rules.contains(secret.ruleID) { rules.append(secret.ruleID) }
        }
        lines += rules.map { "  fix \($0): \(Wording.secretFix($0))" }
        return lines
    }

    static func mapLine(_ map: MapFinding) -> String {
        let totals = map.totals
        let nesting = map.containingEntries.map { " → \(Wording.name($0)) (inline)" }.joined()
        let line = "  map \(map.kind.rawValue.padding(6)) \(Wording.placeAndOffset(map.location))\(nesting)  "
        guard map.exposesContent else {
            return line + "no sourcesContent (\(Formatting.count(map.summary.sourcesCount, "source name")))"
        }
        return line + "\(Formatting.count(totals.raw.files, "file")) / \(Formatting.count(totals.raw.lines, "line"))"
            + " (first-party \(Formatting.grouped(totals.firstParty.files)) / \(Formatting.grouped(totals.firstParty.lines)))"
    }

    static func referenceLine(_ reference: Reference) -> String {
        let effective = reference.isEffective ? "" : " (superseded)"
        return
            "  reference \(reference.status.rawValue.padding(7)) \(Wording.place(reference.location)) -> \(Wording.name(reference.url))\(effective)"
    }

    static func totalsLine(_ totals: ExposureTotals) -> String {
        "\(Formatting.count(totals.maps, "map")) (\(Formatting.grouped(totals.mapsWithContent)) with content); "
            + "raw \(Formatting.count(totals.raw.files, "file")) / \(Formatting.count(totals.raw.lines, "line")) / \(Formatting.bytes(Int64(totals.raw.bytes))); "
            + "unique by path \(Formatting.grouped(totals.uniqueByPath.files)) / \(Formatting.grouped(totals.uniqueByPath.lines)); "
            + "unique by content \(Formatting.grouped(totals.uniqueByContent.files)) / \(Formatting.grouped(totals.uniqueByContent.lines)); "
            + "first-party \(Formatting.grouped(totals.firstParty.files)) / \(Formatting.grouped(totals.firstParty.lines)); "
            + "third-party \(Formatting.grouped(totals.thirdParty.files)) / \(Formatting.grouped(totals.thirdParty.lines))"
    }
}

extension String {
    /// Left-aligned in a column of `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

extension TextReporter {
    /// Only the verdict lines (`--quiet`).
    static func renderVerdicts(_ scan: ScanAssessment, options: RenderOptions) -> String {
        scan.artifacts.map { verdictLine($0, options: options) + "\n" }.joined()
    }

    static func verdictLine(_ assessment: ArtifactAssessment, options: RenderOptions) -> String {
        "\(verdictWord(assessment.verdict, options: options))  \(Wording.name(assessment.artifact.name))  \(Headline.sentence(for: assessment))"
    }

    /// The verdict padded to its column, in colour when asked (red LEAK, yellow WARN and INCOMPLETE, green CLEAN).
    static func verdictWord(_ verdict: Verdict, options: RenderOptions) -> String {
        let word = verdict.rawValue.padding(10)
        guard options.color else { return word }
        let code =
            switch verdict {
            case .leak: "1;31"
            case .incomplete, .warn: "33"
            case .clean: "32"
            }
        return "\u{1B}[\(code)m\(verdict.rawValue)\u{1B}[0m" + String(repeating: " ", count: 10 - verdict.rawValue.count)
    }
}
