import FoundationEssentials
package import LeakScanCore

/// `--format sarif`: SARIF 2.1.0 that GitHub code scanning can place. Each result points at a file of the repository:
/// the package's `package.json` for `leak-scan pack DIR`, the map itself for a folder scan, the archive as given for an
/// archive; the member inside an archive goes in the message and `logicalLocations`. Suppressed findings stay as
/// results with a `suppressions` entry; an incomplete scan sets `executionSuccessful: false` with notifications.
package enum SARIFReporter {
    package static func render(
        _ scan: ScanAssessment, category: String = "leak-scan", showSecrets: Bool = false
    ) throws
        -> String
    {
        var artifacts: [SARIFLog.Artifact] = []
        var indexOfURI: [String: Int] = [:]
        func index(of uri: String) -> Int {
            indexOfURI[uri]
                ?? {
                    artifacts.append(SARIFLog.Artifact(location: SARIFLog.ArtifactLocation(uri: uri)))
                    indexOfURI[uri] = artifacts.count - 1
                    return artifacts.count - 1
                }()
        }
        /// A secret is placed on the original source's path at its line and UTF-16 column; the map that exposes it
        /// (and the entries holding a nested map) go in the logical locations.
        func place(_ secret: Finding.SecretFinding, of finding: Finding) -> SARIFLog.ResultLocation {
            let uri = RepositoryFile.uri(secret.sourcePath)
            let holders =
                [SARIFLog.LogicalLocation(fullyQualifiedName: finding.location.description, kind: "member")]
                + finding.containingEntries.map { SARIFLog.LogicalLocation(fullyQualifiedName: $0, kind: "module") }
            return SARIFLog.ResultLocation(
                physicalLocation: SARIFLog.PhysicalLocation(
                    artifactLocation: SARIFLog.ArtifactLocation(uri: uri, index: index(of: uri)),
                    region: SARIFLog.Region(startLine: secret.line, startColumn: secret.column)),
                logicalLocations: holders)
        }
        func place(_ location: Location, in artifact: ArtifactReport) -> SARIFLog.ResultLocation {
            let target = RepositoryFile(location, origin: artifact.origin)
            let uri = RepositoryFile.uri(target.path)
            let region =
                target.line.map { SARIFLog.Region(startLine: $0) } ?? target.byteOffset.map { SARIFLog.Region(byteOffset: $0) }
            return SARIFLog.ResultLocation(
                physicalLocation: SARIFLog.PhysicalLocation(
                    artifactLocation: SARIFLog.ArtifactLocation(uri: uri, index: index(of: uri)), region: region),
                logicalLocations: target.member.map { [SARIFLog.LogicalLocation(fullyQualifiedName: $0, kind: "member")] })
        }

        var results: [SARIFLog.Result] = []
        var notifications: [SARIFLog.Notification] = []
        for assessment in scan.artifacts {
            for finding in assessment.findings {
                let location =
                    finding.secret.map { place($0, of: finding) } ?? place(finding.location, in: assessment.artifact)
                let inside = location.logicalLocations?.first.map { " (in \(Wording.name($0.fullyQualifiedName)))" } ?? ""
                results.append(
                    SARIFLog.Result(
                        ruleId: finding.rule.rawValue, ruleIndex: Rule.allCases.firstIndex(of: finding.rule) ?? 0,
                        level: finding.level.rawValue,
                        message: SARIFLog.Text(text: Wording.message(finding, showSecrets: showSecrets) + inside),
                        locations: [location], partialFingerprints: ["leakScanFinding/v1": finding.fingerprint],
                        suppressions: finding.suppression.map {
                            [SARIFLog.Suppression(kind: "external", justification: Wording.suppression($0))]
                        }))
            }
            for diagnostic in assessment.artifact.diagnostics {
                notifications.append(
                    SARIFLog.Notification(
                        level: "error", message: SARIFLog.Text(text: Wording.problem(diagnostic.problem)),
                        locations: [place(diagnostic.location, in: assessment.artifact)]))
            }
        }
        let driver = SARIFLog.Driver(
            name: ToolInfo.name, version: ToolInfo.version, informationUri: ToolInfo.informationURI,
            rules: Rule.allCases.map {
                SARIFLog.ReportingDescriptor(
                    id: $0.rawValue, name: $0.title, shortDescription: SARIFLog.Text(text: $0.title),
                    fullDescription: SARIFLog.Text(text: $0.explanation),
                    help: SARIFLog.Help(text: $0.explanation + " " + $0.fix, markdown: "\($0.explanation)\n\n**Fix:** \($0.fix)"),
                    helpUri: $0.helpURI, defaultConfiguration: SARIFLog.Configuration(level: $0.defaultLevel.rawValue),
                    properties: SARIFLog.RuleProperties(
                        securitySeverity: $0.securitySeverity,
                        tags: ["security", $0 == .secretExposed || $0 == .sensitiveTermExposed ? "secret" : "source-map"],
                        precision: $0 == .secretExposed ? "high" : "very-high"))
            })
        let run = SARIFLog.Run(
            tool: SARIFLog.Tool(driver: driver), automationDetails: SARIFLog.AutomationDetails(id: category + "/"),
            invocations: [
                SARIFLog.Invocation(executionSuccessful: notifications.isEmpty, toolExecutionNotifications: notifications)
            ],
            artifacts: artifacts, results: results, columnKind: "utf16CodeUnits")
        return try JSONReporter.encode(SARIFLog(runs: [run]), formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            + "\n"
    }
}
