import FoundationEssentials
public import LeakScanCore

/// `--format sarif`: SARIF 2.1.0 that GitHub code scanning can place. Each result points at a file of the repository:
/// the package's `package.json` for `leak-scan pack DIR`, the map itself for a folder scan, the archive as given for an
/// archive; the member inside an archive goes in the message and `logicalLocations`. Suppressed findings stay as
/// results with a `suppressions` entry; an incomplete scan sets `executionSuccessful: false` with notifications.
public enum SARIFReporter {
    public static func render(_ scan: ScanAssessment, category: String = "leak-scan") throws -> String {
        var artifacts: [SARIFLog.Artifact] = []
        var indexOfURI: [String: Int] = [:]
        func place(_ location: Location, in artifact: ArtifactReport) -> SARIFLog.ResultLocation {
            let target = SARIFTarget(location, origin: artifact.origin)
            let index = indexOfURI[target.uri] ?? {
                artifacts.append(SARIFLog.Artifact(location: SARIFLog.ArtifactLocation(uri: target.uri)))
                indexOfURI[target.uri] = artifacts.count - 1
                return artifacts.count - 1
            }()
            return SARIFLog.ResultLocation(
                physicalLocation: SARIFLog.PhysicalLocation(
                    artifactLocation: SARIFLog.ArtifactLocation(uri: target.uri, index: index), region: target.region),
                logicalLocations: target.member.map { [SARIFLog.LogicalLocation(fullyQualifiedName: $0, kind: "member")] })
        }

        var results: [SARIFLog.Result] = []
        var notifications: [SARIFLog.Notification] = []
        for assessment in scan.artifacts {
            for finding in assessment.findings {
                let location = place(finding.location, in: assessment.artifact)
                let inside = location.logicalLocations?.first.map { " (in \(Wording.name($0.fullyQualifiedName)))" } ?? ""
                results.append(
                    SARIFLog.Result(
                        ruleId: finding.rule.rawValue, ruleIndex: Rule.allCases.firstIndex(of: finding.rule) ?? 0,
                        level: finding.level.rawValue, message: SARIFLog.Text(text: Wording.message(finding) + inside),
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
                    properties: SARIFLog.RuleProperties(securitySeverity: $0.securitySeverity, tags: ["security", "source-map"], precision: "very-high"))
            })
        let run = SARIFLog.Run(
            tool: SARIFLog.Tool(driver: driver), automationDetails: SARIFLog.AutomationDetails(id: category + "/"),
            invocations: [SARIFLog.Invocation(executionSuccessful: notifications.isEmpty, toolExecutionNotifications: notifications)],
            artifacts: artifacts, results: results)
        return try JSONReporter.encode(SARIFLog(runs: [run]), formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) + "\n"
    }
}

/// The repository file a location points at, as a SARIF URI, and what lies inside it.
struct SARIFTarget {
    var uri: String
    var region: SARIFLog.Region?
    /// The chain inside the file when the file is an archive (`pkg.tgz!package/a.js.map`).
    var member: String?

    init(_ location: Location, origin: ArtifactReport.Origin) {
        let inside = location.chain.dropFirst()
        switch origin {
        case .packedPackage(let directory):
            uri = Self.encode(Self.joined(directory, "package.json"))
            region = SARIFLog.Region(startLine: 1)
            member = inside.isEmpty ? nil : location.description
        case .directory(let path):
            guard let first = inside.first else {
                uri = Self.encode(path)
                return
            }
            uri = Self.encode(Self.joined(path, first))
            if inside.count == 1 {
                region = location.byteOffset.map { SARIFLog.Region(byteOffset: $0) }
            } else {
                member = inside.joined(separator: "!")
            }
        case .file(let path):
            uri = Self.encode(path)
            member = inside.isEmpty ? nil : location.description
        case .standardInput:
            uri = "stdin"
            member = inside.isEmpty ? nil : location.description
        }
    }

    /// `dir/file`, without a doubled slash or a leading `./`.
    static func joined(_ directory: String, _ file: String) -> String {
        var base = directory
        while base.hasSuffix("/") && base.count > 1 { base.removeLast() }
        if base == "." || base.isEmpty { return file }
        if base.hasPrefix("./") { base.removeFirst(2) }
        return base + "/" + file
    }

    /// A URI reference: relative paths stay relative (to the repository root code scanning resolves them against),
    /// absolute ones become `file://` URIs. Every byte outside RFC 3986's unreserved set, `/`, `@` and `+` is
    /// percent-encoded, so spaces, `!`, `#`, `?` and non-ASCII names survive as path characters.
    static func encode(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "@"),
                UInt8(ascii: "+"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
