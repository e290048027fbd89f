public import LeakScanCore

/// Plain text for people: one verdict line per artifact, then one line per map, reference and problem, then totals.
public enum TextReporter {
    public static func render(_ scan: ScanAssessment) -> String {
        var lines: [String] = []
        for assessment in scan.artifacts {
            lines.append(verdictLine(assessment))
            lines += details(of: assessment.artifact)
            for finding in assessment.findings {
                guard let suppression = finding.suppression else { continue }
                lines.append("  suppressed \(Wording.place(finding.location)) [\(finding.rule.rawValue) \(finding.fingerprint)]: \(Wording.suppression(suppression))")
            }
        }
        if scan.artifacts.count > 1 {
            lines.append("\(scan.verdict.rawValue.padding(10))  \(Formatting.count(scan.artifacts.count, "artifact"))  \(totalsLine(scan.report.totals))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func details(of artifact: ArtifactReport) -> [String] {
        var lines: [String] = []
        for map in artifact.maps {
            let totals = map.totals
            var line = "  map \(map.kind.rawValue.padding(6)) \(Wording.placeAndOffset(map.location))  "
            if map.exposesContent {
                line += "\(Formatting.count(totals.raw.files, "file")) / \(Formatting.count(totals.raw.lines, "line"))"
                    + " (first-party \(Formatting.grouped(totals.firstParty.files)) / \(Formatting.grouped(totals.firstParty.lines)))"
            } else {
                line += "no sourcesContent (\(Formatting.count(map.summary.sourcesCount, "source name")))"
            }
            lines.append(line)
            lines += map.summary.notes.map { "    note: \(Wording.mapNote($0))" }
        }
        let directories = DirectoryExposure.top(artifact.maps)
        if !directories.isEmpty {
            lines.append("  what leaked (first-party, by lines):")
            for entry in directories {
                lines.append("    \(entry.directory.padding(32)) \(Formatting.count(entry.count.files, "file")) / \(Formatting.count(entry.count.lines, "line"))")
            }
        }
        for reference in artifact.references {
            let effective = reference.isEffective ? "" : " (superseded)"
            lines.append(
                "  reference \(reference.status.rawValue.padding(7)) \(Wording.place(reference.location)) -> \(Wording.name(reference.url))\(effective)")
        }
        for note in artifact.notes {
            lines.append("  note \(Wording.placeAndOffset(note.location)): \(Wording.note(note.kind))")
        }
        for diagnostic in artifact.diagnostics {
            lines.append("  incomplete \(Wording.place(diagnostic.location)): \(Wording.problem(diagnostic.problem))")
        }
        if !artifact.maps.isEmpty {
            lines.append("  totals: \(totalsLine(artifact.totals))")
        }
        return lines
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
    public static func renderVerdicts(_ scan: ScanAssessment) -> String {
        scan.artifacts.map { verdictLine($0) + "\n" }.joined()
    }

    static func verdictLine(_ assessment: ArtifactAssessment) -> String {
        "\(assessment.verdict.rawValue.padding(10))  \(Wording.name(assessment.artifact.name))  \(Headline.sentence(for: assessment))"
    }
}
