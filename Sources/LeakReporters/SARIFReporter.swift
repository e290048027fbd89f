import FoundationEssentials
public import LeakScanCore

/// `--format sarif`: SARIF 2.1.0 for GitHub code scanning. Members are `run.artifacts[]` entries whose `parentIndex`
/// points at the archive holding them; suppressed findings stay as results with a `suppressions` entry.
public enum SARIFReporter {
    public static func render(_ scan: ScanAssessment) throws -> String {
        var artifacts: [SARIFLog.Artifact] = []
        var indexOfChain: [[String]: Int] = [:]

        func index(of chain: [String]) -> Int {
            if let known = indexOfChain[chain] { return known }
            let parent = chain.count > 1 ? index(of: Array(chain.dropLast())) : nil
            let uri = chain.count > 1 ? chain.last ?? "" : chain[0]
            artifacts.append(SARIFLog.Artifact(location: SARIFLog.ArtifactLocation(uri: uri), parentIndex: parent))
            indexOfChain[chain] = artifacts.count - 1
            return artifacts.count - 1
        }

        var results: [SARIFLog.Result] = []
        for assessment in scan.artifacts {
            _ = index(of: [assessment.artifact.name])
            for finding in assessment.findings {
                let chain = finding.location.chain
                let artifactIndex = index(of: chain)
                results.append(
                    SARIFLog.Result(
                        ruleId: finding.rule.rawValue, ruleIndex: Rule.allCases.firstIndex(of: finding.rule) ?? 0,
                        level: finding.level.rawValue, message: SARIFLog.Text(text: Wording.message(finding)),
                        locations: [
                            SARIFLog.ResultLocation(
                                physicalLocation: SARIFLog.PhysicalLocation(
                                    artifactLocation: SARIFLog.ArtifactLocation(uri: chain.joined(separator: "!"), index: artifactIndex),
                                    region: finding.location.byteOffset.map { SARIFLog.Region(byteOffset: $0) }))
                        ],
                        partialFingerprints: ["leakScanFinding/v1": finding.fingerprint],
                        suppressions: finding.suppression.map { [SARIFLog.Suppression(kind: "external", justification: Wording.suppression($0))] }))
            }
        }
        let driver = SARIFLog.Driver(
            name: ToolInfo.name, version: ToolInfo.version, informationUri: ToolInfo.informationURI,
            rules: Rule.allCases.map {
                SARIFLog.ReportingDescriptor(
                    id: $0.rawValue, name: $0.title, shortDescription: SARIFLog.Text(text: $0.title),
                    fullDescription: SARIFLog.Text(text: $0.explanation), helpUri: $0.helpURI,
                    defaultConfiguration: SARIFLog.Configuration(level: $0.defaultLevel.rawValue))
            })
        let log = SARIFLog(runs: [SARIFLog.Run(tool: SARIFLog.Tool(driver: driver), artifacts: artifacts, results: results)])
        return try JSONReporter.encode(log, formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) + "\n"
    }
}
