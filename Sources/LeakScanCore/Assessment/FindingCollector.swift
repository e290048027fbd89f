/// Turns an artifact's maps, references and problems into findings at their rules' default levels.
enum FindingCollector {
    static func findings(of artifact: ArtifactReport) -> [Finding] {
        var findings: [Finding] = []
        for map in artifact.maps where map.exposesContent || map.summary.sourcesCount > 0 {
            let rule = Rule.forMap(map)
            let totals = map.totals
            let location = map.location
            let message = map.exposesContent
                ? "\(map.location.member) exposes \(count(totals.raw.files, "file")) / \(count(totals.raw.lines, "line")) of original "
                    + "source (first-party: \(count(totals.firstParty.files, "file")) / \(count(totals.firstParty.lines, "line")))"
                : "\(map.location.member) names \(count(map.summary.sourcesCount, "source")) without their content"
            findings.append(
                Finding(
                    rule: rule, level: rule.defaultLevel, location: location, message: message, exposed: totals.raw,
                    firstParty: totals.firstParty, inlineOrdinal: map.inlineOrdinal,
                    fingerprint: Fingerprint.of(rule: rule, location: location, inlineOrdinal: map.inlineOrdinal)))
        }
        for reference in artifact.references where reference.status != .present {
            let rule: Rule = reference.status == .missing ? .missingMapReference : .remoteMapReference
            let message = reference.status == .missing
                ? "sourceMappingURL \(reference.url) points at a map that is not shipped"
                : "sourceMappingURL \(reference.url) points at a remote map"
            findings.append(
                Finding(
                    rule: rule, level: rule.defaultLevel, location: reference.location, message: message,
                    fingerprint: Fingerprint.of(rule: rule, location: reference.location)))
        }
        for diagnostic in artifact.diagnostics {
            let message = diagnostic.limit.map { "\(diagnostic.message) (raise with \($0))" } ?? diagnostic.message
            findings.append(
                Finding(
                    rule: .scanIncomplete, level: .error, location: diagnostic.location, message: message,
                    fingerprint: Fingerprint.of(rule: .scanIncomplete, location: diagnostic.location)))
        }
        return findings
    }

    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
