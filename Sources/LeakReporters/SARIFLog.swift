/// The subset of SARIF 2.1.0 leak-scan writes, as Codable types so output is typed and keys are sorted.
struct SARIFLog: Codable {
    var version = "2.1.0"
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case version, runs
        case schema = "$schema"
    }

    struct Run: Codable {
        var tool: Tool
        var automationDetails: AutomationDetails
        var invocations: [Invocation]
        var artifacts: [Artifact]
        var results: [Result]
        /// Columns (secrets' `startColumn`) count UTF-16 code units, as source maps and JavaScript do.
        var columnKind: String
    }

    /// Names the analysis, so uploads of the same kind replace each other in code scanning.
    struct AutomationDetails: Codable {
        var id: String
    }

    /// Whether the scan read everything; an incomplete scan says so with one notification per problem.
    struct Invocation: Codable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Codable {
        var level: String
        var message: Text
        var locations: [ResultLocation]
    }

    struct Tool: Codable {
        var driver: Driver
    }

    struct Driver: Codable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Codable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Help
        var helpUri: String
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Help: Codable {
        var text: String
        var markdown: String
    }

    /// What GitHub code scanning reads to rank and filter security alerts.
    struct RuleProperties: Codable {
        var securitySeverity: String
        var tags: [String]
        var precision: String

        enum CodingKeys: String, CodingKey {
            case securitySeverity = "security-severity"
            case tags, precision
        }
    }

    struct Configuration: Codable {
        var level: String
    }

    struct Text: Codable {
        var text: String
    }

    struct Artifact: Codable {
        var location: ArtifactLocation
    }

    struct ArtifactLocation: Codable {
        var uri: String
        var index: Int?
    }

    struct Result: Codable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [ResultLocation]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
    }

    struct ResultLocation: Codable {
        var physicalLocation: PhysicalLocation
        /// The member inside the artifact (`pkg.tgz!package/dist/cli.js.map`) when the file is an archive.
        var logicalLocations: [LogicalLocation]?
    }

    struct PhysicalLocation: Codable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    /// Where in the file: line 1 of a package manifest, or the byte offset of an inline map in a scanned file.
    struct Region: Codable {
        var startLine: Int?
        var startColumn: Int?
        var byteOffset: Int?
    }

    struct LogicalLocation: Codable {
        var fullyQualifiedName: String
        var kind: String
    }

    struct Suppression: Codable {
        var kind: String
        var justification: String
    }
}
