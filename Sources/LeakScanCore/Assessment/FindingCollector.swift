/// Turns an artifact's maps, references and problems into findings at their rules' default levels.
enum FindingCollector {
    static func findings(of artifact: ArtifactReport) -> [Finding] {
        var findings: [Finding] = []
        for map in artifact.maps where map.exposesContent || map.summary.sourcesCount > 0 {
            let rule = Rule.forMap(map)
            findings.append(
                Finding(
                    rule: rule, level: rule.defaultLevel, location: map.location,
                    subject: .map(sources: map.summary.sourcesCount), exposed: map.totals.raw,
                    firstParty: map.totals.firstParty, inlineOrdinal: map.inlineOrdinal,
                    containingEntries: map.containingEntries,
                    fingerprint: Fingerprint.of(
                        rule: rule, location: map.location, inlineOrdinal: map.inlineOrdinal,
                        containingEntries: map.containingEntries)))
        }
        for map in artifact.maps {
            for source in map.secretSources {
                for hit in source.secrets {
                    findings.append(secretFinding(hit, in: source, of: map))
                }
            }
        }
        for reference in artifact.references where reference.status != .present {
            let rule: Rule = reference.status == .missing ? .missingMapReference : .remoteMapReference
            findings.append(
                Finding(
                    rule: rule, level: rule.defaultLevel, location: reference.location, subject: .reference(url: reference.url),
                    fingerprint: Fingerprint.of(rule: rule, location: reference.location)))
        }
        for diagnostic in artifact.diagnostics {
            findings.append(
                Finding(
                    rule: .scanIncomplete, level: .error, location: diagnostic.location, subject: .problem(diagnostic.problem),
                    fingerprint: Fingerprint.of(rule: .scanIncomplete, location: diagnostic.location)))
        }
        return findings
    }

    static func secretFinding(_ hit: SecretHit, in source: ExposedSource, of map: MapFinding) -> Finding {
        let rule: Rule = hit.kind == .secret ? .secretExposed : .sensitiveTermExposed
        let secret = Finding.SecretFinding(
            ruleID: hit.ruleID, sourcePath: source.path, line: hit.line, column: hit.column, secret: hit.secret)
        return Finding(
            rule: rule, level: hit.level, location: map.location, subject: .secret(secret),
            inlineOrdinal: map.inlineOrdinal, containingEntries: map.containingEntries,
            fingerprint: Fingerprint.of(
                rule: rule, location: map.location, inlineOrdinal: map.inlineOrdinal,
                containingEntries: map.containingEntries, secret: secret))
    }
}
